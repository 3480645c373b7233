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

    func validate() throws {
        guard InputFormat(rawValue: inputFormat) != nil else {
            throw ValidationError("unknown --input-format '\(inputFormat)' (allowed: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func makeInputOptions() -> InputOptions {
        var options = InputOptions()
        options.format = InputFormat(rawValue: inputFormat)!
        options.jsonFields.id = idField
        options.jsonFields.text = textField
        return options
    }
}
