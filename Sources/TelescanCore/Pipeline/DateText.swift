#if canImport(Glibc)
import Glibc
#endif

/// ISO dates as text (`YYYY-MM-DD`): they compare correctly as strings.
public enum DateText {
    public static func isValid(_ s: String) -> Bool {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return false }
        return y >= 1900 && (1...12).contains(m) && (1...31).contains(d)
    }

    /// Accepts `YYYY-MM-DD`, an ISO timestamp, `YYYYMMDD` (HL7) or `MM/DD/YYYY`; nil otherwise.
    public static func normalise(_ raw: String) -> String? {
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s.count >= 10, isValid(String(s.prefix(10))) { return String(s.prefix(10)) }
        let digits = s.prefix(8)
        if digits.count == 8, digits.allSatisfy(\.isNumber) {
            let d = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
            return isValid(d) ? d : nil
        }
        let slash = s.split(separator: "/")
        if slash.count == 3, let m = Int(slash[0]), let d = Int(slash[1]), let y = Int(slash[2].prefix(4)) {
            let t = ymd(y, m, d)
            return isValid(t) ? t : nil
        }
        return nil
    }

    public static func today() -> String {
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return ymd(Int(tmv.tm_year) + 1900, Int(tmv.tm_mon) + 1, Int(tmv.tm_mday))
    }

    /// "YYYY-MM-DD", zero-padded (String(format:) cost start-up time on every run).
    static func ymd(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}

import Foundation
