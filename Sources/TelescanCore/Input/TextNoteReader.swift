import Foundation

/// Plain-text notes: one note per file. A folder is searched recursively for `.txt` files
/// (sorted, so runs are deterministic); the id is the path relative to the folder given.
public struct TextNoteReader: NoteReader {
    /// Largest note read whole; a larger file is an error record, not a crash.
    public static let maxNoteBytes = 64 << 20

    var pending: [(path: String, id: String)]
    var index = 0
    var stdin: ByteStream?

    public init(paths: [String]) {
        var files: [(String, String)] = []
        for p in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
                files += TextNoteReader.notes(inFolder: p)
            } else {
                files.append((p, p))
            }
        }
        pending = files
    }

    /// Standard input as one note.
    public init(stdin: ByteStream) {
        pending = [("-", "stdin")]
        self.stdin = stdin
    }

    static func notes(inFolder root: String) -> [(String, String)] {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var rel: [String] = []
        while let item = walker.nextObject() as? String {
            if item.lowercased().hasSuffix(".txt") { rel.append(item) }
        }
        return rel.sorted().map { (base + "/" + $0, $0) }
    }

    public mutating func next() throws -> NoteRecord? {
        guard index < pending.count else { return nil }
        let (path, id) = pending[index]
        index += 1
        if let stdin { return NoteRecord(id: id, text: try stdin.readAll()) }
        do {
            let s = try ByteStream(path: path)
            let bytes = try s.readAll(limit: TextNoteReader.maxNoteBytes)
            if bytes.count > TextNoteReader.maxNoteBytes {
                return .failed(id: id, code: "NOTE_TOO_LARGE", message: "\(path): larger than \(TextNoteReader.maxNoteBytes >> 20) MB")
            }
            return NoteRecord(id: id, text: bytes)
        } catch {
            return .failed(id: id, code: "UNREADABLE_FILE", message: "\(error)")
        }
    }
}
