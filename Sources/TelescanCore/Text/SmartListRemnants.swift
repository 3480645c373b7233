/// A resolved EHR SmartList left with its wrapper by an export ("Consent for telehealth:
/// {Yes/No:12345::"Yes"}", "Patient location: {blank single:19197::"home"}", or unquoted
/// "{YES/NO:12345::yes}"): the chosen
/// value is what the clinician documented, so the wrapper (`{NAME:ID::"` and `"}`) is masked as
/// spaces and the value stays, same length as `HTMLRemnants`. An unresolved list
/// ("{Yes/No:12345}", "{blank single:19197:: }") is left as written: the template rules read it
/// as an unfilled blank.
public enum SmartListRemnants {
    /// The masked copy, or nil when the note holds no resolved list.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard ByteSearch.contains(text, UInt8(ascii: "{")) else { return nil }
        var out = text
        var changed = false
        var i = 0
        let n = text.count
        while i < n {
            guard text[i] == UInt8(ascii: "{"), let (valueStart, valueEnd, end) = resolved(text, at: i) else { i += 1; continue }
            for k in i..<valueStart { out[k] = 32 }
            for k in valueEnd..<end { out[k] = 32 }
            changed = true
            i = end
        }
        return changed ? out : nil
    }

    /// `{NAME:DIGITS::"VALUE"}` or, as some exports write it, `{NAME:DIGITS::VALUE}` starting
    /// at `start`: where the value starts and ends, and the end of the whole list; nil for
    /// anything else (an unresolved list, or a value that is blank).
    static func resolved(_ t: [UInt8], at start: Int) -> (Int, Int, Int)? {
        let n = t.count
        var i = start + 1
        // The list's name: up to 60 bytes without braces, colons or line breaks.
        while i < n, i - start <= 61, t[i] != UInt8(ascii: ":"), t[i] != UInt8(ascii: "{"), t[i] != UInt8(ascii: "}"), t[i] != 10 { i += 1 }
        guard i < n, i > start + 1, t[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let digits = i
        while i < n, i - digits < 10, t[i] >= 48, t[i] <= 57 { i += 1 }
        guard i > digits, i + 3 <= n, t[i] == UInt8(ascii: ":"), t[i + 1] == UInt8(ascii: ":") else { return nil }
        let quoted = t[i + 2] == UInt8(ascii: "\"")
        let valueStart = quoted ? i + 3 : i + 2
        let close = quoted ? UInt8(ascii: "\"") : UInt8(ascii: "}")
        var j = valueStart
        while j < n, j - valueStart <= 120, t[j] != close, t[j] != 10, quoted || (t[j] != UInt8(ascii: "{") && t[j] != UInt8(ascii: "\"")) { j += 1 }
        guard j < n, j > valueStart, t[j] == close else { return nil }
        if quoted {
            guard j + 1 < n, t[j + 1] == UInt8(ascii: "}") else { return nil }
            return (valueStart, j, j + 2)
        }
        guard t[valueStart..<j].contains(where: { $0 != 32 && $0 != 9 }) else { return nil }
        return (valueStart, j, j + 1)
    }
}
