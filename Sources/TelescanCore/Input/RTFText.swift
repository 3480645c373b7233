/// The text of an RTF note: groups and control words stripped; `\par`, `\line`, `\row`,
/// `\page`, `\sect` as line breaks, `\tab` as a tab, `\cell` as a space; `\'hh` decoded in the
/// document's code page (`\ansicpg`, Windows-1252 by default), `\uN` as Unicode (skipping the
/// `\ucN` fallback characters after it); `\~` as a space, `\_` as a hyphen, `\-` dropped;
/// typographic control words (`\emdash`, `\rquote`, `\bullet`…) as their characters.
/// Destinations that are not body text (`\fonttbl`, `\colortbl`, `\stylesheet`, `\info`,
/// `\pict`, `\*\…` and the like) are skipped with their groups.
enum RTFText {
    static func text(_ rtf: [UInt8]) -> [UInt8] {
        var c = Converter(rtf: rtf)
        c.run()
        return c.out
    }

    static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "headerl",
        "headerr", "headerf", "footerl", "footerr", "footerf", "listtable", "listoverridetable",
        "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles",
        "datastore", "filetbl", "revtbl", "fldinst", "bkmkstart", "bkmkend", "field-inst", "nonshppict",
        "footnote", "annotation", "atnid", "atnauthor", "pn", "pntext", "listtext", "mmathPr", "wgrffmtfilter",
    ]

    static let symbols: [String: UInt32] = [
        "emdash": 0x2014, "endash": 0x2013, "lquote": 0x2018, "rquote": 0x2019, "ldblquote": 0x201C,
        "rdblquote": 0x201D, "bullet": 0x2022, "emspace": 0x2003, "enspace": 0x2002, "qmspace": 0x2005,
    ]

    struct Converter {
        struct Group { var skip: Bool; var uc: Int }

        let rtf: [UInt8]
        var i = 0
        var out: [UInt8] = []
        var group = Group(skip: false, uc: 1)
        var stack: [Group] = []
        /// Fallback characters still to skip after a `\uN`.
        var skipChars = 0
        /// True right after `{`: a destination control word there decides whether to skip.
        var groupStart = false
        var codePage = Charset.windows1252

        init(rtf: [UInt8]) {
            self.rtf = rtf
            out.reserveCapacity(rtf.count / 2)
        }

        mutating func emit(_ v: UInt32) {
            if skipChars > 0 { skipChars -= 1; return }
            if !group.skip { Charset.appendUTF8(v, to: &out) }
        }

        mutating func run() {
            let n = rtf.count
            while i < n {
                let b = rtf[i]
                switch b {
                case UInt8(ascii: "{"):
                    stack.append(group)
                    groupStart = true
                    skipChars = 0
                    i += 1
                    continue
                case UInt8(ascii: "}"):
                    group = stack.popLast() ?? Group(skip: false, uc: 1)
                    skipChars = 0
                    i += 1
                case UInt8(ascii: "\\"):
                    controlWord()
                case 10, 13:
                    i += 1  // line breaks in RTF source are not text
                    continue
                default:
                    i += 1
                    emit(b < 0x80 ? UInt32(b) : Charset.windows1252Scalar(b))
                }
                groupStart = false
            }
        }

        mutating func controlWord() {
            let n = rtf.count
            let wasGroupStart = groupStart
            i += 1
            guard i < n else { return }
            let c = rtf[i]
            if !isLetter(c) {
                i += 1
                switch c {
                case UInt8(ascii: "'"):
                    guard i + 2 <= n, let v = UInt8(String(decoding: rtf[i..<(i + 2)], as: UTF8.self), radix: 16) else { return }
                    i += 2
                    emit(codePage == .windows1252 ? Charset.windows1252Scalar(v) : UInt32(v))
                case UInt8(ascii: "*"):
                    if wasGroupStart { group.skip = true }
                case UInt8(ascii: "~"): emit(32)
                case UInt8(ascii: "_"): emit(UInt32(UInt8(ascii: "-")))
                case UInt8(ascii: "-"): break
                case 10, 13: emit(10)  // "\" + line break = \par
                default: emit(UInt32(c))  // \\ \{ \} and other escaped symbols
                }
                return
            }
            let s = i
            while i < n, isLetter(rtf[i]) { i += 1 }
            let word = String(decoding: rtf[s..<i], as: UTF8.self)
            var param: Int?
            let ps = i
            if i < n, rtf[i] == UInt8(ascii: "-") || isDigit(rtf[i]) {
                i += 1
                while i < n, isDigit(rtf[i]) { i += 1 }
                param = Int(String(decoding: rtf[ps..<i], as: UTF8.self))
            }
            if i < n, rtf[i] == 32 { i += 1 }  // the delimiting space belongs to the control word
            if wasGroupStart && RTFText.skippedDestinations.contains(word) { group.skip = true; return }
            switch word {
            case "par", "line", "row", "page", "sect": emit(10)
            case "tab": emit(9)
            case "cell": emit(32)
            case "uc": group.uc = max(0, param ?? 1)
            case "u":
                guard var v = param else { return }
                if v < 0 { v += 65536 }
                let skip = group.uc
                emit(UInt32(v))
                skipChars = skip
            case "ansicpg":
                codePage = param.flatMap { Charset(label: String($0)) } ?? .windows1252
            case "bin":
                i = min(n, i + max(0, param ?? 0))  // binary data is never text
            default:
                if let v = RTFText.symbols[word] { emit(v) }
            }
        }

        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    }
}
