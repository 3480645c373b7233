/// A performer who signs with an initial for the given name ("J. Whitcombe, NP") and is named in
/// full elsewhere in the note with the same credential ("Phone visit 02/09/2026 - Jonah
/// Whitcombe, NP (spine clinic)"): the full name is the performer's, as the signature rules
/// read it when the full name also signs (`ElementResolver`'s initial step). A header or a
/// line that names the clinician is no signature of its own, so it is looked for here.
///
/// Only a capitalised given name that starts with the initial, right before the same surname,
/// followed by the signature's credential (after a comma or a space), or after that credential or
/// a clinician's label ("Clinician: NP Theodora Blackwood", "Attending physician: Caspian
/// Whitfield"): a relative or the patient of that surname is written with neither.
enum InitialledName {
    /// The full name and its byte range, or nil.
    static func fullName(of name: String, credential: String?, in text: UnsafeBufferPointer<UInt8>) -> (String, Range<Int>)? {
        // Most performers are named in full: a byte test before any splitting (this runs once a note).
        let bytes = name.utf8
        guard let credential, bytes.count > 3, let second = bytes.dropFirst().first, second == 46 || second == 32,
              let initial = ElementResolver.givenInitial(name),
              // The words after the initial, a particle with them ("B. von Hohenau": "von Hohenau").
              case let surname = Array(name.split(separator: " ").dropFirst().joined(separator: " ").utf8), surname.count >= 2,
              let first = initial.utf8.first else { return nil }
        let upperInitial = first & ~0x20
        let credKey = ElementResolver.credentialKey(credential)
        let n = text.count, m = surname.count
        var i = 0
        while i + m <= n {
            defer { i += 1 }
            guard text[i] == surname[0], (1..<m).allSatisfy({ text[i + $0] == surname[$0] }),
                  i + m == n || !isNameByte(text[i + m]), i >= 3, text[i - 1] == 32 else { continue }
            // The given name before it: letters, hyphens or apostrophes, the initial first.
            var g = i - 1
            while g > 0, isNameByte(text[g - 1]) { g -= 1 }
            guard g < i - 2, text[g] == upperInitial else { continue }
            // The credential after it, or a credential or a clinician's label before it.
            var c = i + m
            while c < n, text[c] == 44 || text[c] == 32 { c += 1 }
            var e = c
            while e < n, ASCIIByte.isLetter(text[e]) || text[e] == 45 || text[e] == 46 { e += 1 }
            guard (e > c && key(text[c..<e]) == credKey) || isLabelled(before: g, credKey: credKey, in: text) else { continue }
            return (String(decoding: text[g..<(i + m)], as: UTF8.self), g..<(i + m))
        }
        return nil
    }

    /// Labels that name the clinician of the note ("Clinician:", "Attending physician:").
    static let clinicianLabels = ["clinician", "provider", "physician", "attending", "practitioner", "seen by",
                                  "performed by", "signed by", "doctor", "therapist"]

    /// Whether the name at `g` follows its credential ("NP Theodora Blackwood") or a clinician's
    /// label on its line ("Attending physician: Caspian Whitfield").
    static func isLabelled(before g: Int, credKey: String, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var b = g
        while b > 0, text[b - 1] == 32 { b -= 1 }
        var w = b
        while w > 0, ASCIIByte.isLetter(text[w - 1]) || text[w - 1] == 45 { w -= 1 }
        if w < b, key(text[w..<b]) == credKey { return true }
        guard b > 0, text[b - 1] == 58 else { return false }
        var ls = b - 1
        while ls > 0, text[ls - 1] != 10 { ls -= 1 }
        let label = String(decoding: text[ls..<(b - 1)].map { ASCIIByte.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return clinicianLabels.contains { label.hasSuffix($0) }
    }

    private static func key(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        ElementResolver.credentialKey(String(decoding: bytes, as: UTF8.self))
    }

    private static func isNameByte(_ b: UInt8) -> Bool { ASCIIByte.isLetter(b) || b == 45 || b == 39 }
}
