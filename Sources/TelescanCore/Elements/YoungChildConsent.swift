/// A young child's telehealth consent is a parent's (decisions.md: a parent or guardian
/// consenting for a minor is "guardian"). A consent the rules read as the patient's ("She agreed
/// to have today's visit by video", "verbal consent obtained") in a note whose patient is under
/// `maxYears` by the header or the note's opening age ("Age: 6 y", "a 4-year-old", "9-month-old",
/// "infant"), and which names a parent or guardian, was given by that parent. Older children
/// and teenagers may consent themselves, so they are left to the rules.
enum YoungChildConsent {
    /// Under this age in years a patient does not give their own consent.
    static let maxYears = 12
    /// How far into the note its opening age is looked for (the first age found counts: "Est pt,
    /// 34 F." before "rash on amoxicillin ~age 4" in her history).
    static let openingBytes = 400
    /// Words that make the patient a young child wherever they open the note.
    static let childWords: Set<String> = ["infant", "newborn", "neonate", "toddler", "preschooler"]
    /// Units of an age: in a header line "6 y", "9 mo" and "58 F" are ages; in the opening text
    /// only words that say "old" ("a 4-year-old", "6 yo", "9 months old"): "10-yr risk" and
    /// "cough for 3 weeks" are no ages.
    static let headerYearUnits: Set<String> = ["y", "yr", "yrs"]
    static let yearAgeUnits: Set<String> = ["yo", "y/o", "-year-old", "year-old"]
    static let monthAgeUnits: Set<String> = ["m/o", "-month-old", "month-old", "-week-old", "week-old", "-day-old", "day-old"]
    static let headerMonthUnits: Set<String> = ["mo", "mos", "wk", "wks"]
    /// Words before "age N" that make it the age at an event ("diabetic since age 8").
    static let ageEventWords: Set<String> = ["since", "at", "by", "from", "until", "till", "before", "after", "of", "to"]
    /// A child placed in foster care: the foster parent is not the guardian (decisions.md), so
    /// who consented is left to the rules.
    static let foster = "foster"
    /// Tokens before a number that make it a date's part, and the sex after an age ("18 y M").
    static let dateSeparators: Set<String> = ["-", "/"]
    static let sexWords: Set<String> = ["m", "f", "male", "female"]
    /// Who stands for a child.
    static let parents: Set<String> = ["mom", "mother", "mum", "mommy", "mama", "dad", "father", "daddy", "papa",
                                       "parent", "parents", "guardian", "stepmother", "stepfather", "stepmom", "stepdad"]

    /// "guardian" when the note's patient is a young child and a parent or guardian is named.
    static func by(in text: UnsafeBufferPointer<UInt8>) -> String? {
        let all = Array(text)
        guard isYoungChild(all), namesParent(all) else { return nil }
        // In a maternity note the mother is the patient and the baby's age is no patient's.
        if ConsentPronoun.maternityWords.contains(where: { ConsentPronoun.containsFolded(text, $0) }) { return nil }
        return "guardian"
    }

    static func isYoungChild(_ all: [UInt8]) -> Bool {
        let opening = PatientHeader.tokens(all[0..<min(all.count, openingBytes)])
        if let header = PatientNameMentions.firstName(all)?.line {
            let line = PatientHeader.tokens(all[header])
            if let years = age(line, header: true) { return years < maxYears }
            // "Patient: Ines K.   DOB 05/14/1996" on a note dated 2026: her age, not the baby's below.
            if let born = birthYear(line), let seen = opening.compactMap({ Int($0) }).filter({ $0 > born && $0 <= 2100 }).max() {
                return seen - born < maxYears
            }
        }
        if let years = age(opening, header: false) { return years < maxYears }
        return opening.contains { childWords.contains($0) }
    }

    /// The first age the tokens give, in whole years (months and weeks are 0).
    static func age(_ t: [String], header: Bool) -> Int? {
        for (i, w) in t.enumerated() where i + 1 < t.count {
            // "Age: 6", not "T1D since age 8" in the opening text.
            if w == "age", let n = Int(t[i + 1]), header || i == 0 || !ageEventWords.contains(t[i - 1]) {
                let unit = i + 2 < t.count ? t[i + 2] : ""
                return PatientHeader.monthUnits.contains(unit) || unit == "m" ? 0 : n
            }
            // Not a date's part ("DOB: 1988-05-02   F" is no "2 F").
            guard let n = Int(w), n < 120, !(w.hasPrefix("0") && w.count > 1), i == 0 || !dateSeparators.contains(t[i - 1]) else { continue }
            var unit = t[i + 1]
            if unit.hasPrefix("-"), unit != "-year-old", unit != "-month-old", unit != "-week-old", unit != "-day-old" { unit.removeFirst() }
            let old = i + 2 < t.count && t[i + 2] == "old"
            if yearAgeUnits.contains(unit) || ((unit == "year" || unit == "years") && old) { return n }
            if monthAgeUnits.contains(unit) || (["month", "months", "week", "weeks", "day", "days"].contains(unit) && old) { return 0 }
            // "18 y M" in an unlabelled opening line.
            let sexAfter = i + 2 < t.count && sexWords.contains(t[i + 2])
            if headerYearUnits.contains(unit) && sexAfter { return n }
            // "58 F", "70M" (with "M" from 36 up, as `PatientHeader.isAdult` reads it); in the
            // opening text ("Est pt, 34 F.") not after another number ("98.6 F").
            let sex = unit == "f" || unit == "female" || unit == "male" || (unit == "m" && n >= 36)
            if sex, header || i == 0 || Int(t[i - 1]) == nil { return n }
            guard header else { continue }
            if headerYearUnits.contains(unit) { return n }
            if headerMonthUnits.contains(unit) { return 0 }
        }
        return nil
    }

    /// The four-digit year after "dob" or "born" in the line.
    static func birthYear(_ t: [String]) -> Int? {
        guard let at = t.firstIndex(where: { $0 == "dob" || $0 == "born" || $0 == "d-o-b" }) else { return nil }
        return t[(at + 1)...].prefix(6).compactMap { Int($0) }.first { (1900...2100).contains($0) }
    }

    static func namesParent(_ all: [UInt8]) -> Bool {
        let words = PatientHeader.tokens(all[...])
        return !words.contains(foster) && words.contains { parents.contains($0) }
    }
}
