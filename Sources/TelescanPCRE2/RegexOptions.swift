import CPCRE2

/// Compile options for a pattern. UTF and UCP are on by default: notes are UTF-8 and
/// `\b`, `\w` and caseless matching must understand accented letters.
public struct RegexOptions: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseless = RegexOptions(rawValue: UInt32(PCRE2_CASELESS))
    public static let utf = RegexOptions(rawValue: UInt32(PCRE2_UTF))
    public static let ucp = RegexOptions(rawValue: UInt32(PCRE2_UCP))
    public static let multiline = RegexOptions(rawValue: UInt32(PCRE2_MULTILINE))
    public static let dotAll = RegexOptions(rawValue: UInt32(PCRE2_DOTALL))
    public static let extended = RegexOptions(rawValue: UInt32(PCRE2_EXTENDED))

    /// Lets a match's start be limited (`forEachMatch(startLimit:)`).
    public static let useOffsetLimit = RegexOptions(rawValue: UInt32(PCRE2_USE_OFFSET_LIMIT))
    public static let standard: RegexOptions = [.caseless, .utf, .multiline]
}
