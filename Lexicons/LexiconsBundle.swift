// The rule data lives beside this file as resources; SwiftPM copies them into
// `telescan_TelescanLexicons.resources` next to the built binary, where telescan finds them.
public enum TelescanLexicons {
    /// The resource bundle's folder name beside the executable.
    public static let bundleFolder = "telescan_TelescanLexicons.resources"
    /// This folder in the source tree (a fallback for development builds).
    public static let sourceFolder: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!])
    }()
}
