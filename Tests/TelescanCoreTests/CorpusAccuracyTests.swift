import XCTest
import TelescanCore

/// The accuracy the README reports, enforced: every element at least 0.95 F1 on the corpus,
/// and no telehealth service found in MTSamples' in-person transcriptions.
final class CorpusAccuracyTests: XCTestCase {
    func testCorpusElementsAtLeast095F1() throws {
        let golds = try GoldRecord.load(path: Repo.corpus + "/gold.jsonl")
        XCTAssertGreaterThanOrEqual(golds.count, 150)
        let eval = try GoldEvaluator(lexicons: try Repo.lexiconSet(), date: "2026-06-15")
            .run(golds: golds, paths: [Repo.corpus + "/notes"], options: InputOptions())
        XCTAssertTrue(eval.unmatchedGold.isEmpty, "gold without note: \(eval.unmatchedGold)")
        XCTAssertTrue(eval.unmatchedResults.isEmpty, "note without gold: \(eval.unmatchedResults)")
        for (name, c) in eval.elements where c.support > 0 {
            XCTAssertGreaterThanOrEqual(c.f1, 0.95, "\(name): P \(c.precision) R \(c.recall)")
        }
        XCTAssertGreaterThanOrEqual(Double(eval.serviceCorrect) / Double(eval.notes), 0.95)
        // Issue 4: per profile, statuses, missing elements and code sets from the note text.
        XCTAssertEqual(Set(eval.profiles.keys), ["cpt", "medicare"])
        for (profile, p) in eval.profiles {
            let n = Double(p.notes)
            XCTAssertGreaterThanOrEqual(Double(p.status) / n, 0.95, "\(profile) status accuracy")
            XCTAssertGreaterThanOrEqual(Double(p.missing) / n, 0.95, "\(profile) missing-set exact match")
            XCTAssertGreaterThanOrEqual(Double(p.codes) / n, 0.95, "\(profile) code-set exact match")
        }
        if eval.minimumF1 < 0.95 {
            print(eval.report())
        }
    }

    /// Many typists put two spaces after a full stop. Every corpus note so typed must give the
    /// same status, service, element values, missing elements and codes as written: a pattern
    /// that wants exactly one space after a sentence's end ("(?<=[.;,]\\s)") lost the signature
    /// of "MDM low.  Idris Varga MD" and the home of "(no internet).  At home.".
    func testTwoSpacesAfterASentenceChangeNoResult() throws {
        let changed = try assertCorpusReadsTheSame { _, note in
            note.replacingOccurrences(of: #"([.;?!]) (?=\S)"#, with: "$1  ", options: .regularExpression)
        }
        XCTAssertGreaterThan(changed, 500)
    }

    /// Every corpus note typed with two spaces between words (every other note), or with
    /// no-break spaces there (copied from a word processor or a web page), must give the same
    /// results as written: a pattern's gap counts characters and some take one space, so these
    /// cost 1.1 points of status accuracy (0.985 -> 0.974) before `InnerSpaceRuns`.
    func testTwoSpacesOrNoBreakSpacesBetweenWordsChangeNoResult() throws {
        let changed = try assertCorpusReadsTheSame { k, note in
            note.replacingOccurrences(of: #"(?<=[A-Za-z]) (?=[A-Za-z])"#, with: k % 2 == 0 ? "  " : "\u{00A0}",
                                      options: .regularExpression)
        }
        XCTAssertGreaterThan(changed, 6000)
    }

    /// Every corpus note hard-wrapped at 72 columns, as exports and fixed-width reports write
    /// it: most must give the same results as written (`HardWrapRemnants` reads soft breaks as
    /// spaces). Measured: 98.3% of the notes the same (95.3% without it); the rest lose what a break
    /// before a capital or inside a form splits.
    func testHardWrappedNotesMostlyChangeNoResult() throws {
        let scanner = try NoteScanner.forTests()
        let dir = Repo.corpus + "/notes"
        var changed = 0, same = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            let note = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let typed = HardWrapRemnantsTests.wrapped(note, width: 72)
            if typed == note { continue }
            changed += 1
            if Self.summary(scanner.scan(text: typed)) == Self.summary(scanner.scan(text: note)) { same += 1 }
        }
        XCTAssertGreaterThan(changed, 3000)
        print("hard-wrapped at 72: \(same) of \(changed) notes the same")
        XCTAssertGreaterThanOrEqual(Double(same) / Double(changed), 0.975)
    }

    /// Every corpus note in capitals, as older systems write them: most must give the same
    /// results as written (`CapitalsCasing` reads them in title case, and the credentials list
    /// has "PHD" and "PSYD"). Measured: 97.2% of the notes the same (96.4% without the casing,
    /// 95.1% without either).
    func testNotesInCapitalsMostlyChangeNoResult() throws {
        let scanner = try NoteScanner.forTests()
        let dir = Repo.corpus + "/notes"
        var changed = 0, same = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            let note = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let typed = note.uppercased()
            if typed == note { continue }
            changed += 1
            // A name's case follows the note's ("Dana LEE" for "DANA LEE").
            if Self.summary(scanner.scan(text: typed)).lowercased() == Self.summary(scanner.scan(text: note)).lowercased() { same += 1 }
        }
        XCTAssertGreaterThan(changed, 6000)
        print("in capitals: \(same) of \(changed) notes the same")
        XCTAssertGreaterThanOrEqual(Double(same) / Double(changed), 0.97)
    }

    /// Every corpus note in lower case, as a texting register or a quick phone note types it:
    /// most must give the same results as written (`LowerCaseNames` reads a signature's name and
    /// credential in capitals). Measured: 91.3% of the notes the same (5.0% without it: nearly
    /// every note lost its clinician).
    func testNotesInLowerCaseMostlyChangeNoResult() throws {
        let scanner = try NoteScanner.forTests()
        let dir = Repo.corpus + "/notes"
        var changed = 0, same = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            let note = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let typed = note.lowercased()
            if typed == note { continue }
            changed += 1
            if Self.summary(scanner.scan(text: typed)).lowercased() == Self.summary(scanner.scan(text: note)).lowercased() { same += 1 }
        }
        XCTAssertGreaterThan(changed, 6000)
        print("in lower case: \(same) of \(changed) notes the same")
        XCTAssertGreaterThanOrEqual(Double(same) / Double(changed), 0.90)
    }

    /// Scans each corpus note as written and as `retyped` (given its index), and asserts the two
    /// give the same status, service, element values, missing elements and codes. Returns how
    /// many notes the retyping changed.
    func assertCorpusReadsTheSame(_ retyped: (Int, String) -> String, file: StaticString = #filePath,
                                  line: UInt = #line) throws -> Int {
        let scanner = try NoteScanner.forTests()
        let dir = Repo.corpus + "/notes"
        var changed = 0
        for (k, name) in try FileManager.default.contentsOfDirectory(atPath: dir).sorted().enumerated() {
            let note = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let typed = retyped(k, note)
            if typed == note { continue }
            changed += 1
            XCTAssertEqual(Self.summary(scanner.scan(text: typed)), Self.summary(scanner.scan(text: note)), name,
                           file: file, line: line)
        }
        return changed
    }

    static func summary(_ r: NoteResult) -> String {
        let e = r.elements
        let values: [String] = [
            "\(r.status)", "\(r.service.map(\.rawValue) ?? "-")", e.modality?.value ?? "-", "\(e.modalitySwitch?.value ?? false)",
            e.consent.map { "\($0.value.value)/\($0.value.by)" } ?? "-", "\(e.time?.value ?? -1)", e.mdm?.value ?? "-",
            e.patientLocation?.value ?? "-", e.providerLocation?.value ?? "-",
            e.performingProvider.map { "\($0.value.name ?? "")|\($0.value.credential ?? "")" } ?? "-",
            e.patientStatus?.value ?? "-", "\(e.audioOnlyReason?.value ?? false)", "\(e.deviceDays?.value ?? -1)",
            r.decision.missing.map(\.reason).joined(separator: ","), r.decision.codes.map(\.compact).joined(separator: ","),
        ]
        return values.joined(separator: " ")
    }

    func testMTSamplesYieldNoTelehealthService() throws {
        guard var reader = Repo.mtsamples() else {
            throw XCTSkip("../shared/eval/mtsamples is absent; MTSamples false positives not checked")
        }
        let scanner = try NoteScanner.forTests()
        var seen = Set<[UInt8]>()
        var telehealth: [String] = []
        while let record = try reader.next() {
            if record.error != nil || !seen.insert(record.text).inserted { continue }
            let r = scanner.scan(record)
            if let s = r.service, s.isTelehealth { telehealth.append("\(r.id): \(s.rawValue)") }
        }
        XCTAssertGreaterThan(seen.count, 2000)
        XCTAssertEqual(telehealth, [], "MTSamples notes read as telehealth")
    }
}
