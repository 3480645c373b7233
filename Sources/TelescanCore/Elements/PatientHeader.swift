/// What a patient's header line says of age and sex ("Patient: Keanu P., 11 yo M", "Nia A., 6
/// y/o F", "Eleanor V., 84 F", "70M", "Age 5"): read to tell the patient from a relative who shares the
/// surname.
enum PatientHeader {
    /// Units after an age that make it years or months ("11 yo", "6 y/o", "9 mo", "15-year-old").
    static let yearUnits: Set<String> = ["y", "yo", "yr", "yrs", "year", "years", "y/o", "-year-old", "year-old"]
    static let monthUnits: Set<String> = ["mo", "mos", "month", "months", "m/o", "wk", "wks", "week", "weeks", "-month-old"]

    /// The tokens of the line: runs of digits, of letters with "/" and "-", lower case.
    static func tokens<Bytes: Collection<UInt8>>(_ line: Bytes) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        var digits = false
        func flush() { if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur = [] } }
        for b in line {
            let isDigit = b >= 48 && b <= 57
            let isWordByte = ASCIIByte.isLetter(b) || b == 47 || b == 45
            if isDigit || isWordByte {
                if !cur.isEmpty && digits != isDigit { flush() }
                digits = isDigit
                cur.append(isDigit ? b : b | (ASCIIByte.isLetter(b) ? 0x20 : 0))
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Whether the line gives an age under 18 years (or in months or weeks).
    static func isMinor(_ line: ArraySlice<UInt8>) -> Bool {
        let t = tokens(line)
        for (i, w) in t.enumerated() where i + 1 < t.count {
            // "Age 5", "age: 14": the age after its label, in years.
            if w == "age", let n = Int(t[i + 1]) { return n < 18 }
            guard let n = Int(w) else { continue }
            var unit = t[i + 1]
            // "11yo M" splits into "11" and "yo"; "6 y/o" keeps its slash.
            if unit.hasPrefix("-") && unit != "-year-old" && unit != "-month-old" { unit.removeFirst() }
            if yearUnits.contains(unit) { return n < 18 }
            if monthUnits.contains(unit) { return true }
        }
        return false
    }

    /// Whether the line gives an age of 18 years or more: in years ("24 yo", "Age 40"), or a
    /// number with the sex ("24 F", "70M"; with "M" only from 36 up, where months are unlikely).
    static func isAdult(_ line: ArraySlice<UInt8>) -> Bool {
        let t = tokens(line)
        for (i, w) in t.enumerated() where i + 1 < t.count {
            if w == "age", let n = Int(t[i + 1]) {
                // "Age: 18 m" is eighteen months ("Age 45 M" the sex, from 36 as below).
                let unit = i + 2 < t.count ? t[i + 2] : ""
                return n >= 18 && !monthUnits.contains(unit) && !(unit == "m" && n < 36)
            }
            guard let n = Int(w), n < 120 else { continue }
            var unit = t[i + 1]
            if unit.hasPrefix("-") && unit != "-year-old" && unit != "-month-old" { unit.removeFirst() }
            if yearUnits.contains(unit) { return n >= 18 }
            if monthUnits.contains(unit) { return false }
            if unit == "f" || unit == "female" || unit == "male" || (unit == "m" && n >= 36) { return n >= 18 }
        }
        return false
    }

    /// The sex the line states ("M", "F", "male", "female", "boy", "girl", "84F"), as a title's gender.
    static func sex(_ line: ArraySlice<UInt8>) -> ConsentPronoun.Gender? {
        for w in tokens(line) {
            switch w {
            case "m", "male", "boy": return .male
            case "f", "female", "girl": return .female
            default: continue
            }
        }
        return nil
    }
}
