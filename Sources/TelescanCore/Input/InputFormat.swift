/// Input formats `--input-format` accepts.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto, text, jsonl, csv, tsv, linetable, fhir, hl7

    /// Guesses a format from a file name, then from its first bytes:
    /// `.txt` text; `.jsonl`/`.ndjson` FHIR when the first object has a `resourceType`, else
    /// JSON Lines; `.csv`/`.tsv`/`.tab` a line table when the header has the line-table id and
    /// line-number columns, else CSV/TSV; `.hl7`/`.mdm` HL7. Otherwise by content: an MLLP
    /// start byte or `MSH|` is HL7; `{` is FHIR or JSON Lines as above; a first line that
    /// names the line-table columns, or the text column, is a line table or CSV/TSV;
    /// anything else is a text note.
    public static func sniff(path: String?, head: ArraySlice<UInt8>, options: InputOptions = InputOptions()) -> InputFormat {
        var h = head.drop(while: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 })
        if h.starts(with: [0xEF, 0xBB, 0xBF]) { h = h.dropFirst(3) }
        let firstLine = h.prefix { $0 != 10 && $0 != 13 }
        let ext = path.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        switch ext {
        case "txt": return .text
        case "jsonl", "ndjson": return looksLikeFHIR(firstLine) ? .fhir : .jsonl
        case "csv": return isLineTable(firstLine, delimiter: options.delimiter ?? UInt8(ascii: ","), options) ? .linetable : .csv
        case "tsv", "tab": return isLineTable(firstLine, delimiter: options.delimiter ?? 9, options) ? .linetable : .tsv
        case "hl7", "mdm": return .hl7
        default: break
        }
        if h.first == 0x0B || ["MSH", "FHS", "BHS"].contains(where: { firstLine.starts(with: Array("\($0)|".utf8)) }) { return .hl7 }
        if h.first == UInt8(ascii: "{") { return looksLikeFHIR(firstLine) ? .fhir : .jsonl }
        let delimiter = options.delimiter ?? guessDelimiter(firstLine)
        if isLineTable(firstLine, delimiter: delimiter, options) { return .linetable }
        let names = headerNames(firstLine, delimiter: delimiter)
        if names.count > 1, names.contains(DelimitedHeader.fold(options.columns.text)) { return delimiter == 9 ? .tsv : .csv }
        return .text
    }

    /// FHIR when the first line is a JSON object with a top-level `resourceType` (or, if it does
    /// not parse, merely contains that key), else JSON Lines. Key order is free in JSON, so the
    /// whole line is needed: `InputChain` passes it from `ByteStream.peekLine`.
    public static func jsonKind(firstLine: ArraySlice<UInt8>) -> InputFormat {
        if let fields = try? JSONObjectScanner.fields(firstLine, wanted: ["resourceType"]) {
            return fields["resourceType"] != nil ? .fhir : .jsonl
        }
        return looksLikeFHIR(firstLine) ? .fhir : .jsonl
    }

    static func looksLikeFHIR(_ line: ArraySlice<UInt8>) -> Bool {
        let key = Array("\"resourceType\"".utf8)
        guard line.count >= key.count else { return false }
        var i = line.startIndex
        while i <= line.endIndex - key.count {
            if line[i] == key[0], line[i..<(i + key.count)].elementsEqual(key) { return true }
            i += 1
        }
        return false
    }

    /// Tab when the first line has more tabs than commas, else comma.
    static func guessDelimiter(_ line: ArraySlice<UInt8>) -> UInt8 {
        line.filter { $0 == 9 }.count > line.filter { $0 == UInt8(ascii: ",") }.count ? 9 : UInt8(ascii: ",")
    }

    /// The column names of a header line, folded (quotes, blanks and case removed).
    static func headerNames(_ line: ArraySlice<UInt8>, delimiter: UInt8) -> [String] {
        line.split(separator: delimiter, omittingEmptySubsequences: false).map {
            DelimitedHeader.fold(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
        }
    }

    static func isLineTable(_ line: ArraySlice<UInt8>, delimiter: UInt8, _ options: InputOptions) -> Bool {
        let names = headerNames(line, delimiter: delimiter)
        let c = options.lineTable.columns
        return names.contains(DelimitedHeader.fold(c.noteID)) && names.contains(DelimitedHeader.fold(c.line))
    }
}

/// Options that shape how inputs become records.
public struct InputOptions: Sendable {
    public var format: InputFormat = .auto
    public var jsonFields = JSONLinesReader.Fields()
    /// CSV/TSV columns; the date and status columns also apply to line tables.
    public var columns = CSVNoteReader.Columns()
    /// CSV/TSV/line-table field delimiter; nil: comma for CSV, tab for TSV, guessed for line tables.
    public var delimiter: UInt8?
    public var lineTable = LineTableReader.Options()
    public init() {}

    /// Decodes the escapes a shell user types for `--delimiter` and `--join`:
    /// `\t`, `\n`, `\r`, `\\`, and the words `tab`, `comma`, `semicolon`, `pipe`.
    public static func unescape(_ s: String) -> [UInt8] {
        switch s.lowercased() {
        case "tab": return [9]
        case "comma": return [UInt8(ascii: ",")]
        case "semicolon": return [UInt8(ascii: ";")]
        case "pipe": return [UInt8(ascii: "|")]
        default: break
        }
        var out: [UInt8] = []
        var it = Array(s.utf8).makeIterator()
        while let c = it.next() {
            guard c == UInt8(ascii: "\\") else { out.append(c); continue }
            switch it.next() {
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case let other?: out.append(c); out.append(other)
            case nil: out.append(c)
            }
        }
        return out
    }
}

/// Opens every input path (or standard input) as a reader of the right format, in order.
public struct InputChain: NoteReader {
    var sources: [String]
    let options: InputOptions
    var current: (any NoteReader)?
    var folderPaths: [String] = []
    public private(set) var totalBytes: Int?
    /// What the readers counted besides records (skipped FHIR resources); shared by copies.
    public let stats = InputStats()

    /// - Parameter paths: files or folders; empty or `-` = standard input.
    public init(paths: [String], options: InputOptions) {
        sources = paths.isEmpty ? ["-"] : paths
        self.options = options
        totalBytes = InputChain.size(of: sources)
    }

    static func size(of paths: [String]) -> Int? {
        var total = 0
        for p in paths {
            if p == "-" { return nil }
            guard let attrs = try? FileManager.default.attributesOfItem(atPath: p),
                  let type = attrs[.type] as? FileAttributeType, type == .typeRegular,
                  let n = attrs[.size] as? Int else { return nil }
            total += n
        }
        return total
    }

    public mutating func next() throws -> NoteRecord? {
        while true {
            if current != nil, let r = try current!.next() { return r }
            current = nil
            guard !sources.isEmpty else { return nil }
            let path = sources.removeFirst()
            if options.format == .auto { sources.insert(contentsOf: InputChain.dataFiles(inFolder: path), at: 0) }
            current = try open(path)
        }
    }

    /// Export files (JSON Lines, CSV/TSV, FHIR NDJSON, HL7) in a folder, sorted: read after the
    /// folder's `.txt` notes, each in the format its extension and first bytes say. Empty when
    /// `path` is not a folder.
    static func dataFiles(inFolder path: String) -> [String] {
        var isDir: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue,
              let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        let exts: Set<String> = ["jsonl", "ndjson", "csv", "tsv", "hl7"]
        var out: [String] = []
        while let item = walker.nextObject() as? String {
            if exts.contains((item as NSString).pathExtension.lowercased()) { out.append(item) }
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        return out.sorted().map { base + "/" + $0 }
    }

    func open(_ path: String) throws -> any NoteReader {
        var isDir: ObjCBool = false
        if path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue {
            return TextNoteReader(paths: [path])
        }
        if path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw InputError(message: "no such file or folder: \(path)")
        }
        let stream = path == "-" ? ByteStream(fd: 0) : try ByteStream(path: path)
        var format = options.format
        if format == .auto {
            format = InputFormat.sniff(path: path == "-" ? nil : path, head: try stream.peek(1024), options: options)
            if format == .jsonl || format == .fhir {
                var line = try stream.peekLine(limit: TextNoteReader.maxNoteBytes)
                if line.last == 13 { line = line.dropLast() }
                format = InputFormat.jsonKind(firstLine: line)
            }
        }
        let name = path == "-" ? "stdin" : path
        switch format {
        case .jsonl: return JSONLinesReader(stream: stream, name: name, fields: options.jsonFields)
        case .csv: return try CSVNoteReader(stream: stream, name: name, delimiter: options.delimiter ?? UInt8(ascii: ","), columns: options.columns)
        case .tsv: return try CSVNoteReader(stream: stream, name: name, delimiter: options.delimiter ?? 9, columns: options.columns)
        case .linetable:
            var lineTable = options.lineTable
            lineTable.metadata = options.columns
            let ext = (path as NSString).pathExtension.lowercased()
            let delimiter = try options.delimiter ?? (ext == "tsv" || ext == "tab" ? 9 : ext == "csv" ? UInt8(ascii: ",")
                : InputFormat.guessDelimiter(stream.peek(1024).prefix { $0 != 10 && $0 != 13 }))
            return try LineTableReader(stream: stream, name: name, delimiter: delimiter, options: lineTable)
        case .fhir: return FHIRReader(stream: stream, name: name, stats: stats)
        case .hl7: return HL7Reader(stream: stream, name: name)
        case .text, .auto: return path == "-" ? TextNoteReader(stdin: stream) : TextNoteReader(paths: [path])
        }
    }
}

import Foundation
