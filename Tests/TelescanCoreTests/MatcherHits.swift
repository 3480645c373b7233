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

/// The hits the first matcher finds in `texts`, and the indices of the texts where the second
/// finds other hits. The texts are spread over two workers, each with its own pair from `make`
/// (as a scan's workers each have their own matchers): the suite runs on two cores.
func differingTexts(_ make: @Sendable () -> (RuleMatcher, RuleMatcher), _ texts: [[UInt8]]) -> (hits: Int, differ: [Int]) {
    let perText = spreadOverWorkers(texts.count, make: make) { pair, i -> (Int, Bool) in
        let found = pair.0.hits(texts[i])
        return (found.count, found != pair.1.hits(texts[i]))
    }
    return (perText.reduce(0) { $0 + $1.0 }, perText.indices.filter { perText[$0].1 })
}
