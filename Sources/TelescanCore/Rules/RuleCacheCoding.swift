/// The rule cache's file format: a header (magic, format version, fingerprint), then the named
/// lists, every rule definition field by field (examples aside: a scan never runs them), and
/// the tables of the two literal automata built from them (target and context rules).
/// Integers are 8 bytes little-endian; a string is its UTF-8 length and bytes. The file ends
/// with a checksum of all before it. Decoding checks the checksum and every length against the
/// bytes left, so a truncated or damaged file is a miss, not a crash and not altered rules.
/// A new field of `RuleDefinition` must be written here too: the round-trip test compares every
/// bundled rule loaded both ways.
enum RuleCacheCoding {
    /// Raised when the layout changes.
    static let formatVersion = 5
    static let magic = Array("TSRC".utf8)

    struct Contents: @unchecked Sendable {
        var lists: [String: [String]]
        var definitions: [RuleDefinition]
        var targetPrefilter: LiteralPrefilter.Tables
        var contextPrefilter: LiteralPrefilter.Tables
    }

    struct Damaged: Error {}

    static func encode(_ contents: Contents, fingerprint: Fingerprint) -> [UInt8] {
        var w = Writer()
        w.bytes += magic
        w.int(formatVersion)
        w.int(Int(bitPattern: UInt(fingerprint.high)))
        w.int(Int(bitPattern: UInt(fingerprint.low)))
        w.int(contents.lists.count)
        for name in contents.lists.keys.sorted() {
            w.string(name)
            w.strings(contents.lists[name]!)
        }
        w.int(contents.definitions.count)
        for d in contents.definitions { write(d, to: &w) }
        write(contents.targetPrefilter, to: &w)
        write(contents.contextPrefilter, to: &w)
        let sum = Fingerprint.of(w.bytes, count: w.bytes.count)
        w.int(Int(bitPattern: UInt(sum.high)))
        w.int(Int(bitPattern: UInt(sum.low)))
        return w.bytes
    }

    static func decode(_ file: [UInt8], expecting fingerprint: Fingerprint) throws(Damaged) -> Contents {
        guard file.count >= magic.count + 16, file[0..<magic.count].elementsEqual(magic) else { throw Damaged() }
        let end = file.count - 16
        var tail = Reader(bytes: file, end: file.count, at: end)
        let sum = Fingerprint.of(file, count: end)
        guard UInt64(UInt(bitPattern: try tail.int())) == sum.high, UInt64(UInt(bitPattern: try tail.int())) == sum.low else { throw Damaged() }
        var r = Reader(bytes: file, end: end)
        r.at = magic.count
        guard try r.int() == formatVersion else { throw Damaged() }
        let high = UInt64(UInt(bitPattern: try r.int())), low = UInt64(UInt(bitPattern: try r.int()))
        guard Fingerprint(high: high, low: low) == fingerprint else { throw Damaged() }
        var lists: [String: [String]] = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.string()
            lists[name] = try r.strings()
        }
        var definitions: [RuleDefinition] = []
        let n = try r.count()
        definitions.reserveCapacity(n)
        for _ in 0..<n { definitions.append(try read(&r)) }
        let target = try readTables(&r)
        let context = try readTables(&r)
        guard r.at == end else { throw Damaged() }
        // Second key sets take the slots after the rules' (see `CompiledRules`).
        let slots = 2 * definitions.count
        guard LiteralPrefilter.isConsistent(target, slots: slots), LiteralPrefilter.isConsistent(context, slots: slots) else {
            throw Damaged()
        }
        return Contents(lists: lists, definitions: definitions, targetPrefilter: target, contextPrefilter: context)
    }

    static func write(_ t: LiteralPrefilter.Tables, to w: inout Writer) {
        w.array(t.byteClass)
        w.int(t.rowShift)
        w.array(t.transitions16)
        w.array(t.transitions32)
        w.array(t.outputStart)
        w.array(t.endOutputStart)
        w.array(t.afterBoundary)
        w.array(t.outputs)
        w.int(t.exactKeys.count)
        for k in t.exactKeys { w.array(k) }
        w.int(t.wordRuns.count)
        for k in t.wordRuns { w.array(k) }
    }

    static func readTables(_ r: inout Reader) throws(Damaged) -> LiteralPrefilter.Tables {
        let byteClass: [UInt8] = try r.array()
        let rowShift = try r.int()
        let t16: [UInt16] = try r.array(), t32: [UInt32] = try r.array()
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
        let terminatedBy = try r.set(ContextCategory.self)
        let description = try r.optionalString()
        var d = RuleDefinition(id: id, kind: kind, file: file, patternSource: source, literals: literals,
                               alsoRequires: alsoRequires, reach: reach, reachAfter: reachAfter, literalPrefixes: prefixes,
                               value: value, valueFrom: valueFrom, values: values, set: set, priority: priority,
                               ignoreContext: ignore, direction: direction, window: window, appliesTo: appliesTo,
                               notAppliesTo: notAppliesTo, blockScope: blockScope, terminatedBy: terminatedBy,
                               examples: RuleExamples(match: [], noMatch: []), description: description)
        d.paragraphScope = paragraphScope
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
        mutating func map(_ m: [String: String]) {
            int(m.count)
            for k in m.keys.sorted() { string(k); string(m[k]!) }
        }
    }

    /// Reads `bytes` up to `end`.
    struct Reader {
        let bytes: [UInt8]
        let end: Int
        var at = 0

        mutating func int() throws(Damaged) -> Int {
            guard end - at >= 8 else { throw Damaged() }
            let v = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: Int64.self)) }
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
            let s = bytes.withUnsafeBufferPointer { String(decoding: $0[at..<(at + n)], as: UTF8.self) }
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
                bytes.withUnsafeBytes { src in
                    UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: src[at..<(at + n * size)]))
                }
                done = n
            }
            at += n * size
            return out
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
