import Foundation

/// Strict access to one YAML mapping: every read key is recorded, and `finish()` rejects the
/// keys nobody asked for, so a typo in a rule file is an error rather than a silent default.
struct YAMLFields {
    let map: [String: Any]
    let file: String
    let entry: String?
    private(set) var seen: Set<String> = []

    init(_ any: Any?, file: String, entry: String?) throws(RuleLoadError) {
        guard let map = any as? [String: Any] else {
            throw RuleLoadError(file: file, entry: entry, problem: "expected a mapping")
        }
        self.map = map
        self.file = file
        self.entry = entry
    }

    func error(_ problem: String) -> RuleLoadError { RuleLoadError(file: file, entry: entry, problem: problem) }

    /// The value of `key`; an explicit YAML null (`key:` or `key: ~`) counts as absent.
    mutating func raw(_ key: String) -> Any? {
        seen.insert(key)
        guard let v = map[key] else { return nil }
        // Scalars are read as text (see `load`), so a null is "", "~" or "null"; one cast only,
        // as dynamic casts of `Any` are much of start-up.
        if let s = v as? String { return s.isEmpty || s == "~" || s == "null" ? nil : s }
        return v
    }

    mutating func string(_ key: String) throws(RuleLoadError) -> String? {
        guard let v = raw(key) else { return nil }
        if let s = v as? String { return s }
        if let i = v as? Int { return String(i) }
        if let d = v as? Double { return String(d) }
        if let b = v as? Bool { return b ? "true" : "false" }
        throw error("'\(key)' must be a string")
    }

    mutating func requiredString(_ key: String) throws(RuleLoadError) -> String {
        guard let s = try string(key), !s.isEmpty else { throw error("missing required key '\(key)'") }
        return s
    }

    mutating func int(_ key: String) throws(RuleLoadError) -> Int? {
        guard let v = raw(key) else { return nil }
        if let i = v as? Int { return i }
        if let s = v as? String, let i = Int(s) { return i }
        throw error("'\(key)' must be a whole number")
    }

    mutating func bool(_ key: String) throws(RuleLoadError) -> Bool? {
        guard let v = raw(key) else { return nil }
        if let b = v as? Bool { return b }
        if let s = v as? String, s == "true" || s == "false" { return s == "true" }
        throw error("'\(key)' must be true or false")
    }

    mutating func strings(_ key: String) throws(RuleLoadError) -> [String]? {
        guard let v = raw(key) else { return nil }
        if let s = v as? String { return [s] }
        guard let list = v as? [Any] else { throw error("'\(key)' must be a list of strings") }
        var out: [String] = []
        for item in list {
            if let s = item as? String { out.append(s) }
            else if let i = item as? Int { out.append(String(i)) }
            else { throw error("'\(key)' must be a list of strings") }
        }
        return out
    }

    mutating func stringMap(_ key: String) throws(RuleLoadError) -> [String: String]? {
        guard let v = raw(key) else { return nil }
        guard let m = v as? [String: Any] else { throw error("'\(key)' must be a mapping of strings") }
        var out: [String: String] = [:]
        for (k, val) in m {
            if let s = val as? String { out[k] = s }
            else if let i = val as? Int { out[k] = String(i) }
            else if let b = val as? Bool { out[k] = b ? "true" : "false" }
            else { throw error("'\(key).\(k)' must be a string") }
        }
        return out
    }

    /// Rejects any key that was not read.
    func finish(allowed: [String]? = nil) throws(RuleLoadError) {
        let unknown = Set(map.keys).subtracting(seen).sorted()
        if let first = unknown.first {
            let allowedList = (allowed ?? seen.sorted()).joined(separator: ", ")
            throw error("unknown key '\(first)' (allowed: \(allowedList))")
        }
    }

    /// How scalars are typed. `rules`: YAML 1.1 would read `no`, `on` or `off` in a phrase
    /// list as booleans, so those stay text. `plain` (profiles): every scalar stays text
    /// ("02" keeps its zero, dates stay `YYYY-MM-DD`); the typed accessors parse numbers and
    /// booleans where a key needs them.
    enum Scalars { case rules, plain }

    /// `yaml` without the lines of every block-style `key:` entry: the line that starts with the
    /// key and the more indented (or blank) lines after it, and any line, however indented,
    /// that a quoted scalar or a flow list or mapping opened on those lines runs on to (YAML
    /// lets a double-quoted example go on at the line's start: parsing the rest of it as
    /// rule data failed the scan while `rules check` read the file).
    static func dropping(key: String, from yaml: [UInt8]) -> [UInt8] {
        let needle = Array((key + ":").utf8)
        var out: [UInt8] = []
        out.reserveCapacity(yaml.count)
        var i = 0
        let n = yaml.count
        var skipIndent: Int? = nil
        var flow = FlowState()
        while i < n {
            var end = i
            while end < n, yaml[end] != 10 { end += 1 }
            var indent = 0
            while i + indent < end, yaml[i + indent] == 32 { indent += 1 }
            let blank = i + indent == end || (i + indent + 1 == end && yaml[i + indent] == 13)
            if let s = skipIndent, blank || indent > s || flow.isOpen {
                if !blank { flow.read(yaml[i..<end], indent: indent) }
                i = end + 1
                continue
            }
            skipIndent = nil
            let content = i + indent
            if end - content >= needle.count, yaml[content..<(content + needle.count)].elementsEqual(needle) {
                skipIndent = indent
                flow = FlowState()
                flow.read(yaml[(content + needle.count)..<end], indent: indent)
                i = end + 1
                continue
            }
            out += yaml[i..<min(end + 1, n)]
            i = end + 1
        }
        return out
    }

    /// Whether a quoted scalar or a flow collection is still open after the lines read so far.
    /// A quote, `[` or `{` opens one only where a token starts (after a flow indicator, `: `,
    /// `- ` or spaces at the start of the text), so an apostrophe or a bracket inside a plain
    /// scalar opens nothing; a `#` after a space outside quotes starts a comment; the lines of a
    /// block scalar (`|`, `>`) are text, not read.
    struct FlowState {
        var depth = 0
        var quote: UInt8 = 0
        /// The indentation of the line that opened a block scalar, whose more indented lines follow.
        var blockScalarParent: Int? = nil
        var isOpen: Bool { depth > 0 || quote != 0 }

        mutating func read(_ line: ArraySlice<UInt8>, indent: Int) {
            if let parent = blockScalarParent {
                if indent > parent { return }
                blockScalarParent = nil
            }
            if !isOpen, opensBlockScalar(line) { blockScalarParent = indent; return }
            var tokenStart = true
            var k = line.startIndex
            while k < line.endIndex {
                let b = line[k]
                if quote == UInt8(ascii: "\"") {
                    if b == UInt8(ascii: "\\") { k += 1 } else if b == quote { quote = 0; tokenStart = false }
                } else if quote == UInt8(ascii: "'") {
                    if b == quote {
                        if k + 1 < line.endIndex, line[k + 1] == quote { k += 1 } else { quote = 0; tokenStart = false }
                    }
                } else {
                    switch b {
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        if tokenStart { quote = b }
                        tokenStart = false
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        if depth > 0 || tokenStart { depth += 1; tokenStart = true } else { tokenStart = false }
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        if depth > 0 { depth -= 1 }
                        tokenStart = false
                    case UInt8(ascii: ","):
                        tokenStart = depth > 0
                    case UInt8(ascii: ":"):
                        tokenStart = nextIsSpace(line, k)
                    case UInt8(ascii: "-"):
                        tokenStart = tokenStart && nextIsSpace(line, k)
                    case UInt8(ascii: " "), 9, 13:
                        break
                    case UInt8(ascii: "#"):
                        if k == line.startIndex || line[k - 1] == 32 || line[k - 1] == 9 { return }
                        tokenStart = false
                    default:
                        tokenStart = false
                    }
                }
                k += 1
            }
        }

        /// Whether the line's value is a block scalar's indicator: `|` or `>` (with chomping or
        /// indentation marks) after `: ` or `- `, and nothing after it but a comment.
        func opensBlockScalar(_ line: ArraySlice<UInt8>) -> Bool {
            // Cheap first: most lines hold neither indicator.
            guard line.contains(UInt8(ascii: "|")) || line.contains(UInt8(ascii: ">")) else { return false }
            func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }
            var end = line.endIndex
            if let hash = line.indices.first(where: { line[$0] == UInt8(ascii: "#") && $0 > line.startIndex && isBlank(line[$0 - 1]) }) {
                end = hash
            }
            while end > line.startIndex, isBlank(line[end - 1]) { end -= 1 }
            while end > line.startIndex, line[end - 1] == UInt8(ascii: "-") || line[end - 1] == UInt8(ascii: "+")
                    || (line[end - 1] >= 0x30 && line[end - 1] <= 0x39) { end -= 1 }
            guard end > line.startIndex, line[end - 1] == UInt8(ascii: "|") || line[end - 1] == UInt8(ascii: ">") else { return false }
            var before = end - 2
            while before >= line.startIndex, isBlank(line[before]) { before -= 1 }
            return before < line.startIndex || line[before] == UInt8(ascii: ":") || line[before] == UInt8(ascii: "-")
        }

        func nextIsSpace(_ line: ArraySlice<UInt8>, _ k: Int) -> Bool {
            k + 1 >= line.endIndex || line[k + 1] == 32 || line[k + 1] == 9 || line[k + 1] == 13
        }
    }

    /// - Parameter skipping: a block-style key whose lines (the key's line and every more
    /// indented line after it) are dropped before parsing: a scan does not read the rules'
    /// `examples`, a third of the rule files' bytes and of start-up's YAML time.
    static func load(file path: String, displayName: String, scalars: Scalars = .rules,
                     skipping: String? = nil) throws(RuleLoadError) -> Any? {
        // Every scalar is read as text and typed by the accessors (YAML 1.1 typing would turn
        // `no` into false and drop the zero of "02"). Both modes agree.
        _ = scalars
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleLoadError(file: displayName, problem: "cannot read file")
        }
        var bytes = [UInt8](data)
        if let skipping { bytes = dropping(key: skipping, from: bytes) }
        do { return try YAMLTree.parse(bytes) } catch {
            throw RuleLoadError(file: displayName, problem: "invalid YAML: \(error.message)")
        }
    }
}
