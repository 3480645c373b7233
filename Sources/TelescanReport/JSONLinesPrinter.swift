import TelescanCore

/// `--format jsonl`: the output contract, one object per line.
public struct JSONLinesPrinter: ResultPrinter {
    let encoder: RecordEncoder
    public init(options: OutputOptions = OutputOptions()) { encoder = RecordEncoder(options: options) }

    public func render(_ result: NoteResult, index: Int) -> [UInt8] {
        var w = JSONWriter()
        encoder.encode(result, into: &w)
        w.bytes.append(10)
        return w.bytes
    }
}
