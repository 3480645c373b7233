/// Whether a note's heading (its first line with text, a short one: `DatedMention.onHeadingLine`)
/// names a face-to-face visit ("Internal Medicine Office Visit", "FAMILY MEDICINE -- OFFICE VISIT
/// (in person)", "PACT FACE-TO-FACE VISIT") and no remote one ("Office visit converted to video",
/// "Virtual clinic - in person follow-up"). `ServiceClassifier` reads such a note as the office
/// visit, whatever video or phone its body names (another day's, a plan's, a relative's).
/// ASCII words, any case, on at most `DatedMention.headingLimit` bytes: one short scan a note.
enum FaceToFaceHeading {
    static let faceToFace: [[UInt8]] = ["in person", "in-person", "office visit", "face-to-face", "face to face"].map { Array($0.utf8) }
    static let remote: [[UInt8]] = ["tele", "virtual", "video", "phone", "remote", "camera", "online", "portal", "e-visit",
                                    "evisit", "zoom", "doxy", "converted", "switched", "instead", "audio", "mychart"].map { Array($0.utf8) }

    static func states(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < t.count, t[start] == 32 || t[start] == 9 || t[start] == 10 || t[start] == 13 { start += 1 }
        var end = start
        while end < t.count, t[end] != 10 { end += 1 }
        guard end < t.count, end < DatedMention.headingLimit, end > start else { return false }
        // Compared in place, lower-casing ASCII letters on the fly: no array per note.
        func has(_ w: [UInt8]) -> Bool {
            guard w.count <= end - start else { return false }
            for i in start...(end - w.count) {
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
        return faceToFace.contains(where: has) && !remote.contains(where: has)
    }
}
