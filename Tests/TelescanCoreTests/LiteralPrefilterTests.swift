import XCTest
@testable import TelescanCore

/// The prefilter's key forms: word start, whole word (four characters or fewer), `*` (inside a
/// word), `=` (with its case), a "\n"-led key on the first line; and where occurrences are.
final class LiteralPrefilterTests: XCTestCase {
    /// Which of the rules (one key list each) wake on `text`.
    func woken(_ keys: [[String]], _ text: String) -> [Int] {
        let p = LiteralPrefilter(literals: keys)
        var hits = [Bool](repeating: false, count: keys.count)
        var occurrences: [LiteralPrefilter.Occurrence] = []
        Array(text.utf8).withUnsafeBufferPointer { p.scan($0, hits: &hits, occurrences: &occurrences) }
        return hits.indices.filter { hits[$0] }
    }

    func testWordStartAndWholeWord() {
        XCTAssertEqual(woken([["scheduling"]], "Rescheduling needed."), [])
        XCTAssertEqual(woken([["scheduling"]], "Scheduling note."), [0])
        XCTAssertEqual(woken([["car"]], "cardiac care"), [])
        XCTAssertEqual(woken([["car"]], "in her CAR."), [0])
        XCTAssertEqual(woken([["*ologist"]], "the cardiologist"), [0])
    }

    func testNonASCIICharactersAreWordBoundariesAsForPCRE2() {
        // PCRE2 (UTF, no UCP) sees a boundary at "—", "’" or "é": so must the prefilter.
        XCTAssertEqual(woken([["home"]], "Patient at home—daughter present."), [0])
        XCTAssertEqual(woken([["=MD"]], "Tomas Lindqvist, MD—Cardiology"), [0])
        XCTAssertEqual(woken([["visit"]], "’visit’"), [0])
        XCTAssertTrue(LiteralPrefilter.contains("at home—daughter", anyOf: ["home"]))
        XCTAssertEqual(woken([["home"]], "homework"), [])
    }

    /// Latin-1 capitals wake the keys of their small letters, as PCRE2 (UTF, caseless) matches
    /// them; exact keys keep their case.
    func testLatin1CapitalsFold() {
        let keys = [["mãe"], ["próxima"], ["=MÃE"], ["✔"]]
        XCTAssertEqual(woken(keys, "A MÃE deu consentimento."), [0, 2])
        XCTAssertEqual(woken(keys, "PLAN: PRÓXIMA CONSULTA"), [1])
        XCTAssertEqual(woken(keys, "a mãe"), [0])
        XCTAssertEqual(woken(keys, "Video: ✔"), [3])
    }

    func testExactCaseKeys() {
        let keys = [["=DO"], ["do"]]
        XCTAssertEqual(woken(keys, "Will do so."), [1])
        XCTAssertEqual(woken(keys, "Ana Ruiz, DO"), [0, 1])
        XCTAssertEqual(woken(keys, "Ana Ruiz, Do"), [1])
        XCTAssertTrue(LiteralPrefilter.contains("Ana Ruiz, DO", anyOf: ["=DO"]))
        XCTAssertFalse(LiteralPrefilter.contains("I do.", anyOf: ["=DO"]))
        XCTAssertEqual(woken([["=*NP"]], "Kai Lee, FNPC"), [0])
    }

    func testLineLedKeyMatchesOnTheFirstLine() {
        XCTAssertEqual(woken([["\ns:"]], "S: cough"), [0])
        XCTAssertEqual(woken([["\ns:"]], "Vitals: ok"), [])
    }

    func testOccurrencesAreRecordedWhereTheKeysAre() {
        let p = LiteralPrefilter(literals: [["visit"], ["=MD"]])
        var hits = [Bool](repeating: false, count: 2)
        var occurrences: [LiteralPrefilter.Occurrence] = []
        Array("Video visit. Jo Li, MD; visit".utf8).withUnsafeBufferPointer {
            p.scan($0, hits: &hits, record: [true, true], occurrences: &occurrences)
        }
        XCTAssertEqual(occurrences.map { [$0.rule, $0.start, $0.end] }, [[0, 6, 11], [1, 20, 22], [0, 24, 29]])
    }

    func testARangeReportsOnlyTheOccurrencesInsideIt() {
        let p = LiteralPrefilter(literals: [["visit"], ["video"]])
        var hits = [Bool](repeating: false, count: 2)
        var occurrences: [LiteralPrefilter.Occurrence] = []
        let text = Array("Video visit. revisit visit video".utf8)
        text.withUnsafeBufferPointer {
            // From 13: "revisit" is no word start (the byte before the range still counts), the
            // second "visit" is; "video" at 0 and the one that runs past 29 are outside.
            p.scan($0, in: 13..<29, hits: &hits, record: [true, true], occurrences: &occurrences)
        }
        XCTAssertEqual(hits, [true, false])
        XCTAssertEqual(occurrences.map { [$0.rule, $0.start, $0.end] }, [[0, 21, 26]])
    }

    /// The automaton (with its word-start classes) finds exactly the occurrences a plain
    /// search over the text finds with the rules of the key forms: random keys of every form,
    /// placed densely (in both cases) in random text, over random ranges.
    func testFindsWhatAPlainSearchFinds() {
        var rng = SplitMix(seed: 5)
        let alphabet = Array("ab c\n1-é:".unicodeScalars)
        func text(_ length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
        }
        for round in 0..<400 {
            var keys: [[String]] = []
            for _ in 0..<(1 + Int(rng.next() % 10)) {
                let body = text(1 + Int(rng.next() % 5)).lowercased()
                let form = ["", "", "*", "=", "\n"][Int(rng.next() % 5)]
                keys.append([form == "=" ? "=" + body.uppercased() : form + body])
            }
            var note = ""
            while note.utf8.count < Int(rng.next() % 300) {
                if rng.next() % 2 == 0, let key = keys[Int(rng.next() % UInt64(keys.count))].first {
                    let body = key.hasPrefix("*") || key.hasPrefix("=") ? String(key.dropFirst()) : key
                    note += rng.next() % 3 == 0 ? body.uppercased() : body
                } else {
                    note += text(1 + Int(rng.next() % 3))
                }
            }
            let bytes = Array(note.utf8)
            let lower = rng.next() % 3 == 0 ? Int(rng.next() % UInt64(bytes.count + 1)) : 0
            let upper = lower + Int(rng.next() % UInt64(bytes.count - lower + 1))
            // The plain search.
            var expectedHits = [Bool](repeating: false, count: keys.count)
            var expected: [[Int32]] = []
            let hay = (lower == 0 ? [UInt8(10)] : []) + bytes[lower..<upper]
            let shift = lower == 0 ? -1 : lower
            for (rule, list) in keys.enumerated() {
                let key = LiteralPrefilter.Key(list[0])
                // A key of several words: its first word must lie in the range; the rest may
                // run past it, each whitespace run matching any run of whitespace.
                let needle = Array(key.head.utf8)
                let rest = Array(key.text.utf8.dropFirst(needle.count))
                guard needle.count <= hay.count else { continue }
                for a in 0...(hay.count - needle.count) {
                    let start = a + shift
                    var end = start + needle.count
                    let same = (0..<needle.count).allSatisfy { j in
                        key.exact ? start + j >= 0 && bytes[start + j] == needle[j] : LiteralPrefilter.fold(hay[a + j]) == LiteralPrefilter.fold(needle[j])
                    }
                    guard same else { continue }
                    if key.wordStart && start > 0 && LiteralPrefilter.isWordByte(bytes[start - 1]) { continue }
                    if !rest.isEmpty {
                        guard let to = Self.restEnd(rest, exact: key.exact, in: bytes, from: end) else { continue }
                        end = to
                    } else if key.wholeWord && end < bytes.count && LiteralPrefilter.isWordByte(bytes[end]) { continue }
                    expectedHits[rule] = true
                    expected.append([Int32(rule), Int32(max(0, start)), Int32(end)])
                }
            }
            let p = LiteralPrefilter(literals: keys)
            var hits = [Bool](repeating: false, count: keys.count)
            var occurrences: [LiteralPrefilter.Occurrence] = []
            bytes.withUnsafeBufferPointer {
                p.scan($0, in: lower..<upper, hits: &hits, record: [Bool](repeating: true, count: keys.count), occurrences: &occurrences)
            }
            let found = occurrences.map { [$0.rule, $0.start, $0.end] }
            XCTAssertEqual(hits, expectedHits, "round \(round): \(keys) in \(note.debugDescription) \(lower)..<\(upper)")
            XCTAssertEqual(found.sorted { $0.lexicographicallyPrecedes($1) }, expected.sorted { $0.lexicographicallyPrecedes($1) },
                           "round \(round): \(keys) in \(note.debugDescription) \(lower)..<\(upper)")
            // In order of their ends (the windows are built in one pass over them); a key of
            // several words is reported where its first word ends, so only one-word keys'
            // occurrences are in order of where they end.
            let oneWord = found.filter { let k = LiteralPrefilter.Key(keys[Int($0[0])][0]); return k.head == k.text }
            XCTAssertEqual(oneWord.map { $0[2] }, oneWord.map { $0[2] }.sorted(), "round \(round)")
        }
    }

    /// Where `rest` (a key's words after its first, with the whitespace before them) ends when
    /// it starts at `from`: written out byte by byte, as the spec the automaton must meet.
    static func restEnd(_ rest: [UInt8], exact: Bool, in bytes: [UInt8], from: Int) -> Int? {
        let space: Set<UInt8> = [9, 10, 11, 12, 13, 32]
        var i = 0, j = from
        while i < rest.count {
            if space.contains(rest[i]) {
                guard j < bytes.count, space.contains(bytes[j]) else { return nil }
                while i < rest.count, space.contains(rest[i]) { i += 1 }
                while j < bytes.count, space.contains(bytes[j]) { j += 1 }
            } else {
                guard j < bytes.count else { return nil }
                // Without case: ASCII and Latin-1 capitals fold (LiteralPrefilter.fold), in both.
                guard exact ? bytes[j] == rest[i] : LiteralPrefilter.fold(bytes[j]) == LiteralPrefilter.fold(rest[i]) else { return nil }
                i += 1; j += 1
            }
        }
        return j
    }

    /// A key of several words wakes its rule wherever its words stand with any whitespace
    /// between them (two spaces, a tab, a line break), and nowhere else; the occurrence runs
    /// from its first word to its last.
    func testKeysOfSeveralWordsMatchAnyWhitespaceBetweenTheirWords() {
        for text in ["Note by Dr. Li", "note  by Dr. Li", "NOTE\tBy", "Note\nby", "note \r\n  by"] {
            XCTAssertEqual(woken([["note by"]], text), [0], text.debugDescription)
            XCTAssertTrue(LiteralPrefilter.contains(text, anyOf: ["note by"]), text.debugDescription)
        }
        for text in ["Noteby Dr. Li", "note, by", "notes by", "keynote by", "note b"] {
            XCTAssertEqual(woken([["note by"]], text), [], text.debugDescription)
            XCTAssertFalse(LiteralPrefilter.contains(text, anyOf: ["note by"]), text.debugDescription)
        }
        XCTAssertEqual(woken([["on call"]], "the on\n   call team"), [0])
        XCTAssertEqual(woken([["on call"]], "upon call"), [])
        XCTAssertEqual(woken([["=Dr X"]], "seen by Dr  X"), [0])
        XCTAssertEqual(woken([["=Dr X"]], "seen by dr  x"), [])
        XCTAssertEqual(woken([["( x"]], "(  x) video"), [0])
        let p = LiteralPrefilter(literals: [["note by"], ["by"]])
        var hits = [Bool](repeating: false, count: 2)
        var occurrences: [LiteralPrefilter.Occurrence] = []
        Array("Note\n  by Jo".utf8).withUnsafeBufferPointer {
            p.scan($0, hits: &hits, record: [true, true], occurrences: &occurrences)
        }
        XCTAssertEqual(occurrences.map { [$0.rule, $0.start, $0.end] }, [[0, 0, 9], [1, 7, 9]])
        XCTAssertEqual(LiteralPrefilter.occurrences(of: ["note by"], in: "x note \n by"), [2..<11])
    }

    /// Keys with many characters beyond ASCII make more classes than a power of two holds: their
    /// continuation bytes then share a class (the table halves) and the walk may report a key
    /// where a character differing in that byte stands, but never misses one; ASCII keys and
    /// keys written with `=` stay exact.
    func testSharedClassesFindEveryKey() {
        let symbols = ["’s", "•time", "☑", "☒", "✓", "✔", "✅", "½", "→", "é", "ü", "—", "“", "”", "±", "°", "≥", "≤"]
        let ascii = [":", "-", "/", "(", ")", "[", "]", ".", ",", "?", "+", "'", "\"", ">", "_", "visit", "=MD"]
        let keys = (symbols + ascii).map { [$0] }
        let p = LiteralPrefilter(literals: keys)
        XCTAssertEqual(p.tables.rowShift, 6, "the rows fit 64 classes")
        var rng = SplitMix(seed: 17)
        let pieces = symbols + ["visit", "md", "MD", " ", "a", "x:", "(1)", "→→", "½-", "é’", "☐", "✗"]
        for round in 0..<500 {
            let note = (0..<Int(rng.next() % 40)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            var found = [Bool](repeating: false, count: keys.count)
            var occurrences: [LiteralPrefilter.Occurrence] = []
            Array(note.utf8).withUnsafeBufferPointer { p.scan($0, hits: &found, occurrences: &occurrences) }
            for (rule, list) in keys.enumerated() where LiteralPrefilter.contains(note, anyOf: list) {
                XCTAssertTrue(found[rule], "round \(round): \(list[0]) in \(note.debugDescription)")
            }
            for (rule, list) in keys.enumerated() where found[rule] && list[0].utf8.allSatisfy({ $0 < 0x80 }) {
                XCTAssertTrue(LiteralPrefilter.contains(note, anyOf: list), "round \(round): ASCII key \(list[0]) is exact")
            }
        }
    }

    /// Steps of the walk that stop it (flagged), over `text` from the start state.
    func stops(_ p: LiteralPrefilter, _ text: String) -> Int {
        let t = p.tables
        var s = 0, n = 0
        for b in Array(text.utf8) {
            let e = Int(t.transitions16[s << t.rowShift + Int(t.byteClass[Int(b)])])
            if e & 0x8000 != 0 { n += 1 }
            s = e & 0x7FFF
        }
        return n
    }

    func testWholeWordKeysStopTheWalkOnlyWhereTheyAreWords() {
        // "app" begins "appointment" and "apply": the walk must not stop there (it did, once
        // per such word, before a check turned the key down).
        let p = LiteralPrefilter(literals: [["app"], ["i"]])
        XCTAssertEqual(stops(p, " appointment apply in it "), 0)
        XCTAssertEqual(stops(p, " app. "), 1)
        XCTAssertEqual(stops(p, " i "), 1)
        XCTAssertEqual(woken([["app"]], "the app"), [0])
        XCTAssertEqual(woken([["app"]], "the apps"), [])
        // A key at the end of a range counts when the byte after the range ends the word.
        var hits = [false]
        var occurrences: [LiteralPrefilter.Occurrence] = []
        Array("my app, apps".utf8).withUnsafeBufferPointer {
            LiteralPrefilter(literals: [["app"]]).scan($0, in: 0..<6, hits: &hits, record: [true], occurrences: &occurrences)
        }
        XCTAssertEqual(occurrences.map { [$0.start, $0.end] }, [[3, 6]])
        occurrences.removeAll()
        Array("my apps".utf8).withUnsafeBufferPointer {
            LiteralPrefilter(literals: [["app"]]).scan($0, in: 0..<6, hits: &hits, record: [true], occurrences: &occurrences)
        }
        XCTAssertEqual(occurrences.count, 0)
    }

    /// The state after walking `text` from the start state (without reporting anything).
    func state(_ p: LiteralPrefilter, after text: String) -> Int {
        let t = p.tables
        var s = Int(t.afterBoundary[0])
        for b in Array(text.utf8) {
            let e = Int(t.transitions16[s << t.rowShift + Int(t.byteClass[Int(b)])])
            s = e & 0x7FFF
            if e & 0x8000 != 0 && !LiteralPrefilter.isWordByte(b) { s = Int(t.afterBoundary[s]) }
        }
        return s
    }

    func testWordStartKeysAreNotFollowedInsideAWord() {
        // Inside "outpatient" the walk need not follow "patient" (it must begin a word): it
        // stays on the root state, whose row is always in cache. A "*" key is followed anywhere.
        XCTAssertEqual(state(LiteralPrefilter(literals: [["patient"]]), after: "outpatien"), 0)
        XCTAssertNotEqual(state(LiteralPrefilter(literals: [["patient"]]), after: "a patien"), 0)
        XCTAssertNotEqual(state(LiteralPrefilter(literals: [["*patient"]]), after: "outpatien"), 0)
        XCTAssertEqual(woken([["patient"]], "outpatient"), [])
        XCTAssertEqual(woken([["*patient"]], "outpatient"), [0])
    }

    func testLargeAndSmallTablesFindTheSame() {
        // Enough distinct keys for more than 2^15 states: the 32-bit table.
        var keys: [[String]] = []
        for i in 0..<3000 { keys.append(["k\(String(i, radix: 36))xyzwvutsrqponm"]) }
        keys.append(["visit"])
        let big = LiteralPrefilter(literals: keys)
        XCTAssertTrue(big.tables.transitions16.isEmpty)
        XCTAssertFalse(LiteralPrefilter(literals: [["visit"]]).tables.transitions16.isEmpty)
        var hits = [Bool](repeating: false, count: keys.count)
        var occurrences: [LiteralPrefilter.Occurrence] = []
        Array("a k1xyzwvutsrqponm visit, kzzzxyzwvutsrqponm".utf8).withUnsafeBufferPointer {
            big.scan($0, hits: &hits, occurrences: &occurrences)
        }
        XCTAssertEqual(hits.indices.filter { hits[$0] }, [1, 3000])
    }

    func testPhraseKeysKeepTheirCaseOnlyWhenAsked() {
        XCTAssertEqual(PatternBuilder.key(ofPhrase: "PMHNP-BC").literal, "pmhnp")
        XCTAssertEqual(PatternBuilder.key(ofPhrase: "PMHNP-BC", keepingCase: true).literal, "=PMHNP")
        XCTAssertEqual(PatternBuilder.key(ofPhrase: "NP-C", keepingCase: true).literal, "=*NP")
        XCTAssertEqual(PatternBuilder.key(ofPhrase: "e-visit").literal, "*visit")
        XCTAssertEqual(PatternBuilder.key(ofPhrase: "family history").literal, "history")
        XCTAssertEqual(PatternBuilder.key(ofPhrase: "a/v").literal, "a/v")
    }
}

/// Provider names are cleaned the same way on the ASCII fast path and the general one.
final class ProviderNameTests: XCTestCase {
    func testASCIINamesCleanAsTheGeneralPathDoes() {
        let r = ElementResolver(credentials: ["MD"])
        for raw in ["  Dr. Ines  Barros, ", "Dr Ana\tLee;", "DR. JO   LI.", "\nL. Chen", "dr. dr. X", "Rosa Delgado", "Priya Ramaswamy-\n Cole",
                    "Ana Ruiz -\nDiaz", "Jo Kim - Park"] {
            // A trailing no-break space (trimmed as whitespace) sends the same name down the
            // general path.
            XCTAssertEqual(ElementResolver.cleanASCIIName(raw), r.cleanName(raw + "\u{00A0}"), raw)
        }
        XCTAssertEqual(r.cleanName("  Dr. Ines  Barros, "), "Ines Barros")
        // A hyphenated surname broken at the line's end is one word; a spaced hyphen on one line stays.
        XCTAssertEqual(r.cleanName("Priya Ramaswamy-\n Cole"), "Priya Ramaswamy-Cole")
        XCTAssertEqual(r.cleanName("Jo Kim - Park"), "Jo Kim - Park")
    }

    /// The provider location is one line: white space of any kind (no-break and em spaces,
    /// tabs, line breaks) collapsed to single spaces, as Foundation's components would give.
    func testPlaceSpacesCollapseAsFoundationWould() {
        for raw in ["", " ", "\t", "clinic", "  home office \t", "\u{00A0}office\u{2003}", "\nclinic\n", " \n a b \r ", "é ", "\u{00A0}",
                    "St.  Brigid\nnephrology office", "home\r\n office"] {
            let expected = raw.components(separatedBy: .whitespacesAndNewlines).filter { !$0.isEmpty }.joined(separator: " ")
            XCTAssertEqual(ElementResolver.collapsingSpaces(raw), expected, raw.debugDescription)
        }
    }
}
