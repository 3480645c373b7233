import Foundation
import TelescanCore

/// Paths into the source tree, so tests always check the data in the repository.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let lexicons = root + "/Lexicons"
    static let corpus = root + "/Corpus"
    static let shared = root + "/../shared"

    nonisolated(unsafe) static var cachedLexicons: LexiconSet?
    static func lexiconSet() throws -> LexiconSet {
        if let l = cachedLexicons { return l }
        let l = try LexiconSet(root: lexicons)
        cachedLexicons = l
        return l
    }
}

extension NoteScanner {
    /// Scans one text note with the bundled rules (for tests).
    static func forTests(profile: String = "cpt", date: String = "2026-06-15", keepFindings: Bool = false) throws -> NoteScanner {
        let lex = try Repo.lexiconSet()
        return NoteScanner(engine: ScanEngine(lexicons: lex, decider: try Decider.builtin(profile, lexiconsRoot: Repo.lexicons), defaultDate: date, keepFindings: keepFindings))
    }

    func scan(text: String, id: String = "t") -> NoteResult { scan(NoteRecord(id: id, text: Array(text.utf8))) }
}
