/// A printer renders results to bytes. `render` is called from worker threads (in parallel,
/// any order) and must be pure; the runner writes the bytes in input order.
public protocol ResultPrinter: Sendable {
    func header() -> [UInt8]
    /// - Parameter index: the note's position in the input (0-based).
    func render(_ result: NoteResult, index: Int) -> [UInt8]
    func footer() -> [UInt8]
}

extension ResultPrinter {
    public func header() -> [UInt8] { [] }
    public func footer() -> [UInt8] { [] }
}
