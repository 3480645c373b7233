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
    static let docs = root + "/docs"

    nonisolated(unsafe) static var cachedLexicons: LexiconSet?
    static func lexiconSet() throws -> LexiconSet {
        if let l = cachedLexicons { return l }
        let l = try LexiconSet(root: lexicons)
        cachedLexicons = l
        return l
    }
}
