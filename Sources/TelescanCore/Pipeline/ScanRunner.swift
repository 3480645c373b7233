import Foundation

/// Runs the pipeline over a stream of records: a reader thread fills batches while worker
/// threads scan the current one; results are written in input order. Memory is bounded by two
/// batches in flight, whatever the input size.
public struct ScanRunner {
    public var jobs: Int
    /// Notes per batch, and a byte budget that closes a batch early.
    public var batchNotes = 512
    public var batchBytes = 8 << 20

    public init(jobs: Int) { self.jobs = max(1, jobs) }

    /// - Parameters:
    ///   - write: receives rendered bytes, in input order (on the calling thread).
    ///   - observe: receives each result, in input order (on the calling thread).
    public func run(reader: inout some NoteReader, engine: ScanEngine, printer: some ResultPrinter,
                    write: ([UInt8]) throws -> Void, observe: (NoteResult) -> Void) throws {
        try write(printer.header())
        let feed = BatchFeed(batchNotes: batchNotes, batchBytes: batchBytes)
        // The reader runs on its own thread, one batch ahead of the workers.
        let box = ReaderBox(reader: reader)
        let thread = Thread { feed.produce(from: box) }
        thread.stackSize = 8 << 20
        thread.start()

        let scanners = ScannerPool(engine: engine, count: jobs)
        var index = 0
        while let batch = feed.take() {
            let n = batch.count
            let out = ResultSlots(count: n)
            let workers = min(jobs, n)
            let base = index
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let scanner = scanners.scanners[w]
                var i = w
                while i < n {
                    let r = scanner.scan(batch[i])
                    out.set(i, r, printer.render(r, index: base + i))
                    i += workers
                }
            }
            for i in 0..<n {
                let (r, bytes) = out.get(i)
                observe(r)
                try write(bytes)
            }
            index += n
        }
        if let error = feed.error { throw error }
        try write(printer.footer())
    }
}

/// Hands batches from the reader thread to the workers; at most two batches wait.
final class BatchFeed: @unchecked Sendable {
    let batchNotes: Int
    let batchBytes: Int
    let lock = NSCondition()
    var queue: [[NoteRecord]] = []
    var done = false
    var error: Error?

    init(batchNotes: Int, batchBytes: Int) {
        self.batchNotes = batchNotes
        self.batchBytes = batchBytes
    }

    func produce(from box: ReaderBox) {
        var batch: [NoteRecord] = []
        var bytes = 0
        do {
            while let r = try box.reader.next() {
                bytes += r.text.count
                batch.append(r)
                if batch.count >= batchNotes || bytes >= batchBytes {
                    put(batch)
                    batch = []
                    bytes = 0
                }
            }
        } catch {
            lock.lock(); self.error = error; lock.unlock()
        }
        if !batch.isEmpty { put(batch) }
        lock.lock(); done = true; lock.signal(); lock.unlock()
    }

    func put(_ b: [NoteRecord]) {
        lock.lock()
        while queue.count >= 2 { lock.wait() }
        queue.append(b)
        lock.signal()
        lock.unlock()
    }

    func take() -> [NoteRecord]? {
        lock.lock()
        defer { lock.unlock() }
        while queue.isEmpty && !done { lock.wait() }
        if queue.isEmpty { return nil }
        let b = queue.removeFirst()
        lock.signal()
        return b
    }
}

final class ReaderBox: @unchecked Sendable {
    var reader: any NoteReader
    init(reader: some NoteReader) { self.reader = reader }
}

final class ScannerPool: @unchecked Sendable {
    let scanners: [NoteScanner]
    init(engine: ScanEngine, count: Int) { scanners = (0..<count).map { _ in NoteScanner(engine: engine) } }
}

/// Per-batch result slots; each index is written by exactly one worker.
final class ResultSlots: @unchecked Sendable {
    var results: [NoteResult?]
    var rendered: [[UInt8]]
    init(count: Int) {
        results = Array(repeating: nil, count: count)
        rendered = Array(repeating: [], count: count)
    }
    func set(_ i: Int, _ r: NoteResult, _ b: [UInt8]) {
        results.withUnsafeMutableBufferPointer { $0[i] = r }
        rendered.withUnsafeMutableBufferPointer { $0[i] = b }
    }
    func get(_ i: Int) -> (NoteResult, [UInt8]) { (results[i]!, rendered[i]) }
}
