import ArgumentParser
import TelescanCore

/// Options that say how to read the inputs.
struct InputOptionsGroup: ParsableArguments {
    @Option(name: .customLong("input-format"), help: "Input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (auto: by extension, then first bytes).")
    var inputFormat: String = "auto"

    @Option(name: .customLong("id-field"), help: "JSON Lines field holding the note id.")
    var idField: String = "id"

    @Option(name: .customLong("text-field"), help: "JSON Lines field holding the note text.")
    var textField: String = "text"

    @Option(name: .customLong("id-column"), help: "CSV/TSV column holding the note id (else <file>:<row>).")
    var idColumn: String = "id"

    @Option(name: .customLong("text-column"), help: "CSV/TSV column holding the note text (required).")
    var textColumn: String = "text"

    @Option(name: .customLong("date-column"), help: "CSV/TSV/line-table column holding the service date, if present ('' to ignore).")
    var dateColumn: String = "service_date"

    @Option(name: .customLong("status-column"), help: "CSV/TSV/line-table column holding new/established, if present ('' to ignore).")
    var statusColumn: String = "patient_status"

    @Option(name: .customLong("delimiter"), help: "CSV/TSV/line-table field delimiter: one character, \\t or tab (default: by format).")
    var delimiter: String?

    @Option(name: .customLong("line-id-column"), help: "Line table column holding the note id.")
    var lineIDColumn: String = "note_id"

    @Option(name: .customLong("line-number-column"), help: "Line table column holding the line number.")
    var lineNumberColumn: String = "line"

    @Option(name: .customLong("line-text-column"), help: "Line table column holding the line text.")
    var lineTextColumn: String = "text"

    @Option(name: .customLong("join"), help: "Line table: put between a note's lines (\\n, \\r\\n, \\t or any text).")
    var join: String = "\\n"

    @Flag(name: .customLong("line-sorted"), help: "Line table rows are grouped by note: emit each note when its id changes (bounded memory).")
    var lineSorted = false

    func validate() throws {
        guard InputFormat(rawValue: inputFormat) != nil else {
            throw ValidationError("unknown --input-format '\(inputFormat)' (allowed: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let delimiter {
            let d = InputOptions.unescape(delimiter)
            guard d.count == 1, ![UInt8(ascii: "\""), 10, 13].contains(d[0]) else {
                throw ValidationError("--delimiter must be one character other than a quote or a line break (got '\(delimiter)')")
            }
        }
    }

    func makeInputOptions() -> InputOptions {
        var options = InputOptions()
        options.format = InputFormat(rawValue: inputFormat)!
        options.jsonFields.id = idField
        options.jsonFields.text = textField
        options.columns.id = idColumn
        options.columns.text = textColumn
        options.columns.serviceDate = dateColumn
        options.columns.patientStatus = statusColumn
        options.delimiter = delimiter.map { InputOptions.unescape($0)[0] }
        options.lineTable.columns.noteID = lineIDColumn
        options.lineTable.columns.line = lineNumberColumn
        options.lineTable.columns.text = lineTextColumn
        options.lineTable.join = InputOptions.unescape(join)
        options.lineTable.lineSorted = lineSorted
        return options
    }
}
