import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// With `TELESCAN_STARTUP_PROFILE` set: the milliseconds since `main` at each step of start-up
/// (rule cache, prefilter, profile, argument parsing, the first note), on standard error when
/// the run ends. Start-up is paid on every call in a shell pipeline; this shows which thread
/// holds it up. Off, a step costs one flag test.
public enum StartupProfile {
    public static let enabled = EnvironmentSwitch.isOn("TELESCAN_STARTUP_PROFILE")
    private static let log = Mutex<(start: UInt64, lines: [String])>((0, []))

    /// Called first thing in `main`.
    public static func begin() {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        log.withLock { $0.start = now }
    }

    public static func mark(_ step: @autoclosure () -> String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let name = step() + residentMemory()
        log.withLock { state in
            let tenths = (now &- state.start) / 10_000
            state.lines.append("\(tenths / 100).\(tenths % 100 < 10 ? "0" : "")\(tenths % 100) ms  \(name)")
        }
    }

    /// " (resident N MB, peak M MB)" from /proc/self/status, or "" where it cannot be read:
    /// the first run after a rule change builds the rule cache, and its peak is the one to watch.
    static func residentMemory() -> String {
        guard let f = fopen("/proc/self/status", "r") else { return "" }
        defer { fclose(f) }
        var rss = "", hwm = ""
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), f) != nil {
            let text = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let kb = { Int(text.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0 }
            if text.hasPrefix("VmRSS:") { rss = "\(kb() / 1024)" }
            if text.hasPrefix("VmHWM:") { hwm = "\(kb() / 1024)" }
        }
        return rss.isEmpty ? "" : " (resident \(rss) MB, peak \(hwm) MB)"
    }

    /// Writes the steps to standard error.
    public static func report() {
        guard enabled else { return }
        let text = log.withLock { "start-up profile (ms since main):\n" + $0.lines.map { "  " + $0 + "\n" }.joined() }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }
}
