/// The text of an HTML or XHTML note, roughly as a browser shows it: tags dropped, `script`,
/// `style` and `title` content dropped, comments dropped, character references decoded
/// (named, `&#N;`, `&#xH;`), runs of white space collapsed to one space (kept inside `pre`),
/// `<br>` as a line break, and block elements (`p`, `div`, `li`, `tr`, headings, lists, tables…)
/// starting on a new line; table cells are separated by a space. `&nbsp;` counts as white space.
///
/// Evidence offsets then point into this text, not into the HTML.
enum HTMLText {
    static func text(_ html: [UInt8]) -> [UInt8] {
        var c = Converter(html: html)
        c.run()
        return c.out
    }

    static let blockTags: Set<String> = [
        "p", "div", "li", "tr", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header",
        "footer", "nav", "aside", "main", "address", "figure", "figcaption", "form", "fieldset", "legend",
        "body", "html", "center",
    ]
    static let cellTags: Set<String> = ["td", "th"]
    static let droppedTags: Set<String> = ["script", "style", "title", "template", "noscript"]

    struct Converter {
        let html: [UInt8]
        var i = 0
        var out: [UInt8] = []
        var pendingSpace = false
        var preDepth = 0

        init(html: [UInt8]) {
            self.html = html
            out.reserveCapacity(html.count)
        }

        mutating func run() {
            let n = html.count
            while i < n {
                let b = html[i]
                if b == UInt8(ascii: "<") { tag(); continue }
                if b == UInt8(ascii: "&") { entity(); continue }
                i += 1
                if b == 32 || b == 9 || b == 10 || b == 13 || b == 12 {
                    if preDepth > 0 { out.append(b == 13 ? 10 : b) } else { pendingSpace = true }
                    if b == 13, preDepth > 0, i < n, html[i] == 10 { i += 1 }
                    continue
                }
                visible()
                out.append(b)
            }
        }

        /// Before a visible character: the collapsed white space, unless at a line start.
        mutating func visible() {
            if pendingSpace, let last = out.last, last != 10 { out.append(32) }
            pendingSpace = false
        }

        mutating func lineBreak(always: Bool) {
            pendingSpace = false
            if always || (!out.isEmpty && out.last != 10) { out.append(10) }
        }

        mutating func tag() {
            let n = html.count
            // Comments, doctype, processing instructions, CDATA.
            if starts("<!--") {
                i = find("-->", from: i + 4).map { $0 + 3 } ?? n
                return
            }
            if i + 1 < n, html[i + 1] == UInt8(ascii: "!") || html[i + 1] == UInt8(ascii: "?") {
                i = find(">", from: i + 2).map { $0 + 1 } ?? n
                return
            }
            var j = i + 1
            let closing = j < n && html[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < n, isNameByte(html[j]) { j += 1 }
            guard j > nameStart, isLetter(html[nameStart]) else {
                // A lone '<' (as in "< 30 min") is text.
                visible()
                out.append(html[i])
                i += 1
                return
            }
            let name = String(decoding: html[nameStart..<j], as: UTF8.self).lowercased()
            // Skip the attributes, honouring quotes, to the closing '>'.
            var quote: UInt8 = 0
            while j < n {
                let c = html[j]
                if quote != 0 { if c == quote { quote = 0 } }
                else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c }
                else if c == UInt8(ascii: ">") { break }
                j += 1
            }
            let selfClosing = j > 0 && j < n && html[j - 1] == UInt8(ascii: "/")
            i = min(n, j + 1)
            if !closing && !selfClosing && HTMLText.droppedTags.contains(name) {
                // Raw text up to the matching end tag.
                var k = i
                while let lt = find("</", from: k) {
                    let e = lt + 2
                    let end = min(n, e + name.utf8.count)
                    if String(decoding: html[e..<end], as: UTF8.self).lowercased() == name {
                        i = find(">", from: end).map { $0 + 1 } ?? n
                        return
                    }
                    k = e
                }
                i = n
                return
            }
            if name == "br" { lineBreak(always: true); return }
            if name == "pre" { preDepth = max(0, preDepth + (closing ? -1 : (selfClosing ? 0 : 1))) }
            if HTMLText.blockTags.contains(name) { lineBreak(always: false); return }
            if HTMLText.cellTags.contains(name), !closing { pendingSpace = true }
        }

        mutating func entity() {
            let n = html.count
            var j = i + 1
            while j < n, j - i <= 32, html[j] != UInt8(ascii: ";"), html[j] != UInt8(ascii: "&"), html[j] != UInt8(ascii: "<"), html[j] > 32 { j += 1 }
            guard j < n, html[j] == UInt8(ascii: ";"), j > i + 1 else {
                visible(); out.append(html[i]); i += 1
                return
            }
            let body = html[(i + 1)..<j]
            var scalar: UInt32?
            if body.first == UInt8(ascii: "#") {
                let digits = body.dropFirst()
                if let f = digits.first, f == UInt8(ascii: "x") || f == UInt8(ascii: "X") {
                    scalar = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
                } else {
                    scalar = UInt32(String(decoding: digits, as: UTF8.self), radix: 10)
                }
                if var v = scalar {
                    // HTML maps these numeric references as Windows-1252 bytes.
                    if v >= 0x80 && v < 0xA0 { v = Charset.windows1252Scalar(UInt8(v)) }
                    if v == 0 { v = 0xFFFD }
                    scalar = v
                }
            } else {
                scalar = HTMLText.entities[String(decoding: body, as: UTF8.self)]
            }
            guard let v = scalar else {
                // Unknown reference: keep it as text.
                visible(); out.append(html[i]); i += 1
                return
            }
            i = j + 1
            if v == 0xA0 || v == 32 || v == 9 || v == 10 || v == 13 {
                if preDepth > 0 { out.append(v == 13 || v == 10 ? 10 : 32) } else { pendingSpace = true }
                return
            }
            visible()
            Charset.appendUTF8(v, to: &out)
        }

        func starts(_ s: String) -> Bool {
            let u = Array(s.utf8)
            return i + u.count <= html.count && html[i..<(i + u.count)].elementsEqual(u)
        }

        func find(_ s: String, from: Int) -> Int? {
            let u = Array(s.utf8)
            guard from <= html.count - u.count else { return nil }
            var k = from
            while k <= html.count - u.count {
                if html[k] == u[0] && html[k..<(k + u.count)].elementsEqual(u) { return k }
                k += 1
            }
            return nil
        }

        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        func isNameByte(_ c: UInt8) -> Bool { isLetter(c) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":") }
    }

    /// Named character references: the ISO-8859-1 set, then common punctuation, symbols,
    /// arrows and Greek letters.
    static let entities: [String: UInt32] = {
        var t: [String: UInt32] = [
            "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39,
            "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192,
            "circ": 0x2C6, "tilde": 0x2DC, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C,
            "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018,
            "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
            "dagger": 0x2020, "Dagger": 0x2021, "bull": 0x2022, "hellip": 0x2026, "permil": 0x2030,
            "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A, "euro": 0x20AC,
            "trade": 0x2122, "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194,
            "lArr": 0x21D0, "rArr": 0x21D2, "hArr": 0x21D4, "minus": 0x2212, "radic": 0x221A, "infin": 0x221E,
            "asymp": 0x2248, "ne": 0x2260, "equiv": 0x2261, "le": 0x2264, "ge": 0x2265, "sum": 0x2211,
            "check": 0x2713, "cross": 0x2717, "star": 0x2606, "starf": 0x2605,
            "Alpha": 0x391, "Beta": 0x392, "Gamma": 0x393, "Delta": 0x394, "Omega": 0x3A9,
            "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "epsilon": 0x3B5, "theta": 0x3B8,
            "kappa": 0x3BA, "lambda": 0x3BB, "mu": 0x3BC, "pi": 0x3C0, "sigma": 0x3C3, "tau": 0x3C4,
            "phi": 0x3C6, "omega": 0x3C9,
        ]
        let latin1 = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn \
        sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave \
        Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN \
        szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute \
        icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml \
        yacute thorn yuml
        """.split(separator: " ")
        for (k, name) in latin1.enumerated() { t[String(name)] = 0xA0 + UInt32(k) }
        return t
    }()
}
