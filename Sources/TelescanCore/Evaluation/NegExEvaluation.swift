import Foundation

/// Scores the context engine on the NegEx test kit (one condition per sentence, physician
/// labels for negation, temporality and experiencer).
public struct NegExEvaluation {
    public struct Score: Sendable {
        public var tp = 0, fp = 0, fn = 0, tn = 0
        public var accuracy: Double { Double(tp + tn) / Double(max(tp + fp + fn + tn, 1)) }
        public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        mutating func add(gold: Bool, found: Bool) {
            switch (gold, found) {
            case (true, true): tp += 1
            case (false, true): fp += 1
            case (true, false): fn += 1
            case (false, false): tn += 1
            }
        }
    }

    public var rows = 0
    public var skipped = 0
    public var scores: [String: Score] = [:]

    public static let categories = ["negated", "historical", "hypothetical", "other_experiencer"]

    public static func run(file: String, classifier: ContextClassifier) throws -> NegExEvaluation {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw InputError(message: "cannot read \(file): \(error.localizedDescription)")
        }
        var e = NegExEvaluation()
        for (i, line) in text.split(separator: "\n").enumerated() where i > 0 {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 6 else { continue }
            guard let l = classifier.classify(sentence: cols[2], concept: cols[1]) else { e.skipped += 1; continue }
            e.rows += 1
            let temporality = cols[4].lowercased()
            e.scores["negated", default: Score()].add(gold: cols[3].lowercased() == "negated", found: l.negated)
            e.scores["historical", default: Score()].add(gold: temporality == "historical", found: l.historical)
            e.scores["hypothetical", default: Score()].add(gold: temporality.hasPrefix("not") || temporality == "hypothetical", found: l.hypothetical)
            e.scores["other_experiencer", default: Score()].add(gold: !cols[5].lowercased().hasPrefix("patient"), found: l.otherExperiencer) // "Other" and "Family member" rows
        }
        return e
    }

    public func report() -> String {
        var s = "sentences scored: \(rows) (concept not found in sentence: \(skipped))\n"
        s += "category            accuracy  precision  recall   F1     gold+\n"
        for c in NegExEvaluation.categories {
            let x = scores[c] ?? Score()
            s += c.padding(toLength: 18, withPad: " ", startingAt: 0)
            s += String(format: "  %6.3f    %6.3f   %6.3f  %6.3f  %5d\n", x.accuracy, x.precision, x.recall, x.f1, x.tp + x.fn)
        }
        return s
    }
}
