import Foundation
import TelescanCore

/// Paths into the source tree, so tests always check the data in the repository; shared by
/// every test target.
public enum Repo {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    public static let lexicons = root + "/Lexicons"
    public static let corpus = root + "/Corpus"
    public static let docs = root + "/docs"
    public static let shared = root + "/../shared"

    /// A reader over MTSamples' transcriptions (`../shared/eval`), or nil when it is absent.
    public static func mtsamples() -> InputChain? {
        let file = shared + "/eval/mtsamples/mtsamples.jsonl"
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        var options = InputOptions()
        options.jsonFields.text = "transcription"
        options.jsonFields.id = "note_id"
        return InputChain(paths: [file], options: options)
    }

    nonisolated(unsafe) static var cachedLexicons: LexiconSet?
    /// The bundled rules, loaded once per test process.
    public static func lexiconSet() throws -> LexiconSet {
        if let l = cachedLexicons { return l }
        let l = try LexiconSet(root: lexicons)
        cachedLexicons = l
        return l
    }
}
