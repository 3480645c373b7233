import Foundation
import TelescanCore
@_exported import TelescanTestSupport


extension NoteScanner {
    /// Scans one text note with the bundled rules (for tests).
    static func forTests(profile: String = "cpt", date: String = "2026-06-15", keepFindings: Bool = false) throws -> NoteScanner {
        let lex = try Repo.lexiconSet()
        return NoteScanner(engine: ScanEngine(lexicons: lex, decider: try Decider.builtin(profile, lexiconsRoot: Repo.lexicons), defaultDate: date, keepFindings: keepFindings))
    }

    func scan(text: String, id: String = "t") -> NoteResult { scan(NoteRecord(id: id, text: Array(text.utf8))) }
}

/// A small seeded generator (SplitMix64), so a randomised test is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
