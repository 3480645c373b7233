import Foundation

/// Runs the pipeline over a stream of records: a reader thread fills batches while worker
/// threads scan the current one; results are written in input order. Memory is bounded by two
/// batches in flight, whatever the input size.
public struct ScanRunner {
    public var jobs: Int
    /// Notes per batch (two groups of `NoteScanner.groupSize`, so both cores of a small machine
    /// get some), and a byte budget that closes a batch early.
    public var batchNotes = 2 * NoteScanner.groupSize
    public var batchBytes = 8 << 20
    /// Notes a worker takes at a time (`NoteScanner.groupSize`). Tests set small batches and
    /// groups so that a short input still has several groups in flight at once.
    public var groupNotes = NoteScanner.groupSize

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
            let base = index
            // Notes go to the scanners in groups (see `NoteScanner.groupSize`); with several
            // threads GCD hands each group to whichever thread is free, so a few long notes do not
            // leave the other cores idle. Each iteration borrows a scanner.
            let size = max(1, groupNotes)
            let groups = (n + size - 1) / size
            @Sendable func scanGroup(_ g: Int) {
                let scanner = scanners.take()
                let lo = g * size, hi = min(n, lo + size)
                for (i, r) in zip(lo..<hi, scanner.scan(batch[lo..<hi])) {
                    out.set(i, r, printer.render(r, index: base + i))
                }
                scanners.give(scanner)
            }
            if jobs == 1 {
                for g in 0..<groups { scanGroup(g) }
            } else {
                DispatchQueue.concurrentPerform(iterations: groups) { g in scanGroup(g) }
            }
            // A rule that did not compile on first use: nothing from this batch is written.
            if let error = scanners.ruleDataError() { throw error }
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

/// Scanners (each with its own PCRE2 match state) lent to whichever thread scans a note.
final class ScannerPool: @unchecked Sendable {
    let engine: ScanEngine
    let lock = NSLock()
    var free: [NoteScanner]
    init(engine: ScanEngine, count: Int) {
        self.engine = engine
        free = (0..<count).map { _ in NoteScanner(engine: engine) }
    }
    func take() -> NoteScanner {
        lock.lock(); defer { lock.unlock() }
        return free.popLast() ?? NoteScanner(engine: engine)
    }
    func give(_ s: NoteScanner) {
        lock.lock(); free.append(s); lock.unlock()
    }
    /// Between batches, when every scanner is back.
    func ruleDataError() -> RuleLoadError? {
        lock.lock(); defer { lock.unlock() }
        return free.lazy.compactMap(\.ruleDataError).first
    }
}

/// Per-batch result slots; each index is written by exactly one worker. Raw buffers, so that
/// workers writing different slots never touch shared array state.
final class ResultSlots: @unchecked Sendable {
    let results: UnsafeMutableBufferPointer<NoteResult?>
    let rendered: UnsafeMutableBufferPointer<[UInt8]>
    init(count: Int) {
        results = .allocate(capacity: count)
        results.initialize(repeating: nil)
        rendered = .allocate(capacity: count)
        rendered.initialize(repeating: [])
    }
    deinit {
        results.deinitialize().deallocate()
        rendered.deinitialize().deallocate()
    }
    func set(_ i: Int, _ r: NoteResult, _ b: [UInt8]) {
        results[i] = r
        rendered[i] = b
    }
    func get(_ i: Int) -> (NoteResult, [UInt8]) { (results[i]!, rendered[i]) }
}
