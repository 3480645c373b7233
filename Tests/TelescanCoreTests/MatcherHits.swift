@testable import TelescanCore

/// A rule hit as the matcher tests compare them: rule, evidence span, match span and captures.
struct Hit: Equatable { let rule: Int; let span: Range<Int>; let match: Range<Int>; let captures: [String: String] }

extension RuleMatcher {
    /// Every target and context hit in `text` (context rules over the whole text).
    func hits(_ text: [UInt8]) -> [Hit] {
        text.withUnsafeBufferPointer { buf in
            (matchTargets(buf) + matchContext(buf, in: [0..<buf.count]))
                .map { Hit(rule: $0.rule, span: $0.span, match: $0.matchSpan, captures: $0.captures) }
        }
    }
}

/// The hits `a` finds in `texts`, and the indices of the texts where `b` finds other hits.
func differingTexts(_ a: RuleMatcher, _ b: RuleMatcher, _ texts: [[UInt8]]) -> (hits: Int, differ: [Int]) {
    var total = 0
    var differ: [Int] = []
    for (i, t) in texts.enumerated() {
        let found = a.hits(t)
        total += found.count
        if found != b.hits(t) { differ.append(i) }
    }
    return (total, differ)
}
