import CYaml

/// Reads one YAML document straight from libyaml's event stream into `String`, `[Any]` and
/// `[String: Any]`: every scalar stays text, as the strict accessors of `YAMLFields` expect.
/// Yams' composer and constructor (nodes, tags, resolvers, `AnyHashable` keys) were about a
/// third of telescan's start-up; the event stream is the same parser without that layer.
enum YAMLTree {
    struct ParseError: Error {
        let message: String
    }

    static func parse(_ bytes: [UInt8]) throws(ParseError) -> Any? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw ParseError(message: "cannot start the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buf) throws(ParseError) -> Any? in
            yaml_parser_set_input_string(&parser, buf.baseAddress, buf.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = Builder()
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw error(parser) }
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { break }
                if type == YAML_DOCUMENT_END_EVENT {
                    // A second document would be silently ignored; say so instead.
                    var next = yaml_event_t()
                    guard yaml_parser_parse(&parser, &next) == 1 else { throw error(parser) }
                    defer { yaml_event_delete(&next) }
                    guard next.type == YAML_STREAM_END_EVENT else {
                        throw ParseError(message: "more than one document (line \(next.start_mark.line + 1))")
                    }
                    break
                }
                try builder.take(event)
            }
            return builder.root
        }
    }

    static func error(_ parser: yaml_parser_t) -> ParseError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let mark = parser.problem_mark
        var message = "\(problem) at line \(mark.line + 1), column \(mark.column + 1)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context), line \(parser.context_mark.line + 1))"
        }
        return ParseError(message: message)
    }

    /// A stack of open collections; a finished value goes into its parent, or becomes the root.
    /// The open collections are objects, so that adding to one mutates it in place (an enum
    /// payload taken out and put back was copied on every add).
    final class OpenCollection {
        var items: [Any] = []
        var map: [String: Any] = [:]
        var pendingKey: String?
        let isMapping: Bool
        let anchor: String?
        init(isMapping: Bool, anchor: String?) { self.isMapping = isMapping; self.anchor = anchor }
        var value: Any { isMapping ? map : items }
    }

    struct Builder {
        var stack: [OpenCollection] = []
        var anchors: [String: Any] = [:]
        var root: Any?

        mutating func take(_ event: yaml_event_t) throws(ParseError) {
            switch event.type {
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                try add(text, anchor: s.anchor.map { String(cString: $0) }, line: event.start_mark.line)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(OpenCollection(isMapping: false, anchor: event.data.sequence_start.anchor.map { String(cString: $0) }))
            case YAML_MAPPING_START_EVENT:
                stack.append(OpenCollection(isMapping: true, anchor: event.data.mapping_start.anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let open = stack.popLast() else { return }
                try add(open.value, anchor: open.anchor, line: event.start_mark.line)
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let value = anchors[name] else {
                    throw ParseError(message: "unknown alias '*\(name)' at line \(event.start_mark.line + 1)")
                }
                try add(value, anchor: nil, line: event.start_mark.line)
            default:
                break  // stream and document starts carry nothing we keep
            }
        }

        mutating func add(_ value: Any, anchor: String?, line: Int) throws(ParseError) {
            if let anchor { anchors[anchor] = value }
            guard let top = stack.last else { root = value; return }
            if !top.isMapping {
                top.items.append(value)
            } else if let key = top.pendingKey {
                top.map[key] = value
                top.pendingKey = nil
            } else {
                guard let key = value as? String else {
                    throw ParseError(message: "a mapping key must be text (line \(line + 1))")
                }
                // A repeated key would silently replace the first (a rule that lost its `id:`
                // line merged into the next one): refuse it.
                if top.map[key] != nil {
                    throw ParseError(message: "duplicate key '\(key)' (line \(line + 1))")
                }
                top.pendingKey = key
            }
        }
    }
}
