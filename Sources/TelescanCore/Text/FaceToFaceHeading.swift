/// Whether a note's heading (its first line with text, a short one as `DatedMention.onHeadingLine`
/// reads it, or the short line under a practice's name) names a face-to-face visit ("Internal
/// Medicine Office Visit", "FAMILY MEDICINE -- OFFICE VISIT (in person)", "PACT FACE-TO-FACE
/// VISIT") and no remote one ("Office visit converted to video",
/// "Virtual clinic - in person follow-up"). `ServiceClassifier` reads such a note as the office
/// visit, whatever video or phone its body names (another day's, a plan's, a relative's).
/// ASCII words, any case, on at most `DatedMention.headingLimit` bytes: one short scan a note.
enum FaceToFaceHeading {
    static let faceToFace: [[UInt8]] = ["in person", "in-person", "office visit", "face-to-face", "face to face", "(in clinic)", "(in-clinic)",
                                        "(in office)", "(in-office)", "clinic visit"].map { Array($0.utf8) }
    static let remote: [[UInt8]] = ["tele", "virtual", "video", "phone", "remote", "camera", "online", "portal", "e-visit",
                                    "evisit", "zoom", "doxy", "converted", "switched", "instead", "audio", "mychart"].map { Array($0.utf8) }

    static func states(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < t.count, t[start] == 32 || t[start] == 9 || t[start] == 10 || t[start] == 13 { start += 1 }
        var end = start
        while end < t.count, t[end] != 10 { end += 1 }
        guard end < t.count, end < DatedMention.headingLimit, end > start else { return false }
        if line(start, end, t) { return true }
        // A practice's name on the first line, the note's kind on the second ("Desert Bloom
        // Chiropractic & Wellness" / "Daily Treatment Note - Office Visit"): the second line
        // counts when it is short, names no remote visit on the first, and is no "Label: value"
        // row ("Visit type: Office Visit" may be a template's default).
        var start2 = end + 1
        while start2 < t.count, t[start2] == 32 || t[start2] == 9 || t[start2] == 13 { start2 += 1 }
        var end2 = start2
        while end2 < t.count, t[end2] != 10 { end2 += 1 }
        guard end2 < t.count, end2 - start2 < DatedMention.headingLimit, end2 > start2, !remote.contains(where: { has($0, start, end, t) }) else { return false }
        var i = start2
        while i < end2 { if t[i] == UInt8(ascii: ":") { return false }; i += 1 }
        return line(start2, end2, t)
    }

    /// Whether t[from..<to] names a face-to-face visit and no remote one.
    static func line(_ from: Int, _ to: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        faceToFace.contains(where: { has($0, from, to, t) }) && !remote.contains(where: { has($0, from, to, t) })
    }

    /// Whether the lower-cased ASCII word `w` occurs in t[from..<to], compared in place (no
    /// array per note).
    static func has(_ w: [UInt8], _ from: Int, _ to: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard w.count <= to - from else { return false }
        for i in from...(to - w.count) {
            var j = 0
            while j < w.count {
                let b = t[i + j]
                if (b >= 65 && b <= 90 ? b | 0x20 : b) != w[j] { break }
                j += 1
            }
            if j == w.count { return true }
        }
        return false
    }
}
