/// The rule cache's file format: a header (magic, format version, fingerprint, where the
/// automata's tables begin, where the pattern codes begin, the number of rules), then the named
/// lists, every rule definition field by field (examples aside: a scan never runs them), the
/// context rules' margins (see `CompiledRules`), where each rule's compiled pattern code lies
/// and its hash, and the tables of the two literal automata built from them (target and
/// context rules); a checksum of all that; then the pattern codes (`CachedPatternCodes`).
/// Integers are 8 bytes little-endian; a string is its UTF-8 length and bytes; an automaton's
/// transition table is its count, zero bytes to a multiple of 8 from the file's start, then its
/// integers (read in place from the mapped file, see `MappedTable`).
/// Decoding checks the checksum and every length against the bytes left, so a truncated or
/// damaged file is a miss, not a crash and not altered rules; a damaged pattern code fails its
/// hash when read, and that pattern is compiled from its source.
/// A new field of `RuleDefinition` must be written here too: the round-trip test compares every
/// bundled rule loaded both ways.
enum RuleCacheCoding {
    /// Raised when the layout changes.
    static let formatVersion = 9
    static let magic = Array("TSRC".utf8)

    struct Contents: @unchecked Sendable {
        var lists: [String: [String]]
        var definitions: [RuleDefinition]
        var targetPrefilter: LiteralPrefilter.Tables
        var contextPrefilter: LiteralPrefilter.Tables
        /// How far around a sentence context literals are looked for: known once the context
        /// rules' lookbehinds are compiled, so a warm start compiles none of them (nil: compute).
        var contextMargins: CompiledRules.ContextMargins? = nil
        /// The rules' compiled pattern codes (nil: none stored).
        var patternCodes: CachedPatternCodes? = nil
    }

    struct Damaged: Error {}

    static func encode(_ contents: Contents, fingerprint: Fingerprint) -> [UInt8] {
        var w = Writer()
        w.bytes += magic
        w.int(formatVersion)
        w.int(Int(bitPattern: UInt(fingerprint.high)))
        w.int(Int(bitPattern: UInt(fingerprint.low)))
        let tablesOffsetAt = w.bytes.count
        w.int(0)  // where the tables begin, written below
        let codesOffsetAt = w.bytes.count
        w.int(0)  // where the pattern codes begin, written below
        w.int(contents.definitions.count)
        w.int(contents.lists.count)
        for name in contents.lists.keys.sorted() {
            w.string(name)
            w.strings(contents.lists[name]!)
        }
        for d in contents.definitions { write(d, to: &w) }  // as many as the header says
        w.optionalInt(contents.contextMargins?.before)
        w.optionalInt(contents.contextMargins?.after)
        let codes = contents.patternCodes?.entries ?? []
        w.array(codes.map { Int64($0.offset) })
        w.array(codes.map { Int64($0.length) })
        w.array(codes.map(\.hash.high))
        w.array(codes.map(\.hash.low))
        w.bytes += repeatElement(0, count: tablesAlignment(w.bytes.count) - w.bytes.count)
        w.patch(tablesOffsetAt, w.bytes.count)
        write(contents.targetPrefilter, to: &w)
        write(contents.contextPrefilter, to: &w)
        w.patch(codesOffsetAt, w.bytes.count + 16)
        let sum = Fingerprint.of(w.bytes, count: w.bytes.count)
        w.int(Int(bitPattern: UInt(sum.high)))
        w.int(Int(bitPattern: UInt(sum.low)))
        if let store = contents.patternCodes {
            for i in 0..<store.count { w.bytes += store.patternCode(i) ?? [] }
        }
        return w.bytes
    }

    /// Where the tables begin: the first multiple of 2 MB from `offset`. The kernel may map
    /// the file's pages in 2 MB folios, and dropping part of one (`MappedFile.discard`, the
    /// rules once decoded) unmaps the whole of it, to be faulted in again whole when the tables
    /// in it are read: a scan kept up to 2 MB of decoded rules resident.
    static func tablesAlignment(_ offset: Int) -> Int {
        let align = 2 << 20
        return (offset + align - 1) / align * align
    }

    /// The bytes before the lists: magic, format version, fingerprint, where the tables and the
    /// pattern codes begin.
    static let headerCount = magic.count + 5 * 8

    /// How much of a cache file to map, from its header: up to where the pattern codes begin
    /// (they are read one at a time, see `CachedPatternCodes`). Nil for a file of another kind.
    static func mappedLength(_ header: [UInt8]) -> Int? {
        guard header.count == headerCount, header.starts(with: magic) else { return nil }
        return header.withUnsafeBytes { raw -> Int? in
            var r = Reader(bytes: raw, end: raw.count, at: headerCount - 8)
            return try? r.int()
        }
    }

    static func decode(_ file: [UInt8], expecting fingerprint: Fingerprint) throws(Damaged) -> Contents {
        do { return try file.withUnsafeBytes { try decode($0, expecting: fingerprint) } } catch { throw Damaged() }
    }

    /// Decodes in place: `file` is the cache file mapped into memory (`RuleCache.load`), never
    /// copied whole. The checksum and the automata (read and checked) are done on a second
    /// thread while this one reads the rules: each half is about a quarter of a warm start-up.
    /// Reading the rules before the checksum is known is safe: every length is checked against
    /// the bytes left; a failed checksum then discards them.
    /// With `owner` (the mapping of `file`, which may end where the pattern codes begin), the automata's transitions are read in place and
    /// keep `owner` alive, and the pages before the tables (the rules, copied) are given back;
    /// without, they are copied.
    static func decode(_ file: UnsafeRawBufferPointer, expecting fingerprint: Fingerprint, owner: MappedFile? = nil) throws(Damaged) -> Contents {
        guard file.count >= magic.count + 16, file[0..<magic.count].elementsEqual(magic) else { throw Damaged() }
        var header = Reader(bytes: file, end: file.count)
        header.at = magic.count
        guard try header.int() == formatVersion else { throw Damaged() }
        let high = UInt64(UInt(bitPattern: try header.int())), low = UInt64(UInt(bitPattern: try header.int()))
        guard Fingerprint(high: high, low: low) == fingerprint else { throw Damaged() }
        let tablesAt = try header.int(), codesAt = try header.int()
        guard codesAt >= header.at + 16, codesAt <= file.count else { throw Damaged() }
        // The checksummed part ends before the checksum; the pattern codes follow it.
        let end = codesAt - 16
        var r = Reader(bytes: file, end: end, at: header.at)
        let ruleCount = try r.count()
        guard tablesAt >= r.at, tablesAt <= end else { throw Damaged() }
        let region = MappedRegion(bytes: file, owner: owner)
        let automata = BackgroundValue { () throws(Damaged) -> (LiteralPrefilter.Tables, LiteralPrefilter.Tables) in
            let file = region.bytes
            var tail = Reader(bytes: file, end: file.count, at: end)
            let sum = Fingerprint.of(UnsafeRawBufferPointer(rebasing: file[0..<end]))
            guard UInt64(UInt(bitPattern: try tail.int())) == sum.high, UInt64(UInt(bitPattern: try tail.int())) == sum.low else { throw Damaged() }
            var t = Reader(bytes: file, end: end, at: tablesAt)
            let target = try readTables(&t, owner: region.owner)
            let context = try readTables(&t, owner: region.owner)
            guard t.at == end else { throw Damaged() }
            // Second key sets take the slots after the rules' (see `CompiledRules`).
            let slots = 2 * ruleCount
            guard LiteralPrefilter.isConsistent(target, slots: slots), LiteralPrefilter.isConsistent(context, slots: slots) else {
                throw Damaged()
            }
            return (target, context)
        }
        // Waited for on every path out: the mapping must outlive the other thread's reads.
        defer { _ = try? automata.value() }
        var lists: [String: [String]] = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.string()
            lists[name] = try r.strings()
        }
        var definitions: [RuleDefinition] = []
        definitions.reserveCapacity(ruleCount)
        for _ in 0..<ruleCount { definitions.append(try read(&r)) }
        let before = try r.optionalInt(), after = try r.optionalInt()
        let offsets: [Int64] = try r.array(), lengths: [Int64] = try r.array()
        let highs: [UInt64] = try r.array(), lows: [UInt64] = try r.array()
        guard tablesAlignment(r.at) == tablesAt else { throw Damaged() }
        // The codes fill the file after the checksum, each within it.
        let room = (owner?.size ?? file.count) - codesAt
        var patternCodes: CachedPatternCodes? = nil
        if !offsets.isEmpty {
            guard offsets.count == ruleCount, lengths.count == ruleCount, highs.count == ruleCount, lows.count == ruleCount else { throw Damaged() }
            var entries: [CachedPatternCodes.Entry] = []
            entries.reserveCapacity(ruleCount)
            var used = 0
            for i in 0..<ruleCount {
                let offset = Int(offsets[i]), length = Int(lengths[i])
                guard offset >= 0, length >= 0, offset <= room, length <= room - offset else { throw Damaged() }
                used = max(used, offset + length)
                entries.append(.init(offset: offset, length: length, hash: Fingerprint(high: highs[i], low: lows[i])))
            }
            guard used == room else { throw Damaged() }
            patternCodes = owner.map { CachedPatternCodes(file: $0, base: codesAt, entries: entries) }
                ?? CachedPatternCodes(copying: file, base: codesAt, entries: entries)
        } else {
            guard lengths.isEmpty, highs.isEmpty, lows.isEmpty, room == 0 else { throw Damaged() }
        }
        var margins: CompiledRules.ContextMargins? = nil
        if let before, let after {
            guard before >= 0, after >= 0 else { throw Damaged() }
            margins = .init(before: before, after: after)
        }
        let (target, context) = try automata.value()
        // Read: the rules' pages need not stay resident for the rest of the run (2.7 MB).
        owner?.discard(before: tablesAt)
        return Contents(lists: lists, definitions: definitions, targetPrefilter: target, contextPrefilter: context,
                        contextMargins: margins, patternCodes: patternCodes)
    }

    /// The mapped file, handed to the thread that checks it (the caller keeps it mapped until
    /// that thread is done).
    struct MappedRegion: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let owner: AnyObject?
    }

    static func write(_ t: LiteralPrefilter.Tables, to w: inout Writer) {
        w.array(t.byteClass)
        w.int(t.rowShift)
        w.table(t.transitions16)
        w.table(t.transitions32)
        w.array(t.outputStart)
        w.array(t.endOutputStart)
        w.array(t.afterBoundary)
        w.array(t.outputs)
        w.int(t.exactKeys.count)
        for k in t.exactKeys { w.array(k) }
        w.int(t.wordRuns.count)
        for k in t.wordRuns { w.array(k) }
    }

    static func readTables(_ r: inout Reader, owner: AnyObject? = nil) throws(Damaged) -> LiteralPrefilter.Tables {
        let byteClass: [UInt8] = try r.array()
        let rowShift = try r.int()
        let t16: MappedTable<UInt16> = try r.table(owner: owner), t32: MappedTable<UInt32> = try r.table(owner: owner)
        let starts: [Int32] = try r.array(), endStarts: [Int32] = try r.array(), after: [Int32] = try r.array(),
            outputs: [Int64] = try r.array()
        var exact: [[UInt8]] = []
        for _ in 0..<(try r.count()) { exact.append(try r.array()) }
        var runs: [[UInt8]] = []
        for _ in 0..<(try r.count()) { runs.append(try r.array()) }
        // Their shape is checked once, by `LiteralPrefilter.isConsistent` in `decode`.
        return .init(byteClass: byteClass, rowShift: rowShift, transitions16: t16, transitions32: t32,
                     outputStart: starts, endOutputStart: endStarts, afterBoundary: after, outputs: outputs, exactKeys: exact, wordRuns: runs)
    }

    static func write(_ d: RuleDefinition, to w: inout Writer) {
        w.string(d.id)
        switch d.kind {
        case .target(let e): w.int(0); w.string(e.rawValue)
        case .context(let c): w.int(1); w.string(c.rawValue)
        }
        w.string(d.file)
        w.string(d.patternSource)
        w.strings(d.literals)
        w.strings(d.alsoRequires)
        w.flag(d.gatesOnNote)
        w.optionalInt(d.reach)
        w.optionalInt(d.reachAfter)
        w.flag(d.literalPrefixes != nil)
        if let p = d.literalPrefixes { w.int(p.count); for x in p { w.int(x) } }
        w.optionalString(d.value)
        w.optionalString(d.valueFrom)
        w.map(d.values)
        w.map(d.set)
        w.int(d.priority)
        w.strings(d.ignoreContext.map(\.rawValue).sorted())
        w.string(d.direction.rawValue)
        w.optionalInt(d.window)
        w.flag(d.appliesTo != nil)
        if let s = d.appliesTo { w.strings(s.map(\.rawValue).sorted()) }
        w.flag(d.notAppliesTo != nil)
        if let s = d.notAppliesTo { w.strings(s.map(\.rawValue).sorted()) }
        w.flag(d.blockScope)
        w.flag(d.paragraphScope)
        w.flag(d.previousLineScope)
        w.strings(d.terminatedBy.map(\.rawValue).sorted())
        w.optionalString(d.description)
    }

    static func read(_ r: inout Reader) throws(Damaged) -> RuleDefinition {
        let id = try r.string()
        let kind: RuleDefinition.Kind
        switch try r.int() {
        case 0: kind = .target(try r.value(Element.self))
        case 1: kind = .context(try r.value(ContextCategory.self))
        default: throw Damaged()
        }
        let file = try r.string()
        let source = try r.string()
        let literals = try r.strings()
        let alsoRequires = try r.strings()
        let gatesOnNote = try r.flag()
        let reach = try r.optionalInt()
        let reachAfter = try r.optionalInt()
        var prefixes: [Int]? = nil
        if try r.flag() {
            var p: [Int] = []
            for _ in 0..<(try r.count()) { p.append(try r.int()) }
            prefixes = p
        }
        let value = try r.optionalString()
        let valueFrom = try r.optionalString()
        let values = try r.map()
        let set = try r.map()
        let priority = try r.int()
        let ignore = try r.set(ContextCategory.self)
        let direction = try r.value(ContextDirection.self)
        let window = try r.optionalInt()
        let appliesTo = try r.flag() ? try r.set(Element.self) : nil
        let notAppliesTo = try r.flag() ? try r.set(Element.self) : nil
        let blockScope = try r.flag()
        let paragraphScope = try r.flag()
        let previousLineScope = try r.flag()
        let terminatedBy = try r.set(ContextCategory.self)
        let description = try r.optionalString()
        var d = RuleDefinition(id: id, kind: kind, file: file, patternSource: source, literals: literals,
                               alsoRequires: alsoRequires, reach: reach, reachAfter: reachAfter, literalPrefixes: prefixes,
                               value: value, valueFrom: valueFrom, values: values, set: set, priority: priority,
                               ignoreContext: ignore, direction: direction, window: window, appliesTo: appliesTo,
                               notAppliesTo: notAppliesTo, blockScope: blockScope, terminatedBy: terminatedBy,
                               examples: RuleExamples(match: [], noMatch: []), description: description)
        d.paragraphScope = paragraphScope
        d.previousLineScope = previousLineScope
        d.gatesOnNote = gatesOnNote
        return d
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func int(_ v: Int) {
            withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 }
        }
        mutating func flag(_ v: Bool) { bytes.append(v ? 1 : 0) }
        mutating func string(_ s: String) {
            int(s.utf8.count)
            bytes += s.utf8
        }
        mutating func strings(_ list: [String]) {
            int(list.count)
            for s in list { string(s) }
        }
        mutating func optionalInt(_ v: Int?) {
            flag(v != nil)
            if let v { int(v) }
        }
        mutating func optionalString(_ s: String?) {
            flag(s != nil)
            if let s { string(s) }
        }
        /// A table of fixed-width integers: its count, then its bytes as they lie in memory.
        mutating func array<T: FixedWidthInteger>(_ a: [T]) {
            int(a.count)
            a.withUnsafeBytes { bytes += $0 }
        }
        /// A table read in place when the file is mapped: its count, zero bytes up to a multiple
        /// of 8 from the file's start (so that the mapped integers are aligned), its bytes.
        mutating func table<T: FixedWidthInteger>(_ t: MappedTable<T>) {
            int(t.count)
            bytes += repeatElement(0, count: (8 - bytes.count % 8) % 8)
            t.withUnsafeBufferPointer { bytes += UnsafeRawBufferPointer($0) }
        }
        /// Overwrites the integer written at `offset`.
        mutating func patch(_ offset: Int, _ v: Int) {
            withUnsafeBytes(of: Int64(v).littleEndian) { bytes.replaceSubrange(offset..<(offset + 8), with: $0) }
        }
        mutating func map(_ m: [String: String]) {
            int(m.count)
            for k in m.keys.sorted() { string(k); string(m[k]!) }
        }
    }

    /// Reads `bytes` up to `end`.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        let end: Int
        var at = 0

        mutating func int() throws(Damaged) -> Int {
            guard end - at >= 8 else { throw Damaged() }
            let v = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self))
            at += 8
            return Int(v)
        }
        /// A count or length: never negative, never more than the bytes left.
        mutating func count() throws(Damaged) -> Int {
            let n = try int()
            guard n >= 0, n <= end - at else { throw Damaged() }
            return n
        }
        mutating func flag() throws(Damaged) -> Bool {
            guard at < end, bytes[at] <= 1 else { throw Damaged() }
            at += 1
            return bytes[at - 1] == 1
        }
        mutating func string() throws(Damaged) -> String {
            let n = try count()
            let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
            at += n
            return s
        }
        mutating func strings() throws(Damaged) -> [String] {
            let n = try count()
            var out: [String] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try string()) }
            return out
        }
        mutating func array<T: FixedWidthInteger>() throws(Damaged) -> [T] {
            let n = try int()
            let size = MemoryLayout<T>.stride
            guard n >= 0, n <= (end - at) / size else { throw Damaged() }
            let out = [T](unsafeUninitializedCapacity: n) { buf, done in
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n * size)]))
                done = n
            }
            at += n * size
            return out
        }
        /// See `Writer.table`: in place, keeping `owner` alive, when `owner` maps `bytes` (and the
        /// integers are aligned, as written); else copied.
        mutating func table<T: FixedWidthInteger>(owner: AnyObject?) throws(Damaged) -> MappedTable<T> {
            let n = try int()
            let pad = (8 - at % 8) % 8
            guard pad <= end - at else { throw Damaged() }
            at += pad
            let size = MemoryLayout<T>.stride
            guard n >= 0, n <= (end - at) / size else { throw Damaged() }
            let raw = UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n * size)])
            at += n * size
            if n > 0, let owner, let base = raw.baseAddress, Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 {
                return MappedTable(mapped: UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: n), owner: owner)
            }
            return MappedTable([T](unsafeUninitializedCapacity: n) { buf, done in
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: raw)
                done = n
            })
        }
        mutating func optionalInt() throws(Damaged) -> Int? { try flag() ? try int() : nil }
        mutating func optionalString() throws(Damaged) -> String? { try flag() ? try string() : nil }
        mutating func map() throws(Damaged) -> [String: String] {
            var m: [String: String] = [:]
            for _ in 0..<(try count()) {
                let k = try string()
                m[k] = try string()
            }
            return m
        }
        mutating func value<T: RawRepresentable>(_: T.Type) throws(Damaged) -> T where T.RawValue == String {
            guard let v = T(rawValue: try string()) else { throw Damaged() }
            return v
        }
        mutating func set<T: RawRepresentable & Hashable>(_: T.Type) throws(Damaged) -> Set<T> where T.RawValue == String {
            var s = Set<T>()
            for _ in 0..<(try count()) { s.insert(try value(T.self)) }
            return s
        }
    }
}
