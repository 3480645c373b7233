import Foundation
import TelescanLexicons

/// Finds the Lexicons folder: `--lexicons`, then `$TELESCAN_LEXICONS`, then the resource bundle
/// beside the binary, then `../share/telescan/Lexicons`, then the source tree.
enum LexiconLocator {
    static func locate(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["TELESCAN_LEXICONS"], !env.isEmpty { return env }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let dir = (exe as NSString).deletingLastPathComponent
        let candidates = [dir + "/" + TelescanLexicons.bundleFolder, dir + "/../share/telescan/Lexicons", TelescanLexicons.sourceFolder]
        for c in candidates where FileManager.default.fileExists(atPath: c + "/rules") { return c }
        return TelescanLexicons.sourceFolder
    }
}
