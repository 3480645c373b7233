/// A rule or profile file that cannot be loaded: names the file, the entry and the problem.
public struct RuleLoadError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var entry: String?
    public var problem: String

    public init(file: String, entry: String? = nil, problem: String) {
        self.file = file
        self.entry = entry
        self.problem = problem
    }

    public var description: String {
        if let entry { return "\(file): \(entry): \(problem)" }
        return "\(file): \(problem)"
    }
}
