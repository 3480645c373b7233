/// Input formats `--input-format` accepts.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto, text, jsonl

    /// Guesses a format from a file name, then from its first bytes.
    public static func sniff(path: String?, head: ArraySlice<UInt8>) -> InputFormat {
        if let path {
            let lower = path.lowercased()
            if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
            if lower.hasSuffix(".txt") { return .text }
        }
        var h = head.drop(while: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 })
        if h.starts(with: [0xEF, 0xBB, 0xBF]) { h = h.dropFirst(3) }
        if h.first == UInt8(ascii: "{") { return .jsonl }
        return .text
    }
}

/// Options that shape how inputs become records.
public struct InputOptions: Sendable {
    public var format: InputFormat = .auto
    public var jsonFields = JSONLinesReader.Fields()
    public init() {}
}

/// Opens every input path (or standard input) as a reader of the right format, in order.
public struct InputChain: NoteReader {
    var sources: [String]
    let options: InputOptions
    var current: (any NoteReader)?
    var folderPaths: [String] = []
    public private(set) var totalBytes: Int?

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
            current = try open(sources.removeFirst())
        }
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
        if format == .auto { format = InputFormat.sniff(path: path == "-" ? nil : path, head: try stream.peek(512)) }
        let name = path == "-" ? "stdin" : path
        switch format {
        case .jsonl: return JSONLinesReader(stream: stream, name: name, fields: options.jsonFields)
        case .text, .auto: return path == "-" ? TextNoteReader(stdin: stream) : TextNoteReader(paths: [path])
        }
    }
}

import Foundation
