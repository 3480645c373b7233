/// HTML left in a plain-text note by an export ("<b>Total Time:</b> 32 minutes",
/// "Consent: Yes<br>Location: home", "&nbsp;"), masked for matching: each known tag becomes
/// spaces of its own length (a line-breaking tag starts with a line break), each common
/// character reference its character then spaces, and each no-break space character (U+00A0,
/// U+2007, U+202F, which PCRE2's `\s` does not match without UCP) as many spaces as its bytes.
/// The masked copy has the note's length and offsets, so evidence still quotes the note as
/// given. Only tags of HTML's own vocabulary are touched, so "BP <140" or "<5 minutes" stay as
/// written.
public enum HTMLRemnants {
    /// The masked copy, or nil when the note holds no tag or reference to mask.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        // Most notes hold none of these bytes, and this runs on every note.
        guard ByteSearch.contains(text, UInt8(ascii: "<")) || ByteSearch.contains(text, UInt8(ascii: "&"))
                || ByteSearch.contains(text, 0xC2) || ByteSearch.contains(text, 0xE2) else { return nil }
        var out = text
        var changed = false
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b == UInt8(ascii: "<"), let (end, breaksLine) = tag(text, at: i) {
                for k in i..<end { out[k] = 32 }
                if breaksLine { out[i] = 10 }
                changed = true
                i = end
            } else if b == UInt8(ascii: "&"), let (end, char) = reference(text, at: i) {
                for k in i..<end { out[k] = 32 }
                out[i] = char
                changed = true
                i = end
            } else if b == 0xC2, i + 1 < n, text[i + 1] == 0xA0 {
                out[i] = 32; out[i + 1] = 32
                changed = true
                i += 2
            } else if b == 0xE2, i + 2 < n, text[i + 1] == 0x80, text[i + 2] == 0xAF || text[i + 2] == 0x87 {
                out[i] = 32; out[i + 1] = 32; out[i + 2] = 32
                changed = true
                i += 3
            } else {
                i += 1
            }
        }
        return changed ? out : nil
    }

    /// Tags after which text starts on a new line as a browser shows it.
    static let lineBreaking: Set<String> = [
        "br", "p", "div", "li", "tr", "ul", "ol", "table", "thead", "tbody", "tfoot", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "pre", "blockquote", "section", "header", "footer", "body", "html", "dt", "dd",
    ]
    static let inline: Set<String> = [
        "b", "i", "u", "em", "strong", "span", "font", "small", "big", "sub", "sup", "a", "mark", "s",
        "strike", "tt", "code", "td", "th", "caption", "center", "label", "img", "head", "title",
    ]

    /// The end (exclusive) of the tag starting at `start`, and whether it breaks the line; nil
    /// when the text there is not a tag of HTML's vocabulary closed on the same line.
    static func tag(_ t: [UInt8], at start: Int) -> (Int, Bool)? {
        var i = start + 1
        let n = t.count
        if i < n, t[i] == UInt8(ascii: "/") { i += 1 }
        let nameStart = i
        while i < n, i - nameStart < 12, isAlnum(t[i]) { i += 1 }
        guard i > nameStart, ASCIIByte.isLetter(t[nameStart]) else { return nil }
        let name = String(decoding: t[nameStart..<i].map { $0 | 0x20 }, as: UTF8.self)
        let breaks = lineBreaking.contains(name)
        guard breaks || inline.contains(name) else { return nil }
        // The name ends the tag ("<b>", "<br/>") or attributes follow ("<font size=2>").
        var sawEquals = false
        let limit = min(n, start + 300)
        while i < limit {
            let c = t[i]
            if c == UInt8(ascii: ">") {
                let bare = i == start + 1 + (t[start + 1] == UInt8(ascii: "/") ? 1 : 0) + name.utf8.count
                let selfClosing = t[i - 1] == UInt8(ascii: "/")
                return bare || selfClosing || sawEquals ? (i + 1, breaks) : nil
            }
            if c == 10 || c == 13 || c == UInt8(ascii: "<") { return nil }
            if c == UInt8(ascii: "=") { sawEquals = true }
            i += 1
        }
        return nil
    }

    static let references: [(name: [UInt8], char: UInt8)] = [
        ("nbsp;", 32), ("#160;", 32), ("#xa0;", 32), ("amp;", 38), ("lt;", 60), ("gt;", 62),
        ("quot;", 34), ("#39;", 39), ("apos;", 39),
        // Line breaks written as references by exports ("Consent: verbal&#13;&#10;Time: 20").
        ("#10;", 10), ("#xa;", 10), ("#13;", 32), ("#xd;", 32),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The end of the character reference at `start` and its (ASCII) character.
    static func reference(_ t: [UInt8], at start: Int) -> (Int, UInt8)? {
        for r in references where start + 1 + r.name.count <= t.count {
            var same = true
            for (k, c) in r.name.enumerated() where (t[start + 1 + k] | (ASCIIByte.isLetter(t[start + 1 + k]) ? 0x20 : 0)) != c {
                same = false
                break
            }
            if same { return (start + 1 + r.name.count, r.char) }
        }
        return nil
    }

    static func isAlnum(_ b: UInt8) -> Bool { ASCIIByte.isLetter(b) || (b >= 48 && b <= 57) }
}
