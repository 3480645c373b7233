/// Exports and templates that set a line's label off from its answer with a bar or an equals
/// sign instead of a colon ("Patient Location | Home", "Time On Phone = 16 Min"): the separator
/// is the label's colon, so the blank before it becomes ":" and the separator a space
/// ("Patient Location:  Home", same length, as `FormArrowRemnants`), and every `label:` rule
/// reads the line. Only after a short label at the line's start (one to six words, starting with a
/// capital, no colon, comma or sentence mark) and only when one answer follows: a line of several
/// bars is a list of fields ("Portal e-visit | established | pt-initiated"), and a table row is
/// `TableCellRemnants`'s. Dashes are left alone: title lines ("Virtual Check-In - telephone"),
/// signatures ("Ana Ruiz (DO) - signed") and prose use them as often as labels do. Runs after the
/// abbreviation legend, whose "VC = verbal consent" lines are definitions, not labels.
public enum LabelSeparatorRemnants {
    static let maxLabelBytes = 48
    static let maxLabelWords = 6

    /// The masked copy, or nil when no line holds such a label.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8]? = nil
        let n = text.count
        var lineStart = 0
        text.withUnsafeBufferPointer { t in
            while lineStart < n {
                let lineEnd = ByteSearch.next(10, in: text, from: lineStart) ?? n
                if let separator = labelSeparator(t, lineStart, lineEnd) {
                    if out == nil { out = text }
                    out![separator - 1] = UInt8(ascii: ":")
                    out![separator] = 32
                }
                lineStart = lineEnd + 1
            }
        }
        return out
    }

    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool { b == UInt8(ascii: "|") || b == UInt8(ascii: "=") }

    /// Where the line's label separator is, when the line opens with a label and one answer
    /// follows the separator.
    static func labelSeparator(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end, ASCIIByte.isLineBlank(t[i]) { i += 1 }
        guard i < end, ASCIIByte.isUpper(t[i]) else { return nil }
        let labelStart = i
        var words = 1
        while i < end, i - labelStart <= maxLabelBytes {
            let b = t[i]
            if b == UInt8(ascii: ":") || b == UInt8(ascii: ";") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!")
                || b == UInt8(ascii: ",") || isSeparator(b) {
                return nil
            }
            // A sentence's full stop ("Plan as above. t = 16 min"), not an abbreviation's
            // ("Pt. location | home"): after a word of three letters or more.
            if b == UInt8(ascii: "."), i - labelStart >= 3,
               ASCIIByte.isLetter(t[i - 1]), ASCIIByte.isLetter(t[i - 2]), ASCIIByte.isLetter(t[i - 3]) { return nil }
            guard ASCIIByte.isLineBlank(b) else { i += 1; continue }
            var j = i
            while j < end, ASCIIByte.isLineBlank(t[j]) { j += 1 }
            guard j < end else { return nil }
            if isSeparator(t[j]) {
                let after = j + 1
                // A separator has blanks on both sides and an answer after it.
                guard after < end, ASCIIByte.isLineBlank(t[after]) else { return nil }
                var v = after
                while v < end, ASCIIByte.isLineBlank(t[v]) { v += 1 }
                guard v < end else { return nil }
                // One answer: no second separator of the same kind on the line.
                for k in after..<end where t[k] == t[j] { return nil }
                return j
            }
            words += 1
            if words > maxLabelWords { return nil }
            i = j
        }
        return nil
    }
}
