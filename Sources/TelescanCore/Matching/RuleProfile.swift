import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Per-rule time, wakes and wakes with a match, when `TELESCAN_RULE_PROFILE` is set (for rule
/// authors tuning speed). One per scanner, shared by its matcher and group matcher; printed
/// to standard error when the last of them is gone, never with any note text.
final class RuleProfile {
    let rules: CompiledRules
    var nanos: [UInt64]
    var wakes: [Int]
    var matched: [Int]

    init(rules: CompiledRules) {
        self.rules = rules
        nanos = [UInt64](repeating: 0, count: rules.rules.count)
        wakes = [Int](repeating: 0, count: rules.rules.count)
        matched = [Int](repeating: 0, count: rules.rules.count)
    }

    /// A new profile when the switch is on, else nil.
    static func ifEnabled(_ rules: CompiledRules) -> RuleProfile? {
        EnvironmentSwitch.isOn("TELESCAN_RULE_PROFILE") ? RuleProfile(rules: rules) : nil
    }

    @inline(__always) static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func add(_ rule: Int, since start: UInt64, matched hit: Bool) {
        nanos[rule] += Self.now() - start
        wakes[rule] += 1
        if hit { matched[rule] += 1 }
    }

    deinit {
        let total = nanos.reduce(0, +)
        var lines = "rule profile (ms, wakes):\n"
        for i in nanos.indices.sorted(by: { nanos[$0] > nanos[$1] }) where wakes[i] > 0 {
            let jit = rules.patterns[i].jitSize
            lines += "  \(rules.rules[i].definition.id): \(nanos[i] / 1_000_000) ms, \(wakes[i]) wakes, \(matched[i]) with a match, window \(rules.windows[i]), start \(rules.rules[i].pattern.startOptimisation), JIT code \(jit / 1024) KB\n"
        }
        let jitTotal = rules.patterns.reduce(0) { $0 + $1.jitSize }
        lines += "  total \(total / 1_000_000) ms, \(wakes.reduce(0, +)) wakes, JIT code \(jitTotal / 1024) KB\n"
        let bytes = Array(lines.utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }
}
