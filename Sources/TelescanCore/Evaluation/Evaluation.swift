/// Compares scan results with gold records: precision, recall and F1 per element, service
/// accuracy, and per profile status accuracy, missing-set and code-set exact match.
public struct Evaluation: Sendable {
    public struct Counts: Sendable {
        public var tp = 0, fp = 0, fn = 0
        public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var support: Int { tp + fn }
    }

    public struct Disagreement: Sendable {
        public var id: String
        public var field: String
        public var gold: String
        public var found: String
    }

    public var notes = 0
    public var elements: [String: Counts] = [:]
    public var serviceCorrect = 0
    /// Per profile: (status correct, missing exact, codes exact, notes).
    public var profiles: [String: (status: Int, missing: Int, codes: Int, notes: Int)] = [:]
    public var disagreements: [Disagreement] = []
    public var unmatchedGold: [String] = []
    public var unmatchedResults: [String] = []

    public init() {}

    public mutating func add(gold: GoldRecord, elements found: NoteElements, service: Service?,
                             decisions: [String: Decision]) {
        notes += 1
        let pred = ElementValues.of(found)
        for name in ElementValues.names {
            let g = gold.elements[name], p = pred[name]
            var c = elements[name, default: Counts()]
            if let g, let p, g == p { c.tp += 1 } else {
                if p != nil { c.fp += 1 }
                if g != nil { c.fn += 1 }
                if g != nil || p != nil {
                    disagreements.append(Disagreement(id: gold.id, field: name, gold: g ?? "-", found: p ?? "-"))
                }
            }
            elements[name] = c
        }
        let s = service?.rawValue
        var sc = elements["service", default: Counts()]
        if s == gold.service {
            serviceCorrect += 1
            if s != nil { sc.tp += 1 }
        } else {
            if s != nil { sc.fp += 1 }
            if gold.service != nil { sc.fn += 1 }
            disagreements.append(Disagreement(id: gold.id, field: "service", gold: gold.service ?? "null", found: s ?? "null"))
        }
        elements["service"] = sc
        for (profile, d) in decisions.sorted(by: { $0.key < $1.key }) {
            guard let gs = gold.status[profile] else { continue }
            var p = profiles[profile] ?? (0, 0, 0, 0)
            p.notes += 1
            let missing = d.missing.map { "\($0.element):\($0.reason)" }.sorted()
            let codes = d.codes.map(\.compact).sorted()
            if d.status.rawValue == gs { p.status += 1 } else {
                disagreements.append(Disagreement(id: gold.id, field: "status[\(profile)]", gold: gs, found: d.status.rawValue))
            }
            if missing == gold.missing[profile] ?? [] { p.missing += 1 } else {
                disagreements.append(Disagreement(id: gold.id, field: "missing[\(profile)]", gold: (gold.missing[profile] ?? []).joined(separator: " "), found: missing.joined(separator: " ")))
            }
            if codes == gold.codes[profile] ?? [] { p.codes += 1 } else {
                disagreements.append(Disagreement(id: gold.id, field: "codes[\(profile)]", gold: (gold.codes[profile] ?? []).joined(separator: " "), found: codes.joined(separator: " ")))
            }
            profiles[profile] = p
        }
    }

    /// The lowest F1 over the elements that occur in the gold.
    public var minimumF1: Double {
        elements.filter { $0.value.support > 0 }.map(\.value.f1).min() ?? 1
    }

    public func report(showDisagreements: Bool = true) -> String {
        var s = "notes: \(notes)\n\n"
        s += "element              support   prec   recall  F1\n"
        for name in ["service"] + ElementValues.names {
            guard let c = elements[name] else { continue }
            s += name.padding(toLength: 20, withPad: " ", startingAt: 0)
            s += String(format: " %7d  %5.3f  %5.3f  %5.3f\n", c.support, c.precision, c.recall, c.f1)
        }
        s += String(format: "\nservice accuracy: %.3f (%d/%d)\n", Double(serviceCorrect) / Double(max(notes, 1)), serviceCorrect, notes)
        for (name, p) in profiles.sorted(by: { $0.key < $1.key }) {
            let n = Double(max(p.notes, 1))
            s += String(format: "%@: status accuracy %.3f, missing exact %.3f, code-set exact %.3f (%d notes)\n",
                        name, Double(p.status) / n, Double(p.missing) / n, Double(p.codes) / n, p.notes)
        }
        if !unmatchedGold.isEmpty { s += "gold records with no scanned note: \(unmatchedGold.count)\n" }
        if !unmatchedResults.isEmpty { s += "scanned notes with no gold record: \(unmatchedResults.count)\n" }
        if showDisagreements && !disagreements.isEmpty {
            s += "\ndisagreements (\(disagreements.count)):\n"
            for d in disagreements { s += "  \(d.id)  \(d.field): gold \(d.gold) | found \(d.found)\n" }
        }
        return s
    }
}

import Foundation
