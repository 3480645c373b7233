/// Titles written before a person's name: one table for every step that reads them (the patient's
/// titled name, a relative's titled surname, a full stop that ends a title and not a sentence).
enum PersonTitle {
    /// Courtesy titles, lower case, by the gender they give ("Ms. P. gave verbal consent").
    static let courtesy: [(title: String, gender: ConsentPronoun.Gender)] = [
        ("mr", .male), ("mrs", .female), ("ms", .female), ("miss", .female), ("mx", .either),
    ]

    /// Titles shortened with a full stop that ends no sentence, lower case: the courtesy ones
    /// that are short forms, "dr", and the Spanish "sr sra srta dra" ("Mother, Sra. Leticia
    /// Orozco, joined").
    static let abbreviated: Set<[UInt8]> = Set(["mr", "mrs", "ms", "mx", "dr", "sr", "sra", "srta", "dra"].map { Array($0.utf8) })
}
