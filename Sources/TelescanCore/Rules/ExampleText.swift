/// An example text with its expected evidence marked `⟦…⟧`: the plain text and the marked
/// ranges in Unicode scalars.
public struct ExampleText: Sendable {
    public var text: String
    public var marked: [Range<Int>]

    public static let open: Unicode.Scalar = "⟦"
    public static let close: Unicode.Scalar = "⟧"

    public init(parsing source: String) {
        var plain = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var openAt: Int? = nil
        var n = 0
        for s in source.unicodeScalars {
            if s == ExampleText.open { openAt = n; continue }
            if s == ExampleText.close, let o = openAt { spans.append(o..<n); openAt = nil; continue }
            plain.append(s)
            n += 1
        }
        text = String(plain)
        marked = spans
    }
}
