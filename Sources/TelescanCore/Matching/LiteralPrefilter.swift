/// Aho-Corasick over ASCII-case-folded bytes: one pass over a note tells which rules have one
/// of their required literals in it, so PCRE2 runs only those rules.
/// A literal that begins with a letter or digit must begin a word ("scheduling" does not wake
/// on "rescheduling"), and a short one (four characters or fewer) must be a whole word ("car"
/// does not wake on "cardiac" or "care"); a leading `*` lifts both ("*ologist" matches inside
/// a word).
/// The automaton is a full DFA over byte classes (only bytes that occur in literals, and the
/// word bytes, get a class of their own), which keeps the table small.
/// Word starts are part of the automaton: it reads a virtual boundary symbol at the start and
/// after every byte that is no word byte, and a key that must begin a word begins with that
/// symbol; inside a word that no key begins, the walk then stays on its first few states
/// (which stay in the fastest cache) instead of following every key that begins inside the
/// word. A whole-word key is reported on the byte after it, when that byte ends the word: the
/// walk stops only where the key is a word, not at every word it begins ("app" in
/// "appointment"). Both keep the table's hot rows few and the walk's stops to real keys.
/// A key of several words ("note by", "on call") is walked as its first word; where that
/// occurs, the rest is compared with the note's bytes, any run of whitespace (spaces, tabs, a
/// line break) matching the key's: "note  by" and "note\nby" wake the rule as "note by" does.
public final class LiteralPrefilter: @unchecked Sendable {
    /// The automaton, as built (the rule cache stores and restores it whole).
    struct Tables: Equatable {
        var byteClass: [UInt8]          // 256 entries
        /// Rows are padded to a power of two, 1 << rowShift entries, so a state's row is a shift.
        var rowShift: Int
        /// The DFA, `state << rowShift + class` → next state, whose top bit says the step has
        /// outputs: the next state has some, or the class is no word byte's and the state left
        /// has whole-word keys ending in it. In 16 bits when the states fit (the table then
        /// stays in the faster caches; it is read once per byte of every note), else in 32.
        var transitions16: MappedTable<UInt16>
        var transitions32: MappedTable<UInt32>
        var outputStart: [Int32]        // per state, into outputs; -1 = none
        /// Per state, into outputs, the whole-word keys that end there, reported when the walk
        /// leaves the state on a byte that is no word byte (or the text ends); -1 = none.
        var endOutputStart: [Int32]
        /// Per state, the state after the boundary symbol (the walk's step after a flagged
        /// step on a byte that ends a word).
        var afterBoundary: [Int32]
        var outputs: [Int64]            // packed entries (see `pack`), each state's list ending with -1
        /// Keys written with `=`: their exact bytes, checked after the case-folded match.
        var exactKeys: [[UInt8]]
        /// Keys of several words: a flag byte (1: compared with case, 0: without), then the
        /// whole key's bytes, compared from where its first word starts (see `Key.head`).
        var wordRuns: [[UInt8]] = []
    }
    let tables: Tables

    /// - Parameters:
    ///   - literals: for each rule index, its literals (lower-case); empty = none.
    ///   - before: for each rule index, per literal, a number its occurrences carry (how far
    ///     before it a phrase rule's match can start); empty = 0.
    public init(literals: [[String]], before: [[Int]] = []) {
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        let literals = literals.map { $0.map(LiteralPrefilter.Key.init) }
        for lits in literals { for lit in lits { for b in lit.head.utf8 {
            let f = LiteralPrefilter.fold(b)
            if classes[Int(f)] == 0 { classes[Int(f)] = next; next += 1 }
        } } }
        // Every word byte has a class of its own, so a class is all word bytes or none (a step
        // on a class that is not a word byte's ends the word, for whole-word keys).
        for b in 0..<256 where LiteralPrefilter.isWordByte(UInt8(b)) && classes[Int(LiteralPrefilter.fold(UInt8(b)))] == 0 {
            classes[Int(LiteralPrefilter.fold(UInt8(b)))] = next; next += 1
        }
        // Upper-case ASCII letters share their lower-case class.
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(b)] = classes[Int(b | 0x20)] }
        // So do the second bytes of Latin-1 capitals (see `fold`).
        for b in 0x80...0x9E { classes[b] = classes[b + 0x20] }
        classes = LiteralPrefilter.fittingRows(classes, keys: literals)
        let k = Int(classes.max()!) + 1
        // The automaton's symbols: the k classes and the boundary symbol.
        let boundary = k, symbols = k + 1

        // Trie, as one flat table (state * symbols + symbol); -1 = no edge yet. Flat arrays keep
        // the build to a few hundred microseconds (nested arrays were most of the prefilter's
        // share of start-up).
        var goto = [Int32](repeating: -1, count: symbols)
        var outs: [[Int64]] = [[]]
        var endOuts: [[Int64]] = [[]]
        var exact: [[UInt8]] = []
        var runs: [[UInt8]] = []
        for (rule, lits) in literals.enumerated() {
            for (j, lit) in lits.enumerated() where !lit.text.isEmpty {
                // The key as the walk reads it: the boundary symbol first when it must begin a
                // word, and after each byte inside it that is no word byte (as in the text).
                var path: [Int] = lit.wordStart ? [boundary] : []
                let bytes = Array(lit.head.utf8)
                for (i, b) in bytes.enumerated() {
                    path.append(Int(classes[Int(LiteralPrefilter.fold(b))]))
                    if i < bytes.count - 1 && !LiteralPrefilter.isWordByte(b) { path.append(boundary) }
                }
                var s = 0
                for c in path {
                    if goto[s * symbols + c] < 0 {
                        goto[s * symbols + c] = Int32(outs.count)
                        goto.append(contentsOf: repeatElement(-1, count: symbols))
                        outs.append([]); endOuts.append([])
                    }
                    s = Int(goto[s * symbols + c])
                }
                // A first word is always followed by whitespace: reported as a whole word when
                // it ends in a word byte (the walk then stops only where it is a word).
                let wholeWord = lit.head != lit.text ? LiteralPrefilter.isWordByte(bytes[bytes.count - 1]) : lit.wholeWord
                var entry = Int64(LiteralPrefilter.pack(rule: rule, length: bytes.count, wordStart: lit.wordStart, wholeWord: wholeWord))
                if lit.head != lit.text {
                    let run = [lit.exact ? 1 : 0] + Array(lit.text.utf8).map { lit.exact ? $0 : LiteralPrefilter.fold($0) }
                    let index = runs.firstIndex(of: run) ?? { runs.append(run); return runs.count - 1 }()
                    entry |= Int64(min(index + 1, 0xFFFF)) << 32 | 1 << 31
                } else if lit.exact {
                    let index = exact.firstIndex(of: bytes) ?? { exact.append(bytes); return exact.count - 1 }()
                    entry |= Int64(min(index + 1, 0xFFFF)) << 32
                }
                if rule < before.count, j < before[rule].count {
                    entry |= Int64(min(before[rule][j], 0x7FFF)) << 48
                }
                // A whole-word key that ends in a word byte is reported when the walk leaves its
                // state on a byte that ends the word; others are checked where they end.
                if wholeWord && LiteralPrefilter.isWordByte(bytes[bytes.count - 1]) {
                    if !endOuts[s].contains(entry) { endOuts[s].append(entry) }
                } else if !outs[s].contains(entry) {
                    outs[s].append(entry)
                }
            }
        }
        // Failure links, breadth first, turning the trie into a DFA.
        var fail = [Int](repeating: 0, count: outs.count)
        var queue: [Int] = []
        queue.reserveCapacity(outs.count)
        for c in 0..<symbols {
            if goto[c] < 0 { goto[c] = 0 } else { fail[Int(goto[c])] = 0; queue.append(Int(goto[c])) }
        }
        var head = 0
        goto.withUnsafeMutableBufferPointer { goto in
            while head < queue.count {
                let s = queue[head]; head += 1
                let f = fail[s]
                if !outs[f].isEmpty { for o in outs[f] where !outs[s].contains(o) { outs[s].append(o) } }
                if !endOuts[f].isEmpty { for o in endOuts[f] where !endOuts[s].contains(o) { endOuts[s].append(o) } }
                for c in 0..<symbols {
                    let t = goto[s * symbols + c]
                    if t < 0 { goto[s * symbols + c] = goto[f * symbols + c] } else {
                        fail[Int(t)] = Int(goto[f * symbols + c])
                        queue.append(Int(t))
                    }
                }
            }
        }
        // States renumbered breadth first: the shallow states, where the scan spends nearly all
        // its time, then share a few cache lines instead of being spread over the whole table.
        // A transition into a state with outputs has the sign bit set, so the scan reads the
        // output table only then.
        let order = [0] + queue
        var renumber = [Int32](repeating: 0, count: outs.count)
        for (new, old) in order.enumerated() { renumber[old] = Int32(new) }
        var shift = 0
        while 1 << shift < k { shift += 1 }
        let compact = order.count < 1 << 15
        // One step per byte: on a byte that ends a word, the class and then the boundary symbol.
        // That step is flagged when it has something to report: keys ending on the byte (in the
        // state after the class, which the table then holds; the scan takes the boundary step
        // itself, from `afterBoundary`) or whole-word keys ending before it. A step on a word
        // byte is flagged when the state it enters has outputs.
        let flag: UInt32 = compact ? 1 << 15 : 1 << 31
        let endsWord = LiteralPrefilter.classesEndingAWord(classes, width: 1 << shift)!
        // Per (old) state, once: its entry (new number and output flag), whether whole-word
        // keys end in it, and its entry after the boundary symbol (never flagged: no key ends
        // with it).
        let entryOf = (0..<outs.count).map { UInt32(renumber[$0]) | (outs[$0].isEmpty ? 0 : flag) }
        let leaves = endOuts.map { !$0.isEmpty }
        let bounded = (0..<outs.count).map { UInt32(renumber[Int(goto[$0 * symbols + boundary])]) }
        func fill<T: FixedWidthInteger>(_ type: T.Type) -> [T] {
            var table = [T](repeating: 0, count: order.count << shift)
            table.withUnsafeMutableBufferPointer { table in
            goto.withUnsafeBufferPointer { goto in
            entryOf.withUnsafeBufferPointer { entryOf in
            bounded.withUnsafeBufferPointer { bounded in
                for (new, old) in order.enumerated() {
                    let row = new << shift, from = old * symbols
                    let leaving = leaves[old]
                    for c in 0..<k {
                        let t = Int(goto[from + c])
                        var entry = entryOf[t]
                        if endsWord[c] && entry & flag == 0 { entry = leaving ? entry | flag : bounded[t] }
                        table[row + c] = T(truncatingIfNeeded: entry)
                    }
                }
            }
            }
            }
            }
            return table
        }
        let afterBoundary = order.map { renumber[Int(goto[$0 * symbols + boundary])] }
        var starts: [Int32] = []
        var endStarts: [Int32] = []
        var list: [Int64] = []
        func listed(_ o: [Int64]) -> Int32 {
            if o.isEmpty { return -1 }
            defer { list += o.sorted(); list.append(-1) }
            return Int32(list.count)
        }
        for old in order {
            starts.append(listed(outs[old]))
            endStarts.append(listed(endOuts[old]))
        }
        tables = Tables(byteClass: classes, rowShift: shift,
                        transitions16: compact ? MappedTable(fill(UInt16.self)) : [],
                        transitions32: compact ? [] : MappedTable(fill(UInt32.self)),
                        outputStart: starts, endOutputStart: endStarts, afterBoundary: afterBoundary,
                        outputs: list, exactKeys: exact, wordRuns: runs)
    }

    init(tables: Tables) { self.tables = tables }

    /// Rows are padded to a power of two, so a few classes over one (68 → 128 columns) double
    /// the table, which is read once per byte of every note, past the core's L2 cache. Then the
    /// continuation bytes of characters beyond ASCII (rare in keys: ’ • ☑ ✓ ½) share a class,
    /// the least used first, until the rows fit the power of two below. A shared class can only
    /// make a key seem to occur where a character differing in that byte stands (the walk then
    /// wakes a rule for PCRE2 to turn down, and keys written with `=` compare their bytes); it
    /// never hides one.
    static func fittingRows(_ classes: [UInt8], keys: [[Key]]) -> [UInt8] {
        let k = Int(classes.max() ?? 0) + 1
        var width = 1
        while width < k { width <<= 1 }
        let excess = k - width / 2
        // Each continuation byte in a key has a class of its own (0x80-0x9E folded onto
        // 0xA0-0xBE: a folded pair is one class, chosen or left together).
        let continuation = (0x9F...0xBF).filter { classes[$0] != 0 }
        guard excess > 0, continuation.count > excess else { return classes }
        var uses = [Int](repeating: 0, count: 256)
        for lits in keys { for key in lits { for b in Set(key.text.utf8.map(fold)) { uses[Int(b)] += 1 } } }
        var shared = Set(continuation.sorted { (uses[$0], $0) < (uses[$1], $1) }.prefix(excess + 1))
        for b in 0x80...0x9E where shared.contains(b + 0x20) { shared.insert(b) }
        // Renumbered in byte order, the shared bytes on the class of the first of them.
        var renumbered = [UInt8](repeating: 0, count: 256)
        var newClass = [Int: UInt8]()
        var sharedClass: UInt8? = nil
        var next: UInt8 = 1
        for b in 0..<256 where classes[b] != 0 {
            if shared.contains(b) {
                if sharedClass == nil { sharedClass = next; next += 1 }
                renumbered[b] = sharedClass!
            } else if let c = newClass[Int(classes[b])] {
                renumbered[b] = c
            } else {
                newClass[Int(classes[b])] = next
                renumbered[b] = next
                next += 1
            }
        }
        return renumbered
    }

    /// Whether tables read back from the rule cache are safe for `scan`, which reads them
    /// through raw pointers: every class within a row, every transition to a state that
    /// exists and flagged exactly when the step has something to report (see `init`), every
    /// boundary step to a state that exists, every output list ended, every
    /// output naming one of `slots` rule slots and an exact key that exists.
    static func isConsistent(_ t: Tables, slots: Int) -> Bool {
        guard t.byteClass.count == 256, (0..<16).contains(t.rowShift), t.transitions16.isEmpty != t.transitions32.isEmpty else { return false }
        let width = 1 << t.rowShift
        guard t.byteClass.allSatisfy({ Int($0) < width }) else { return false }
        let count = t.transitions16.isEmpty ? t.transitions32.count : t.transitions16.count
        let rows = count >> t.rowShift
        guard rows > 0, rows << t.rowShift == count, t.outputStart.count == rows, t.endOutputStart.count == rows,
              let endsWord = classesEndingAWord(t.byteClass, width: width) else { return false }
        guard t.outputs.isEmpty || t.outputs.last == -1,
              t.outputStart.allSatisfy({ $0 == -1 || (0..<t.outputs.count).contains(Int($0)) }),
              t.endOutputStart.allSatisfy({ $0 == -1 || (0..<t.outputs.count).contains(Int($0)) }),
              t.afterBoundary.count == rows, t.afterBoundary.allSatisfy({ (0..<rows).contains(Int($0)) }) else { return false }
        for e in t.outputs where e != -1 {
            let keys = e & (1 << 31) != 0 ? t.wordRuns.count : t.exactKeys.count
            guard e >= 0, Int(e & 0xFFFFF) < slots, Int((e >> 32) & 0xFFFF) <= keys else { return false }
        }
        guard t.wordRuns.allSatisfy({ $0.count > 1 && $0[0] <= 1 }) else { return false }
        // Raw pointers and one flag word per state: this runs over every transition on each
        // start-up that reads the cache (with `allSatisfy` and a bounds-checked lookup it was an
        // eighth of a one-note scan's instructions).
        let flagged = t.outputStart.map { $0 >= 0 ? 1 : 0 }
        let leaving = t.endOutputStart.map { $0 >= 0 ? 1 : 0 }
        let ending = endsWord.map { $0 ? 1 : 0 }
        let shift = t.rowShift
        func valid<T: FixedWidthInteger>(_ table: MappedTable<T>) -> Bool {
            let flag: T = 1 << (T.bitWidth - 1)
            return table.withUnsafeBufferPointer { table in
                flagged.withUnsafeBufferPointer { flagged in
                leaving.withUnsafeBufferPointer { leaving in
                ending.withUnsafeBufferPointer { ending in
                    var bad = 0
                    for row in 0..<rows {
                        let left = leaving[row], base = row << shift
                        for c in 0..<width {
                            let e = table[base + c]
                            let target = Int(e & ~flag)
                            if target >= rows { return false }
                            bad |= (flagged[target] | (ending[c] & left)) ^ (e & flag != 0 ? 1 : 0)
                        }
                    }
                    return bad == 0
                }
                }
                }
            }
        }
        return t.transitions16.isEmpty ? valid(t.transitions32) : valid(t.transitions16)
    }

    /// Per class (`width` of them, a row), whether a step on it ends a word: the bytes of the
    /// class are no word bytes (a class no byte maps to ends none). Nil when a class holds
    /// word bytes and others, which the builder never makes.
    static func classesEndingAWord(_ byteClass: [UInt8], width: Int) -> [Bool]? {
        var word = [Bool](repeating: false, count: width), other = word
        for b in 0..<256 {
            let c = Int(byteClass[b])
            guard c < width else { return nil }
            if isWordByte(UInt8(b)) { word[c] = true } else { other[c] = true }
        }
        for c in 0..<width where word[c] && other[c] { return nil }
        return other
    }

    /// A literal as written in rule data: `*` prefix = may start inside a word.
    struct Key {
        let text: String
        /// What the automaton walks: `text` up to its first whitespace between two other
        /// characters (the whole `text` when it is one word).
        let head: String
        let wordStart: Bool
        let wholeWord: Bool
        /// `=` prefix: the text must match with its case as written (a credential "DO", not
        /// the word "do").
        let exact: Bool
        init(_ raw: String) {
            exact = raw.hasPrefix("=")
            let raw = exact ? String(raw.dropFirst()) : raw
            if raw.hasPrefix("*") { text = String(raw.dropFirst()); wordStart = false; wholeWord = false } else {
                text = raw
                wordStart = raw.unicodeScalars.first.map(Key.isAlphanumeric) ?? false
                wholeWord = raw.utf8.count <= 4 && raw.unicodeScalars.allSatisfy(Key.isAlphanumeric)
            }
            let bytes = Array(text.utf8)
            let inner = bytes.indices.first { i in
                i > 0 && LiteralPrefilter.isSpace(bytes[i]) && !LiteralPrefilter.isSpace(bytes[i - 1])
                    && bytes[i...].contains { !LiteralPrefilter.isSpace($0) }
            }
            head = inner.map { String(decoding: bytes[..<$0], as: UTF8.self) } ?? text
        }

        /// Letters, marks and digits (what `CharacterSet.alphanumerics` holds), without Foundation.
        static func isAlphanumeric(_ u: Unicode.Scalar) -> Bool {
            if u.isASCII { return (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") }
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }
    }

    /// Output entry: rule index (bits 0-19), literal length in bytes (20-28), whole-word flag
    /// (29), word-start flag (30); in the 64-bit table entry also the exact key's index + 1
    /// (32-47) and the occurrence's `before` (48-62).
    static func pack(rule: Int, length: Int, wordStart: Bool, wholeWord: Bool) -> Int32 {
        Int32(rule) | Int32(min(length, 511)) << 20 | (wholeWord ? 1 << 29 : 0) | (wordStart ? 1 << 30 : 0)
    }

    /// ASCII letters and digits continue a word; any other byte (punctuation, and every byte
    /// of a multi-byte character: an em dash, a curly quote, an accented letter) does not,
    /// as for PCRE2's `\b` and `\w` without UCP. A key next to "—" must wake its rule.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122)
    }

    /// ASCII capitals to lower case, and the second byte of a Latin-1 capital ("É" C3 89, "Ã"
    /// C3 83, "Ñ" C3 91: 0x80-0x9E) to its small letter's (0xA0-0xBE), so an ALL-CAPS "PRÓXIMA"
    /// or "MÃE" wakes the keys "próxima" and "mãe" as PCRE2 (UTF, caseless) matches them. The
    /// byte is folded whatever leads it: a key may then wake on another letter's bytes too,
    /// which costs a PCRE2 run, never a match.
    @inline(__always) static func fold(_ b: UInt8) -> UInt8 {
        (b >= 65 && b <= 90) ? b | 0x20 : (b >= 0x80 && b <= 0x9E ? b &+ 0x20 : b)
    }

    /// ASCII whitespace, as PCRE2's `\s` without UCP: space, tab, line feed, vertical tab, form
    /// feed, carriage return.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || (b >= 9 && b <= 13)
    }

    /// Where a key of several words (`run`: its flag byte, then its bytes) ends when it starts
    /// at `from` in `text`, or nil when it does not occur there. A whitespace run in the key
    /// matches one of any length and kind in the text.
    static func wordRunEnd(_ run: [UInt8], _ text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let exact = run[0] == 1
        var i = 1, j = from
        let n = text.count
        while i < run.count {
            let k = run[i]
            if isSpace(k) {
                guard j < n, isSpace(text[j]) else { return nil }
                while i < run.count && isSpace(run[i]) { i += 1 }
                while j < n && isSpace(text[j]) { j += 1 }
                continue
            }
            guard j < n, exact ? text[j] == k : fold(text[j]) == k else { return nil }
            i += 1; j += 1
        }
        return j
    }

    /// Where a literal occurs: byte offsets in the note (a "\n"-led literal on the first line
    /// starts at 0).
    public struct Occurrence: Sendable {
        public var rule: Int32
        public var start: Int32
        public var end: Int32
        /// The literal's `before` number (see `init`).
        public var before: Int32
    }

    /// Sets `hits[rule] = true` for every rule whose literal occurs in `text` (only occurrences
    /// that lie within `range`, when given), and appends to `occurrences` each occurrence of a
    /// literal of a rule with `record[rule]` set, in order of their ends. Word boundaries are
    /// checked against the bytes around the occurrence even outside `range`.
    public func scan(_ text: UnsafeBufferPointer<UInt8>, in range: Range<Int>? = nil, hits: inout [Bool],
                     record: [Bool] = [], occurrences: inout [Occurrence]) {
        if tables.transitions32.isEmpty {
            tables.transitions16.withUnsafeBufferPointer { scan(text, range, $0, &hits, record, &occurrences) }
        } else {
            tables.transitions32.withUnsafeBufferPointer { scan(text, range, $0, &hits, record, &occurrences) }
        }
    }

    @inline(__always)
    func scan<T: FixedWidthInteger & UnsignedInteger>(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>?,
                                                      _ trans: UnsafeBufferPointer<T>, _ hits: inout [Bool],
                                                      _ record: [Bool], _ occurrences: inout [Occurrence]) {
        let shift = tables.rowShift
        let flag: T = 1 << (T.bitWidth - 1)
        // Raw pointers throughout: this loop runs once per byte of every note.
        hits.withUnsafeMutableBufferPointer { hits in
        record.withUnsafeBufferPointer { record in
        tables.byteClass.withUnsafeBufferPointer { cls in
        tables.outputStart.withUnsafeBufferPointer { ostart in
        tables.endOutputStart.withUnsafeBufferPointer { estart in
        tables.afterBoundary.withUnsafeBufferPointer { after in
        tables.outputs.withUnsafeBufferPointer { outs in
            let recorded = record.count
            let exactKeys = tables.exactKeys
            let wordRuns = tables.wordRuns
            @inline(__always) func emit(_ e: Int64, _ start: Int, _ end: Int) {
                let rule = Int(e & 0xFFFFF)
                hits[rule] = true
                if rule < recorded && record[rule] {
                    occurrences.append(Occurrence(rule: Int32(rule), start: Int32(start), end: Int32(end),
                                                  before: Int32((e >> 48) & 0x7FFF)))
                }
            }
            let n = text.count
            var pos = max(0, range?.lowerBound ?? 0)
            let stop = min(n, range?.upperBound ?? n)
            var s = 0   // the current state
            if pos == 0 {
                // Start as if after a line break, so "\n"-led literals match on line 1 (and
                // word-start keys at the first byte).
                let e = trans[Int(cls[10])]
                s = Int(e & ~flag)
                if e & flag != 0 {
                    if ostart[s] >= 0 {
                        var i = Int(ostart[s])
                        while outs[i] >= 0 { if (outs[i] >> 32) & 0xFFFF == 0 { emit(outs[i], 0, 0) }; i += 1 }
                    }
                    s = Int(after[s])
                }
            } else if pos < stop {
                // From the byte before the range, so a word-start key can start at the range's
                // first byte; occurrences must still start inside it.
                let b = text[pos - 1]
                let e = trans[Int(cls[Int(b)])]
                s = Int(e & ~flag)
                if e & flag != 0 && !LiteralPrefilter.isWordByte(b) { s = Int(after[s]) }
            }
            let lower = pos
            /// The entries of the list at `i` whose keys end at `last` (their last byte).
            @inline(__always) func report(_ list: Int, endingAt last: Int) {
                var i = list
                while outs[i] >= 0 {
                    let e = outs[i]
                    i += 1
                    let length = Int((e >> 20) & 0x1FF)
                    let start = last - length + 1
                    if lower > 0 && start < lower { continue }
                    if e & (1 << 30) != 0 && start > 0 && LiteralPrefilter.isWordByte(text[start - 1]) { continue }
                    if e & (1 << 29) != 0 && last + 1 < n && LiteralPrefilter.isWordByte(text[last + 1]) { continue }
                    var end = last + 1
                    let x = Int((e >> 32) & 0xFFFF)
                    if x != 0 && e & (1 << 31) != 0 {
                        // A key of several words: the rest of it, whitespace runs matching runs.
                        guard let to = LiteralPrefilter.wordRunEnd(wordRuns[x - 1], text, from: max(0, start)) else { continue }
                        end = to
                    } else if x != 0 {
                        // A key with its case: compare the note's own bytes.
                        let key = exactKeys[x - 1]
                        let from = last - key.count + 1
                        if from < 0 { continue }
                        var same = true
                        for j in 0..<key.count where text[from + j] != key[j] { same = false; break }
                        if !same { continue }
                    }
                    emit(e, max(0, start), end)
                }
            }
            var left = s   // the state the last step left
            while pos < stop {
                // Runs to the next flagged step (or the end) in registers of its own.
                pos = LiteralPrefilter.advance(text.baseAddress!, pos, stop, cls.baseAddress!, trans.baseAddress!, shift, &s, &left)
                if pos < stop {
                    if LiteralPrefilter.isWordByte(text[pos]) {
                        if ostart[s] >= 0 { report(Int(ostart[s]), endingAt: pos) }
                    } else {
                        // Whole-word keys that ended on the byte before (this byte ends the
                        // word), keys that end on this byte, then the boundary step.
                        if estart[left] >= 0 { report(Int(estart[left]), endingAt: pos - 1) }
                        if ostart[s] >= 0 { report(Int(ostart[s]), endingAt: pos) }
                        s = Int(after[s])
                    }
                }
                pos &+= 1
            }
            // Whole-word keys that end the scanned bytes: the text ends there, or the next byte
            // (outside the range) ends the word.
            if stop > lower, estart[s] >= 0, stop == n || !LiteralPrefilter.isWordByte(text[stop]) {
                report(Int(estart[s]), endingAt: stop - 1)
            }
        }
        }
        }
        }
        }
        }
        }
    }

    /// Steps the DFA from `pos` until a flagged step (returns its position, `state` set to the
    /// state it enters and `left` to the one it leaves) or `stop` (returns `stop`).
    @inline(never)
    static func advance<T: FixedWidthInteger & UnsignedInteger>(
        _ text: UnsafePointer<UInt8>, _ pos: Int, _ stop: Int, _ cls: UnsafePointer<UInt8>,
        _ trans: UnsafePointer<T>, _ shift: Int, _ state: inout Int, _ left: inout Int
    ) -> Int {
        let flag: T = 1 << (T.bitWidth - 1)
        var s = state
        var p = pos
        while p < stop {
            let t = trans[s &<< shift &+ Int(cls[Int(text[p])])]
            if t & flag != 0 { left = s; state = Int(t & ~flag); return p }
            s = Int(t)
            p &+= 1
        }
        state = s
        return stop
    }

    /// Whether `text` holds the long s "ſ" (U+017F) or the Kelvin sign "K" (U+212A): PCRE2
    /// matches them, without case, to "s" and "k", which the automaton (ASCII case folding)
    /// does not, so no key of a rule may be seen there.
    public static func hasCaselessVariant(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        let n = text.count
        /// Whether `lead` occurs followed by `second` (and `third`, when not 0).
        func has(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
            var i = 0
            while i < n, let hit = memchr(base + i, Int32(lead), n - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 1 < n && text[at + 1] == second && (third == 0 || (at + 2 < n && text[at + 2] == third)) { return true }
                i = at + 1
            }
            return false
        }
        return has(0xC5, 0xBF, 0) || has(0xE2, 0x84, 0xAA)
    }

    /// Whether `text` contains one of `literals` (for tests of rule data).
    public static func contains(_ text: String, anyOf literals: [String]) -> Bool {
        !occurrences(of: literals, in: text, first: true).isEmpty
    }

    /// Where `literals` occur in `text`, as UTF-8 byte ranges, with the automaton's rules (case,
    /// word starts, whole words, line-led keys); `first`: stop at the first one.
    public static func occurrences(of literals: [String], in text: String, first: Bool = false) -> [Range<Int>] {
        let original = Array(("\n" + text).utf8)
        let lowered = original.map(fold)
        var found: [Range<Int>] = []
        for raw in literals {
            let key = Key(raw)
            let folded = key.exact ? original : lowered
            let needle = Array(key.head.utf8).map { key.exact ? $0 : fold($0) }
            let run: [UInt8]? = key.head == key.text ? nil : [key.exact ? 1 : 0] + Array(key.text.utf8).map { key.exact ? $0 : fold($0) }
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            for start in 0...(folded.count - needle.count) where folded[start..<(start + needle.count)].elementsEqual(needle) {
                if key.wordStart && start > 0 && isWordByte(folded[start - 1]) { continue }
                var end = start + needle.count
                if let run {
                    guard let to = original.withUnsafeBufferPointer({ wordRunEnd(run, $0, from: start) }) else { continue }
                    end = to
                } else if key.wholeWord && end < folded.count && isWordByte(folded[end]) { continue }
                // Offsets in `text`: the "\n" in front (for keys that lead a line) is not in it.
                found.append(max(0, start - 1)..<(end - 1))
                if first { return found }
            }
        }
        return found
    }
}

import Foundation
