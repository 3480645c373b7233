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
