/// A performer who signs with an initial for the given name ("J. Whitcombe, NP") and is named in
/// full elsewhere in the note with the same credential ("Phone visit 02/09/2026 - Jonah
/// Whitcombe, NP (spine clinic)"): the full name is the performer's, as the signature rules
/// read it when the full name also signs (`ElementResolver`'s initial step). A header or a
/// line that names the clinician is no signature of its own, so it is looked for here.
///
/// Only a capitalised given name that starts with the initial, right before the same surname,
/// followed by the signature's credential (after a comma or a space): a relative or the patient
/// of that surname is written without one.
enum InitialledName {
    /// The full name and its byte range, or nil.
    static func fullName(of name: String, credential: String?, in text: UnsafeBufferPointer<UInt8>) -> (String, Range<Int>)? {
        guard let credential, let initial = ElementResolver.givenInitial(name),
              let surname = name.split(separator: " ").last.map({ Array($0.utf8) }), surname.count >= 2,
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
            // The credential after it.
            var c = i + m
            while c < n, text[c] == 44 || text[c] == 32 { c += 1 }
            var e = c
            while e < n, ASCIIByte.isLetter(text[e]) || text[e] == 45 || text[e] == 46 { e += 1 }
            guard e > c, ElementResolver.credentialKey(String(decoding: text[c..<e], as: UTF8.self)) == credKey else { continue }
            return (String(decoding: text[g..<(i + m)], as: UTF8.self), g..<(i + m))
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool { ASCIIByte.isLetter(b) || b == 45 || b == 39 }
}
