import Foundation

/// A parsed JSON value. Our own small parser, so the tests see exactly what was printed:
/// integers stay distinct from booleans, object keys keep their order, duplicates are errors.
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double, isInteger: Bool)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x, _), .number(y, _)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && x.allSatisfy { kv in y.contains { $0.0 == kv.0 && $0.1 == kv.1 } }
        default: return false
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let kv) = self { return kv.first { $0.0 == key }?.1 }
        return nil
    }

    var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }

    /// A copy with one key set (added or replaced) or removed (`nil`).
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var kv) = self else { return self }
        if let i = kv.firstIndex(where: { $0.0 == key }) {
            if let value { kv[i].1 = value } else { kv.remove(at: i) }
        } else if let value {
            kv.append((key, value))
        }
        return .object(kv)
    }

    struct ParseError: Error, CustomStringConvertible { var description: String }

    static func parse(_ text: String) throws -> JSONValue { try parse(Array(text.utf8)) }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var p = Parser(b: bytes)
        p.ws()
        let v = try p.value()
        p.ws()
        guard p.i == bytes.count else { throw ParseError(description: "trailing bytes at \(p.i)") }
        return v
    }

    struct Parser {
        let b: [UInt8]
        var i = 0

        mutating func ws() { while i < b.count, [32, 9, 10, 13].contains(b[i]) { i += 1 } }
        func fail(_ m: String) -> ParseError { ParseError(description: "\(m) at byte \(i)") }

        mutating func value() throws -> JSONValue {
            guard i < b.count else { throw fail("unexpected end") }
            switch b[i] {
            case UInt8(ascii: "{"):
                i += 1; ws()
                var kv: [(String, JSONValue)] = []
                if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(kv) }
                while true {
                    ws()
                    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("expected key") }
                    let k = try string()
                    if kv.contains(where: { $0.0 == k }) { throw fail("duplicate key \(k)") }
                    ws()
                    guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected :") }
                    i += 1; ws()
                    kv.append((k, try value()))
                    ws()
                    guard i < b.count else { throw fail("unexpected end") }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "}") { i += 1; return .object(kv) }
                    throw fail("expected , or }")
                }
            case UInt8(ascii: "["):
                i += 1; ws()
                var a: [JSONValue] = []
                if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
                while true {
                    ws()
                    a.append(try value())
                    ws()
                    guard i < b.count else { throw fail("unexpected end") }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
                    throw fail("expected , or ]")
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func literal(_ s: String) throws {
            let l = Array(s.utf8)
            guard i + l.count <= b.count, Array(b[i..<i + l.count]) == l else { throw fail("bad literal") }
            i += l.count
        }

        mutating func number() throws -> JSONValue {
            let start = i
            var integer = true
            if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
            while i < b.count, (48...57).contains(b[i]) || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(b[i]) {
                if !(48...57).contains(b[i]) { integer = false }
                i += 1
            }
            guard i > start, let d = Double(String(decoding: b[start..<i], as: UTF8.self)) else { throw fail("bad number") }
            return .number(d, isInteger: integer)
        }

        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while true {
                guard i < b.count else { throw fail("unterminated string") }
                let c = b[i]
                i += 1
                if c == UInt8(ascii: "\"") { break }
                if c < 0x20 { throw fail("raw control character in string") }
                if c != UInt8(ascii: "\\") { out.append(c); continue }
                guard i < b.count else { throw fail("bad escape") }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(34)
                case UInt8(ascii: "\\"): out.append(92)
                case UInt8(ascii: "/"): out.append(47)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var u = try hex4()
                    if (0xD800..<0xDC00).contains(u) {
                        guard i + 1 < b.count, b[i] == 92, b[i + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate") }
                        i += 2
                        let lo = try hex4()
                        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    guard let s = Unicode.Scalar(u) else { throw fail("bad scalar") }
                    out += Array(String(s).utf8)
                default: throw fail("bad escape")
                }
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8") }
            return s
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<i + 4], as: UTF8.self), radix: 16) else { throw fail("bad \\u") }
            i += 4
            return v
        }
    }
}

/// A JSON Schema validator for the subset our schema uses: `type`, `enum`, `const`,
/// `required`, `properties`, `additionalProperties`, `items`, `minimum`, `maxItems`,
/// `minLength`, `pattern`, `anyOf`, `oneOf`, `not`, and `$ref` to `#/$defs/...`.
/// A keyword outside the subset is an error, so the schema cannot silently rely on one.
struct SchemaValidator {
    static let keywords: Set<String> = ["type", "enum", "const", "required", "properties", "additionalProperties",
                                        "items", "minimum", "maxItems", "minLength", "pattern", "anyOf", "oneOf",
                                        "not", "$ref"]
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]

    let root: JSONValue

    init(schema: JSONValue) throws {
        root = schema
        try Self.checkKeywords(schema, path: "#")
    }

    static func checkKeywords(_ s: JSONValue, path: String) throws {
        guard case .object(let kv) = s else {
            if case .bool = s { return }
            throw JSONValue.ParseError(description: "\(path): a schema must be an object")
        }
        for (k, v) in kv {
            guard keywords.contains(k) || annotations.contains(k) else {
                throw JSONValue.ParseError(description: "\(path): unsupported keyword \(k)")
            }
            switch k {
            case "properties", "$defs":
                if case .object(let subs) = v { for (n, sub) in subs { try checkKeywords(sub, path: "\(path)/\(k)/\(n)") } }
            case "items", "not", "additionalProperties":
                try checkKeywords(v, path: "\(path)/\(k)")
            case "anyOf", "oneOf":
                for (i, sub) in (v.arrayValue ?? []).enumerated() { try checkKeywords(sub, path: "\(path)/\(k)/\(i)") }
            default: break
            }
        }
    }

    /// The problems found, each with its JSON pointer; empty: valid.
    func validate(_ v: JSONValue) -> [String] {
        var errors: [String] = []
        check(v, root, "", &errors)
        return errors
    }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: JSONValue? = root
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    static func typeMatches(_ v: JSONValue, _ t: String) -> Bool {
        switch (t, v) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): return true
        case ("integer", .number(let d, let isInt)): return isInt && d.rounded() == d
        default: return false
        }
    }

    func check(_ v: JSONValue, _ s: JSONValue, _ at: String, _ errors: inout [String]) {
        if case .bool(let b) = s { if !b { errors.append("\(at): false schema") }; return }
        if let ref = s["$ref"]?.stringValue {
            guard let target = resolve(ref) else { errors.append("\(at): unresolved $ref \(ref)"); return }
            check(v, target, at, &errors)
        }
        if let t = s["type"] {
            let types = t.arrayValue?.compactMap(\.stringValue) ?? [t.stringValue ?? ""]
            if !types.contains(where: { Self.typeMatches(v, $0) }) { errors.append("\(at): not of type \(types.joined(separator: "|"))"); return }
        }
        if let e = s["enum"]?.arrayValue, !e.contains(v) { errors.append("\(at): not one of the allowed values") }
        if let c = s["const"], c != v { errors.append("\(at): not the constant value") }
        if case .number(let d, _) = v, case .number(let min, _)? = s["minimum"], d < min { errors.append("\(at): below minimum") }
        if case .string(let str) = v {
            if case .number(let n, _)? = s["minLength"], Double(str.unicodeScalars.count) < n { errors.append("\(at): too short") }
            if let p = s["pattern"]?.stringValue {
                let re = try! NSRegularExpression(pattern: p)
                if re.firstMatch(in: str, range: NSRange(str.startIndex..., in: str)) == nil { errors.append("\(at): does not match \(p)") }
            }
        }
        if case .array(let a) = v {
            if case .number(let n, _)? = s["maxItems"], Double(a.count) > n { errors.append("\(at): too many items") }
            if let items = s["items"] { for (i, x) in a.enumerated() { check(x, items, "\(at)/\(i)", &errors) } }
        }
        if case .object(let kv) = v {
            for r in s["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where v[r] == nil {
                errors.append("\(at): missing required \(r)")
            }
            let props = s["properties"]
            for (k, x) in kv {
                if let ps = props?[k] {
                    check(x, ps, "\(at)/\(k)", &errors)
                } else if let extra = s["additionalProperties"] {
                    check(x, extra, "\(at)/\(k)", &errors)
                }
            }
        }
        if let any = s["anyOf"]?.arrayValue {
            if !any.contains(where: { sub in var e: [String] = []; check(v, sub, at, &e); return e.isEmpty }) {
                errors.append("\(at): matches none of anyOf")
            }
        }
        if let one = s["oneOf"]?.arrayValue {
            let n = one.filter { sub in var e: [String] = []; check(v, sub, at, &e); return e.isEmpty }.count
            if n != 1 { errors.append("\(at): matches \(n) of oneOf, not exactly one") }
        }
        if let not = s["not"] {
            var e: [String] = []
            check(v, not, at, &e)
            if e.isEmpty { errors.append("\(at): matches a schema it must not") }
        }
    }
}
