import TelescanCore

/// `--format html`: one self-contained page for reviewers: inline CSS, no JavaScript, no
/// external assets (a Content-Security-Policy forbids them), every piece of text escaped.
///
/// The page streams like the other formats: `header()` opens it, `render` writes one section
/// per note, `footer()` writes the summary counts and closes it. The summary comes last in the
/// file but is shown at the top (CSS flexbox `order`), so the report needs no second pass.
public struct HTMLPrinter: ResultPrinter {
    let options: OutputOptions
    /// Read only by `footer()`, after the runner observed every result.
    let summary: RunSummary?

    public init(options: OutputOptions = OutputOptions(), summary: RunSummary? = nil) {
        self.options = options
        self.summary = summary
    }

    static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2329}
    .report{display:flex;flex-direction:column;max-width:1100px;margin:0 auto;padding:16px}
    .top{order:-2}.summary{order:-1}
    h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:0 0 8px}h3{font-size:14px;margin:12px 0 4px;color:#44505c}
    section{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:12px 16px;margin:0 0 12px}
    .badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;vertical-align:middle}
    .ready{background:#1e7b34}.needs_query{background:#a86400}.not_telehealth{background:#6a737d}.error{background:#b3261e}
    .id{font-family:ui-monospace,Menlo,Consolas,monospace}
    table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #eceff2;padding:3px 8px 3px 0}
    th{font-weight:600;color:#44505c}
    q{background:#fff6d6}.off{color:#6a737d;font-size:12px}.query{color:#1d4f91}
    .none{color:#6a737d}.counts td:last-child{text-align:right}.counts{width:auto;min-width:320px}
    .grid{display:flex;flex-wrap:wrap;gap:24px}
    pre{white-space:pre-wrap;background:#f6f7f9;padding:8px;border-radius:4px}
    """

    public func header() -> [UInt8] {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>telescan report</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n<div class=\"report\">\n"
        h += "<header class=\"top\"><h1>telescan report</h1></header>\n"
        return Array(h.utf8)
    }

    public func render(_ r: NoteResult, index: Int) -> [UInt8] {
        var h = "<section class=\"note\" id=\"note-\(index + 1)\">\n"
        h += "<h2>\(badge(r.status)) <span class=\"id\">\(esc(r.id))</span></h2>\n"
        h += "<p>profile <b>\(esc(r.profile))</b> · service <b>\(esc(r.service?.rawValue ?? "none"))</b>"
        if !r.serviceEvidence.isEmpty { h += " · " + r.serviceEvidence.map { quote(r, $0) }.joined(separator: " ") }
        h += "</p>\n"
        if let e = r.error { h += "<p class=\"error-text\"><b>error</b> <code>\(esc(e.code))</code> \(esc(e.message))</p>\n" }
        let d = r.decision
        if r.status != .error {
            h += "<h3>Codes</h3>\n"
            if d.codes.isEmpty {
                h += "<p class=\"none\">none</p>\n"
            } else {
                h += "<table><tr><th>code</th><th>system</th><th>modifiers</th><th>POS</th><th>units</th><th>basis</th><th>because</th></tr>\n"
                for c in d.codes {
                    h += "<tr><td><b>\(esc(c.code))</b></td><td>\(esc(c.system))</td><td>\(esc(c.modifiers.joined(separator: ", ")))</td>"
                    h += "<td>\(esc(c.pos ?? "–"))</td><td>\(c.units)</td><td>\(esc(c.basis))</td><td>\(esc(c.because.joined(separator: ", ")))</td></tr>\n"
                }
                h += "</table>\n"
            }
        }
        if !d.missing.isEmpty {
            h += "<h3>Missing</h3>\n<ul>\n"
            for m in d.missing {
                h += "<li><b>\(esc(m.element))</b> <code>\(esc(m.reason))</code><br><span class=\"query\">\(esc(m.query))</span></li>\n"
            }
            h += "</ul>\n"
        }
        let lines = r.elementLines
        if !lines.isEmpty {
            h += "<h3>Evidence</h3>\n<table><tr><th>element</th><th>value</th><th>evidence</th></tr>\n"
            for l in lines {
                h += "<tr><td>\(esc(l.name))</td><td>\(esc(l.value))</td><td>"
                h += l.evidence.map { quote(r, $0) }.joined(separator: "<br>")
                h += "</td></tr>\n"
            }
            h += "</table>\n"
        }
        if !d.assumptions.isEmpty { h += "<h3>Assumptions</h3>\n<ul>" + d.assumptions.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n" }
        if !r.warnings.isEmpty { h += "<h3>Warnings</h3>\n<ul>" + r.warnings.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n" }
        if options.includeText {
            h += "<details><summary>Note text</summary><pre>\(esc(DisplayText.block(r.textString)))</pre></details>\n"
        }
        h += "</section>\n"
        return Array(h.utf8)
    }

    public func footer() -> [UInt8] {
        var h = ""
        if let s = summary {
            h += "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n"
            h += "<p>\(s.records) records read: \(s.notes) notes, \(s.errors) errors.</p>\n<div class=\"grid\">\n"
            h += table("Status", s.statusCounts.map { (badge(NoteStatus(rawValue: $0.key)!), $0.value) })
            h += table("Service", s.serviceCounts.map { (esc($0.key), $0.value) })
            h += table("Missing (element: reason)", s.missingCounts.map { (esc($0.key), $0.value) })
            h += table("Codes", s.codeCounts.map { (esc($0.key), $0.value) })
            h += "</div>\n</section>\n"
        }
        h += "</div>\n</body>\n</html>\n"
        return Array(h.utf8)
    }

    func table(_ title: String, _ rows: [(String, Int)]) -> String {
        var h = "<div><h3>\(esc(title))</h3>\n"
        if rows.isEmpty { return h + "<p class=\"none\">none</p></div>\n" }
        h += "<table class=\"counts\">\n"
        for (k, v) in rows { h += "<tr><td>\(k)</td><td>\(v)</td></tr>\n" }
        return h + "</table></div>\n"
    }

    func badge(_ s: NoteStatus) -> String {
        "<span class=\"badge \(s.rawValue)\">\(s.rawValue.replacingOccurrences(of: "_", with: " "))</span>"
    }

    func quote(_ r: NoteResult, _ span: Range<Int>) -> String {
        let (q, offsets) = r.shownEvidence(span, noQuotes: options.noQuotes)
        return (q.map { "<q>\(esc($0))</q> " } ?? "") + "<span class=\"off\">\(offsets)</span>"
    }

    /// Escapes text for HTML element content and quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t", "\r": out.unicodeScalars.append(u)
            default: out.unicodeScalars.append(DisplayText.isControl(u) ? "\u{FFFD}" : u)
            }
        }
        return out
    }

    func esc(_ s: String) -> String { Self.escape(s) }
}
