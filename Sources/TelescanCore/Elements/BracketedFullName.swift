/// A performer who signs with a short or familiar given name and gives the full one in brackets
/// right after the signature ("Sandy Ruiz de Alarcón, NP (Alexandra Ruiz de Alarcón)", "NP Seun
/// Bankole-Ward (Oluwaseun Bankole-Ward), Heart Failure Clinic"): the bracketed name is the
/// performer's. Only on the signature's line, a bracket opening at most three blanks after it,
/// holding two to five capitalised words (or name particles) that end with the same surname and
/// begin with another, longer given name.
enum BracketedFullName {
    /// How far after the signature the bracket's content may run.
    static let reach = 80

    /// The full name and its byte range, or nil.
    static func fullName(of name: String, after end: Int, in text: UnsafeBufferPointer<UInt8>) -> (String, Range<Int>)? {
        let n = text.count
        var i = end, blanks = 0
        while i < n, text[i] == 32 || text[i] == 9, blanks < 3 { i += 1; blanks += 1 }
        guard i < n, text[i] == 40 else { return nil }                         // "("
        let open = i + 1
        var close = open
        while close < min(n, open + reach), text[close] != 41, text[close] != 10 { close += 1 }
        guard close < n, text[close] == 41 else { return nil }                 // ")"
        let inner = String(decoding: UnsafeBufferPointer(rebasing: text[open..<close]), as: UTF8.self)
        let words = inner.split(separator: " ")
        let ours = name.split(separator: " ")
        guard words.count >= 2, words.count <= 5, let given = words.first, let mine = ours.first,
              let last = words.last, let surname = ours.last,
              last.lowercased() == surname.lowercased(), given.lowercased() != mine.lowercased(),
              given.count > mine.count,
              words.allSatisfy({ w in w.first.map { $0.isUppercase } == true || particles.contains(String(w)) }) else { return nil }
        return (words.joined(separator: " "), open..<close)
    }

    /// Lower-case words that may stand inside a surname ("Ruiz de Alarcón").
    static let particles: Set<String> = ["de", "la", "del", "van", "von", "der", "den", "da", "di", "du", "dos", "le", "bin", "ibn"]
}
