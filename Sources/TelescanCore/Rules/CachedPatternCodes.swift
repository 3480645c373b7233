import TelescanPCRE2

/// The rule cache's compiled pattern codes, one per rule (empty when a pattern did not
/// compile), each with a hash of its bytes. In a cache file they lie after the checksummed part
/// and are read one at a time, when a scan first needs a rule, and checked against their hash
/// then (PCRE2 runs serialised code unchecked): a warm start reads none of them, and they never
/// stay in memory as file pages (a bulk scan reads most, about 5 MB).
final class CachedPatternCodes: PatternCodeStore, @unchecked Sendable {
    struct Entry: Equatable {
        var offset: Int
        var length: Int
        var hash: Fingerprint
    }

    private enum Source {
        case memory([[UInt8]])
        /// Read from `file` at `base` + each entry's offset.
        case file(MappedFile, base: Int)
    }

    private let source: Source
    let entries: [Entry]

    /// Codes at hand (just compiled, to be written).
    init(_ codes: [[UInt8]]) {
        source = .memory(codes)
        var at = 0
        entries = codes.map { code in
            defer { at += code.count }
            return Entry(offset: at, length: code.count, hash: Fingerprint.of([code]))
        }
    }

    /// Codes copied from `bytes` (a cache file in memory) at `base`; one whose hash differs
    /// is dropped. `entries` checked to lie within it.
    convenience init(copying bytes: UnsafeRawBufferPointer, base: Int, entries: [Entry]) {
        self.init(entries.map { e in
            let code = Array(bytes[(base + e.offset)..<(base + e.offset + e.length)])
            return Fingerprint.of([code]) == e.hash ? code : []
        })
    }

    /// Codes read from `file` on demand; `entries` checked to lie within it.
    init(file: MappedFile, base: Int, entries: [Entry]) {
        source = .file(file, base: base)
        self.entries = entries
    }

    var count: Int { entries.count }

    func patternCode(_ index: Int) -> [UInt8]? {
        guard entries.indices.contains(index), entries[index].length > 0 else { return nil }
        let entry = entries[index]
        switch source {
        case .memory(let codes):
            return codes[index]
        case .file(let file, let base):
            guard let bytes = file.read(at: base + entry.offset, count: entry.length),
                  Fingerprint.of([bytes]) == entry.hash else { return nil }
            return bytes
        }
    }
}
