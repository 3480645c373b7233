import CPCRE2

/// Compile options for a pattern. UTF is on (notes are UTF-8; caseless matching folds
/// accented letters); UCP is off, so `\b`, `\w` and `\d` are ASCII (compiling with UCP cost
/// start-up time): every non-ASCII character, an em dash as much as "é", is a non-word
/// character, and the literal prefilter's word boundaries follow the same rule.
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
