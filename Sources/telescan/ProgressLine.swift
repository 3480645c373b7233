import Foundation
import TelescanReport
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on standard error, redrawn at most four times a second: notes,
/// MB of note text, rates, and percent and ETA when the input size is known. Only on a
/// terminal; never any note text.
final class ProgressLine {
    let totalBytes: Int?
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var lastDraw: ContinuousClock.Instant
    var drawn = false

    /// Nil when standard error is not a terminal or the user asked for quiet.
    static func make(totalBytes: Int?, quiet: Bool) -> ProgressLine? {
        if quiet || isatty(2) == 0 { return nil }
        return ProgressLine(totalBytes: totalBytes)
    }

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
        started = clock.now
        lastDraw = started
    }

    func update(_ s: RunSummary) {
        let now = clock.now
        if now - lastDraw < .milliseconds(250) { return }
        lastDraw = now
        draw(s, now: now)
    }

    func draw(_ s: RunSummary, now: ContinuousClock.Instant) {
        let secs = max(Double((now - started).components.attoseconds) / 1e18 + Double((now - started).components.seconds), 1e-6)
        let mb = Double(s.textBytes) / 1e6
        var line = String(format: "telescan: %d notes, %.1f MB, %.0f notes/s, %.1f MB/s", s.records, mb, Double(s.records) / secs, mb / secs)
        if let total = totalBytes, total > 0 {
            // Note text is a little smaller than the file (JSON, CSV quoting): an estimate.
            let fraction = min(Double(s.textBytes) / Double(total), 0.99)
            let eta = fraction > 0 ? secs * (1 - fraction) / fraction : 0
            line += String(format: ", ~%.0f%%, ETA %.0fs", fraction * 100, eta)
        }
        write("\r\u{1B}[K" + line)
        drawn = true
    }

    func finish() {
        if drawn { write("\r\u{1B}[K") }
    }

    func write(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
