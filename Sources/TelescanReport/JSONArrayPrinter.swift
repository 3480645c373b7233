import TelescanCore

/// `--format json`: one JSON array of the contract's objects (for small runs: a reader must
/// hold the whole array). Same objects as `jsonl`, via the same `RecordEncoder`.
public struct JSONArrayPrinter: ResultPrinter {
    let encoder: RecordEncoder
    public init(options: OutputOptions = OutputOptions()) { encoder = RecordEncoder(options: options) }

    public func header() -> [UInt8] { Array("[".utf8) }

    public func render(_ result: NoteResult, index: Int) -> [UInt8] {
        var w = JSONWriter()
        w.bytes += index == 0 ? [10] : [UInt8(ascii: ","), 10]
        encoder.encode(result, into: &w)
        return w.bytes
    }

    public func footer() -> [UInt8] { Array("\n]\n".utf8) }
}
