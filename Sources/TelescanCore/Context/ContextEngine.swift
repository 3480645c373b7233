/// A ConText-style engine: decides which target findings are negated, hypothetical,
/// historical, about someone else, or sit in an unticked box or blank.
///
/// A trigger's scope runs from the trigger in its direction to the edge of its text unit
/// (sentence, template line), stopping at a trigger of a category in its `terminated_by`, at
/// `window` words when the rule sets one, and at the round brackets the trigger stands in.
/// Pseudo-triggers cancel triggers they overlap; triggers inside a finding's own match are
/// ignored.
public struct ContextEngine: Sendable {
    public init() {}

    public struct Trigger {
        public var rule: TriggerRule
        public var span: Range<Int>
        public init(rule: TriggerRule, span: Range<Int>) { self.rule = rule; self.span = span }
    }

    /// What the engine reads of a context rule: made once per rule, so a trigger is a
    /// reference and a span (a copy of the whole definition per trigger was measurable).
    public final class TriggerRule: Sendable {
        public let id: String
        public let category: ContextCategory
        public let direction: ContextDirection
        public let window: Int?
        public let appliesTo: Set<Element>?
        public let notAppliesTo: Set<Element>?
        public let terminatedBy: Set<ContextCategory>
        /// `scope: paragraph`: a block trigger that covers its whole paragraph.
        public let paragraphScope: Bool
        /// `scope: previous_line`: a block trigger that covers the line before its own only.
        public let previousLineScope: Bool

        public init?(_ def: RuleDefinition) {
            guard case .context(let category) = def.kind else { return nil }
            id = def.id
            self.category = category
            direction = def.direction
            window = def.window
            appliesTo = def.appliesTo
            notAppliesTo = def.notAppliesTo
            terminatedBy = def.terminatedBy
            paragraphScope = def.paragraphScope
            previousLineScope = def.previousLineScope
        }
    }

    public func apply(findings: inout [Finding], triggers allTriggers: [Trigger], units: [TextUnit],
                      text: UnsafeBufferPointer<UInt8>) {
        if findings.isEmpty || allTriggers.isEmpty { return }
        // Pseudo-triggers remove the triggers they overlap.
        let triggers = ContextEngine.removingPseudo(allTriggers)
        if triggers.isEmpty { return }
        // Work unit by unit, so a 5 MB note costs (findings x triggers) per sentence only.
        func unitIndex(_ pos: Int) -> Int? {
            var lo = 0, hi = units.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                let r = units[mid].range
                if pos < r.lowerBound { hi = mid - 1 } else if pos >= r.upperBound { lo = mid + 1 } else { return mid }
            }
            return nil
        }
        var triggersByUnit: [Int: [Trigger]] = [:]
        for t in triggers { if let u = unitIndex(t.span.lowerBound) { triggersByUnit[u, default: []].append(t) } }
        for fi in findings.indices {
            let f = findings[fi]
            // Blanks a pattern took in at its edges ("\s*consent") are not the concept: the
            // finding starts at its first word, so a terminator just before that word (an
            // export's run-together "... refused video Consent: verbal") lies between it and a
            // trigger, and a match that took in the line break before it belongs to its own line.
            let span = Self.trimmingBlanks(f.matchSpan, in: text)
            guard let u = unitIndex(span.lowerBound), let local = triggersByUnit[u] else { continue }
            findings[fi].modifiers += modifiers(of: span, element: f.element, ignoring: f.ignoredContext,
                                                triggers: local, text: text)
        }
    }

    /// `r` without the spaces, tabs and line breaks at its two ends (unchanged when all blank).
    static func trimmingBlanks(_ r: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func blank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, blank(text[lo]) { lo += 1 }
        while hi > lo, blank(text[hi - 1]) { hi -= 1 }
        return lo < hi ? lo..<hi : r
    }

    /// Block-scoped triggers (`scope: block`): a header line such as "--- Previous note
    /// (05/02/2026), copied forward ---" covers the findings in it and on the lines after it, up to the
    /// next blank line (or the note's end).
    public func applyBlocks(findings: inout [Finding], triggers: [Trigger], text: UnsafeBufferPointer<UInt8>) {
        // Corrections last and in the note's order: each replaces what came before it.
        let ordered = triggers.filter { $0.rule.category != .correction }
            + triggers.filter { $0.rule.category == .correction }.sorted { $0.span.lowerBound < $1.span.lowerBound }
        for t in ordered {
            // The header's own words count too: "--- Telehealth block auto-carried from 03/04
            // phone check ---" names the earlier visit.
            var start = t.rule.paragraphScope ? ContextEngine.paragraphStart(before: t.span.lowerBound, in: text) : t.span.lowerBound
            var end = ContextEngine.blockEnd(after: t.span.upperBound, in: text)
            if t.rule.previousLineScope {
                end = ContextEngine.lineStart(before: t.span.lowerBound, in: text)
                start = end > 0 ? ContextEngine.lineStart(before: end - 1, in: text) : end
            }
            let category = t.rule.category
            if category == .correction {
                // The whole paragraph, past a quote of the line it withdraws.
                Self.applyCorrection(t, block: start..<max(end, Self.blankLine(after: t.span.upperBound, in: text)), findings: &findings, text: text)
                continue
            }
            for fi in findings.indices {
                let pos = findings[fi].matchSpan.lowerBound
                guard pos >= start, pos < end else { continue }
                let f = findings[fi]
                if f.ignoredContext.contains(category) { continue }
                if let only = t.rule.appliesTo, !only.contains(f.element) { continue }
                if let not = t.rule.notAppliesTo, not.contains(f.element) { continue }
                findings[fi].modifiers.append(ContextModifier(category: category, ruleID: t.rule.id, span: t.span))
            }
        }
    }

    /// The elements a correction may restate.
    static let correctable: [Element] = [.service, .modality, .consent, .time, .mdm, .patientLocation, .deviceDays, .patientStatus]
    /// The service values that say what kind of encounter the note is (a correction may change
    /// it: "Today's visit was in person at the clinic"); other service cues stay.
    static let encounterKinds: Set<String> = ["in_person", "telemedicine_visit", "virtual_checkin", "e_visit",
                                              "remote_monitoring", "titled_visit"]

    /// A correction's paragraph (`block`) that states an element replaces that element's
    /// statements before the paragraph's own that say otherwise: those, quotes of the wrong value
    /// inside the paragraph included ("Please disregard the line \"Telehealth consent: Patient
    /// declined consent.\" ... The patient gave verbal consent"), no longer count. A quote in the
    /// paragraph states nothing unless words such as "should read" lead it (`quotesTheRightValue`);
    /// a quoted value the paragraph does not replace is taken back from the lines before it.
    /// Statements after it stay (a second correction further on is read in its turn).
    static func applyCorrection(_ t: Trigger, block: Range<Int>, findings: inout [Finding], text: UnsafeBufferPointer<UInt8>) {
        for element in correctable {
            // What a finding of the element says, or nil when it says nothing of it.
            func said(_ f: Finding, affirmedOnly: Bool = true) -> String? {
                guard f.element == element, f.isAffirmed || !affirmedOnly else { return nil }
                switch element {
                case .time: return TimeValue.minutes(captures: f.captures, value: f.value).map(String.init)
                case .deviceDays: return f.captures["days"]
                case .service: return f.value.flatMap { encounterKinds.contains($0) ? $0 : nil }
                default: return f.value
                }
            }
            // The paragraph's own statement, not a quote of the line it withdraws: the highest
            // priority, then the last ("via Doxy.me video, not by telephone": the platform's), or
            // for time the most minutes, as the resolver chooses a total ("was 38 minutes, not
            // 23: ... review (10 minutes) and documentation (5 minutes)").
            let stated = findings.indices.filter {
                block.contains(findings[$0].matchSpan.lowerBound) && said(findings[$0]) != nil
                    && (!isQuoted(findings[$0].span, in: text) || quotesTheRightValue(findings[$0].span, in: text))
            }
            // The withdrawn line quoted ("The draft read: "Pt seen via audio-only telephone, pt at
            // home."") states nothing, whether or not the paragraph states the element again; its
            // value, negated there or not ("the line "pt at home" is incorrect"), is withdrawn.
            var withdrawn: Set<String> = []
            for fi in findings.indices where block.contains(findings[fi].matchSpan.lowerBound) {
                guard let v = said(findings[fi], affirmedOnly: false), isQuoted(findings[fi].span, in: text),
                      !quotesTheRightValue(findings[fi].span, in: text) else { continue }
                withdrawn.insert(v)
                findings[fi].modifiers.append(ContextModifier(category: .correction, ruleID: t.rule.id, span: t.span))
            }
            let keep = stated.max { a, b in
                let fa = findings[a], fb = findings[b]
                if fa.priority != fb.priority { return fa.priority < fb.priority }
                if element == .time { return Int(said(fa) ?? "") ?? 0 < Int(said(fb) ?? "") ?? 0 }
                return fa.span.lowerBound < fb.span.lowerBound
            }
            guard let keep, let value = said(findings[keep]) else {
                // Nothing stated in its place: the quoted line takes its value back from the lines
                // before ("Addendum: the line "pt at home" is incorrect and is withdrawn").
                if element != .service, !withdrawn.isEmpty {
                    for fi in findings.indices where findings[fi].span.upperBound <= block.lowerBound && withdrawn.contains(said(findings[fi]) ?? "") {
                        findings[fi].modifiers.append(ContextModifier(category: .correction, ruleID: t.rule.id, span: t.span))
                    }
                }
                continue
            }
            // A paragraph that tells the technology used corrects the technology, not the kind
            // of encounter ("this was NOT a video visit ... by phone, audio only ... I was in
            // clinic today": the clinician's place, not an office visit).
            if element == .service, findings.contains(where: {
                $0.element == .modality && $0.isAffirmed && $0.value != nil && block.contains($0.matchSpan.lowerBound)
            }) { continue }
            // Nor is an office visit it mentions the encounter's kind unless it withdraws a remote
            // one ("The telehealth attestation ... was copied forward in error. Today's visit was
            // in person"; not "She was seen in our clinic in 2022, so she is established").
            if element == .service, !remoteWords.contains(where: { ConsentPronoun.containsFolded(UnsafeBufferPointer(rebasing: text[block]), $0) }) {
                continue
            }
            let kept = findings[keep].span
            // Earlier statements that say otherwise; a visit corrected to in person also loses
            // the technology it was said to use.
            for fi in findings.indices where fi != keep {
                let f = findings[fi]
                let replaced = said(f).map { $0 != value } ?? false
                    || (element == .service && value == "in_person" && f.element == .modality && f.isAffirmed && f.value != nil)
                guard replaced, f.span.lowerBound < kept.lowerBound, !f.span.overlaps(kept) else { continue }
                findings[fi].modifiers.append(ContextModifier(category: .correction, ruleID: t.rule.id, span: t.span))
            }
        }
    }

    /// Words that name a remote encounter, one of which a correction to in person withdraws.
    static let remoteWords: [[UInt8]] = ["telehealth", "telemedicine", "video", "virtual", "remote", "telephone"].map { Array($0.utf8) }

    /// Whether `span` stands inside double quotes on its line (an odd number of straight or
    /// curly double quotes before it): a quote of what a correction withdraws.
    static func isQuoted(_ span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var quotes = 0
        var i = min(span.lowerBound, text.count) - 1
        while i >= 0, text[i] != 10 {
            if text[i] == 34 { quotes += 1 }
            // U+201C and U+201D, E2 80 9C / 9D: counted at their last byte.
            if i >= 2, text[i - 2] == 0xE2, text[i - 1] == 0x80, text[i] == 0x9C || text[i] == 0x9D { quotes += 1 }
            i -= 1
        }
        return quotes % 2 == 1
    }

    /// Words that put the right value in the quote after them ("It should read: "Pt seen via
    /// two-way video"", "corrected to "Video visit"").
    static let rightValueLeads: [String] = ["should read", "should say", "should have read", "should have said", "now reads",
                                            "corrected to", "changed to", "amended to", "replaced with", "replace with", "to read",
                                            "correct line", "corrected line", "correct version", "corrected text", "correct text"]

    /// Whether the quote holding `span` follows words that make it the right value.
    static func quotesTheRightValue(_ span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        // The opening quote: the last double quote before the span on its line.
        var i = min(span.lowerBound, text.count) - 1
        while i >= 0, text[i] != 10, text[i] != 34, !(i >= 2 && text[i - 2] == 0xE2 && text[i - 1] == 0x80 && text[i] == 0x9C) { i -= 1 }
        guard i >= 0, text[i] != 10 else { return false }
        var end = text[i] == 34 ? i : i - 2
        while end > 0, text[end - 1] == 32 || text[end - 1] == 58 || text[end - 1] == 9 { end -= 1 }
        let lead = String(decoding: text[max(0, end - 24)..<end].map { ASCIIByte.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return rightValueLeads.contains { lead.hasSuffix($0) }
    }

    /// Where the line holding `from` starts: just after the line break before it, or 0.
    static func lineStart(before from: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(from, text.count) - 1
        while i >= 0, text[i] != 10 { i -= 1 }
        return i + 1
    }

    /// Where the paragraph holding `from` starts: just after the last blank line before it, or 0.
    static func paragraphStart(before from: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(from, text.count) - 1
        while i >= 0 {
            if text[i] == 10 {
                // A line break with only blanks before the previous one ends a blank line.
                var j = i - 1
                while j >= 0, text[j] == 32 || text[j] == 9 || text[j] == 13 { j -= 1 }
                if j < 0 || text[j] == 10 { return i + 1 }
            }
            i -= 1
        }
        return 0
    }

    /// Where a block that starts at `from` ends: at the first blank line, or at a separator line
    /// ("=====", "------") or an end marker (">>> END PRIOR VISIT SUMMARY <<<") after a line of
    /// content, so a copied-forward block set off by rules does not run on into today's visit.
    /// A rule right under the block's title ("PRIOR VISIT\n=====\n...") does not end it.
    static func blockEnd(after from: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let blank = blankLine(after: from, in: text)
        // A label's quote ("Copied from 11/2025: \"...\"") is the block, up to its closing mark.
        if let quoted = quoteEnd(after: from, before: blank, in: text) { return quoted }
        var lineStart = from
        while lineStart < blank, text[lineStart] != 10 { lineStart += 1 }  // the trigger's own line
        // A label ending in a colon with the copied text after it on its line ("(Copied from
        // 01/06 visit:) Seen by video ..."): that text is content, so a rule under it ends the block.
        var content = endsInColon(before: from, in: text) && letterCount(from..<lineStart, in: text) >= 3
        while lineStart < blank {
            let start = lineStart + 1
            var end = start
            while end < blank, text[end] != 10 { end += 1 }
            if start < end, isSeparatorOrEndMarker(text, start..<end) {
                if content { return lineStart }
            } else if start < end {
                content = true
            }
            lineStart = end
        }
        return blank
    }

    /// The end of a quotation that opens right after `from` (blanks aside) and closes before
    /// `limit`, just after its closing mark; nil when no quote opens there or none closes.
    static func quoteEnd(after from: Int, before limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = from
        while i < limit, text[i] == 32 || text[i] == 9 { i += 1 }
        let curly = i + 2 < limit && text[i] == 0xE2 && text[i + 1] == 0x80 && text[i + 2] == 0x9C  // “
        guard curly || (i < limit && text[i] == 34) else { return nil }
        var j = i + (curly ? 3 : 1)
        while j < limit {
            if text[j] == 34 { return j + 1 }
            if j + 2 < limit, text[j] == 0xE2, text[j + 1] == 0x80, text[j + 2] == 0x9D { return j + 3 }  // ”
            j += 1
        }
        return nil
    }

    /// Whether the text before `end` ends in a colon (blanks and a closing bracket aside).
    static func endsInColon(before end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = min(end, text.count) - 1
        while i >= 0, text[i] == 32 || text[i] == 9 { i -= 1 }
        return i >= 0 && text[i] == 58
    }

    static func letterCount(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for i in range where (text[i] | 0x20) >= 97 && (text[i] | 0x20) <= 122 { n += 1 }
        return n
    }

    static let separatorBytes: Set<UInt8> = [45, 61, 95, 42, 126, 35]  // - = _ * ~ #
    static let markerBytes: Set<UInt8> = [60, 62, 45, 61, 42, 35]  // < > - = * #

    /// A line of five or more of "-=_*~#" (blanks aside), or a marker line that says "end" between
    /// such characters or brackets (">>> END PRIOR VISIT SUMMARY <<<", "[End of copied note]").
    static func isSeparatorOrEndMarker(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var lo = line.lowerBound, hi = line.upperBound
        while lo < hi, text[lo] == 32 || text[lo] == 9 { lo += 1 }
        while hi > lo, text[hi - 1] == 32 || text[hi - 1] == 9 || text[hi - 1] == 13 { hi -= 1 }
        guard hi - lo >= 3 else { return false }
        var ruleCount = 0, other = 0
        for i in lo..<hi where text[i] != 32 {
            if separatorBytes.contains(text[i]) { ruleCount += 1 } else { other += 1 }
        }
        if other == 0 { return ruleCount >= 5 }
        // An end marker: led by a bracket or two marker characters (not a list bullet's one:
        // "- End-stage renal disease"), holding the word "end".
        guard hi - lo <= 80, text[lo] == 91 || text[lo] == 40
                || (markerBytes.contains(text[lo]) && markerBytes.contains(text[lo + 1])) else { return false }
        var i = lo
        while i + 3 <= hi {
            let isWordStart = i == lo || !((text[i - 1] | 0x20) >= 97 && (text[i - 1] | 0x20) <= 122)
            if isWordStart, text[i] | 0x20 == 101, text[i + 1] | 0x20 == 110, text[i + 2] | 0x20 == 100,
               i + 3 == hi || !((text[i + 3] | 0x20) >= 97 && (text[i + 3] | 0x20) <= 122) { return true }
            i += 1
        }
        return false
    }

    /// The start of the first blank line (only spaces, tabs or a CR) after `from`, or the end.
    static func blankLine(after from: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = from
        let n = text.count
        while i < n {
            if text[i] == 10 {
                var j = i + 1
                while j < n, text[j] == 32 || text[j] == 9 || text[j] == 13 { j += 1 }
                if j >= n || text[j] == 10 { return i }
            }
            i += 1
        }
        return n
    }

    /// The context modifiers that apply to a target at `span`, among triggers of its own unit.
    /// `element` nil: a concept that is not a telehealth element (only rules without
    /// `applies_to` can apply), as in the NegEx evaluation.
    public func modifiers(of span: Range<Int>, element: Element?, ignoring: Set<ContextCategory>,
                          triggers local: [Trigger], text: UnsafeBufferPointer<UInt8>) -> [ContextModifier] {
        var out: [ContextModifier] = []
        for t in local {
            let category = t.rule.category
            if category == .terminate || category == .checked || category == .pseudo || category == .clause || category == .statement
                || category == .negationEnd { continue }
            if ignoring.contains(category) { continue }
            if let only = t.rule.appliesTo { guard let element, only.contains(element) else { continue } }
            if let not = t.rule.notAppliesTo, let element, not.contains(element) { continue }
            if t.span.overlaps(span) { continue }
            let dir = t.rule.direction
            var applies = false
            if t.span.upperBound <= span.lowerBound && (dir == .forward || dir == .both) {
                applies = !terminated(between: t.span.upperBound, and: span.lowerBound, by: t.rule.terminatedBy, triggers: local,
                                      straddlingEnd: true)
                    && withinWindow(t.rule.window, text, t.span.upperBound, span.lowerBound)
                    && !Self.closesBracket(text, t.span.upperBound, span.lowerBound)
            } else if t.span.lowerBound >= span.upperBound && (dir == .backward || dir == .both) {
                applies = !terminated(between: span.upperBound, and: t.span.lowerBound, by: t.rule.terminatedBy, triggers: local)
                    && withinWindow(t.rule.window, text, span.upperBound, t.span.lowerBound)
                    && !Self.opensBracket(text, span.upperBound, t.span.lowerBound)
            }
            if applies { out.append(ContextModifier(category: category, ruleID: t.rule.id, span: t.span)) }
        }
        return out
    }

    /// Drops triggers that a pseudo-trigger overlaps.
    public static func removingPseudo(_ all: [Trigger]) -> [Trigger] {
        let pseudo = all.filter { $0.rule.category == .pseudo }.map(\.span).sorted { $0.lowerBound < $1.lowerBound }
        if pseudo.isEmpty { return all }
        return all.filter { t in t.rule.category != .pseudo && !overlapsAny(t.span, sorted: pseudo) }
    }

    /// Whether `r` overlaps one of `sorted` (ranges sorted by start; binary search).
    static func overlapsAny(_ r: Range<Int>, sorted: [Range<Int>]) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].lowerBound < r.upperBound { lo = mid + 1 } else { hi = mid }
        }
        // Candidates start before r ends; a long pseudo span may start well before r.
        var i = lo - 1
        while i >= 0 {
            if sorted[i].upperBound > r.lowerBound { return true }
            if r.lowerBound - sorted[i].lowerBound > 200 { break }
            i -= 1
        }
        return false
    }

    /// Whether a terminator of `categories` lies in `a..<b`. `straddlingEnd`: one that starts
    /// there and runs on into the target counts too, as the longest phrase can take in the
    /// target's first words ("no working camera, so the visit was done by phone": the terminator
    /// "so the visit" overlaps the target "the visit was done by phone", and still ends the "no").
    func terminated(between a: Int, and b: Int, by categories: Set<ContextCategory>, triggers: [Trigger],
                    straddlingEnd: Bool = false) -> Bool {
        for t in triggers where t.span.lowerBound >= a && (t.span.upperBound <= b || (straddlingEnd && t.span.lowerBound < b)) {
            if categories.contains(t.rule.category) { return true }
        }
        return false
    }

    /// A trigger inside brackets speaks of what the brackets hold: "12 days (missed wk 2, meter
    /// broke)" does not negate the days, "Patient at home (not at work)" not the home. Backward:
    /// whether `a..<b`, after the target, opens a bracket it does not close (the trigger is in
    /// it); forward: whether it closes one it did not open.
    static func opensBracket(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var depth = 0
        for i in a..<b {
            if text[i] == UInt8(ascii: "(") { depth += 1 } else if text[i] == UInt8(ascii: ")") && depth > 0 { depth -= 1 }
        }
        return depth > 0
    }

    static func closesBracket(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var depth = 0
        for i in a..<b {
            if text[i] == UInt8(ascii: "(") { depth += 1 } else if text[i] == UInt8(ascii: ")") {
                if depth == 0 { return true }
                depth -= 1
            }
        }
        return false
    }

    /// Whether at most `window` words lie between the two offsets.
    func withinWindow(_ window: Int?, _ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        guard let window else { return true }
        var words = 0
        var inWord = false
        for i in a..<b {
            let isSpace = text[i] == 32 || text[i] == 9 || text[i] == 10 || text[i] == 13
            if !isSpace && !inWord { words += 1; if words > window { return false } }
            inWord = !isSpace
        }
        return true
    }
}

