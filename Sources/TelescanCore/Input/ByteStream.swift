#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor with `read(2)` in large chunks and hands out lines or raw bytes,
/// so a 10 GB input never sits in memory at once.
public final class ByteStream {
    let fd: Int32
    let ownsFD: Bool
    var buffer: [UInt8]
    var start = 0
    var end = 0
    var eof = false
    public private(set) var bytesRead = 0

    public init(fd: Int32, ownsFD: Bool = false, chunkSize: Int = 1 << 20) {
        self.fd = fd
        self.ownsFD = ownsFD
        buffer = [UInt8](uninitializedCount: chunkSize)
    }

    /// Opens a file; throws an `InputError` naming it.
    public convenience init(path: String) throws {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw InputError(message: "cannot open \(path): \(String(cString: strerror(errno)))") }
        self.init(fd: fd, ownsFD: true)
    }

    deinit { if ownsFD { close(fd) } }

    /// Fills the buffer; returns false at end of input.
    func fill() throws -> Bool {
        if eof { return false }
        if start > 0 {
            if start < end { buffer.withUnsafeMutableBufferPointer { b in
                _ = memmove(b.baseAddress!, b.baseAddress! + start, end - start)
            } }
            end -= start
            start = 0
        }
        if end == buffer.count {
            var grown = [UInt8](uninitializedCount: 2 * buffer.count)
            grown.withUnsafeMutableBufferPointer { to in buffer.withUnsafeBufferPointer { from in
                to.baseAddress!.update(from: from.baseAddress!, count: end)
            } }
            buffer = grown
        }
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + end, b.count - end) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(message: "read error: \(String(cString: strerror(errno)))")
            }
            if n == 0 { eof = true; return false }
            end += n
            bytesRead += n
            return true
        }
    }

    /// The next line without its `\n` (and without a final `\r`), or nil at end of input.
    public func nextLine() throws -> ArraySlice<UInt8>? {
        var scanFrom = start
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                guard scanFrom < end else { return nil }
                guard let p = memchr(b.baseAddress! + scanFrom, 10, end - scanFrom) else { return nil }
                return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            if let nl = found {
                var lineEnd = nl
                if lineEnd > start, buffer[lineEnd - 1] == 13 { lineEnd -= 1 }
                let line = buffer[start..<lineEnd]
                start = nl + 1
                return line
            }
            scanFrom = end - start
            if try !fill() {
                if start < end {
                    var lineEnd = end
                    if buffer[lineEnd - 1] == 13 { lineEnd -= 1 }
                    let line = buffer[start..<lineEnd]
                    start = end
                    return line
                }
                return nil
            }
            scanFrom += start
        }
    }

    /// The rest of the input (for a single text note).
    public func readAll(limit: Int = Int.max) throws -> [UInt8] {
        while try fill() { if end - start > limit { break } }
        let out = Array(buffer[start..<end])
        start = end
        return out
    }

    /// Peeks at the first line (without its line feed) without consuming it, reading until a
    /// line feed, the end of input or `limit` bytes (for format sniffing).
    public func peekLine(limit: Int) throws -> ArraySlice<UInt8> {
        var scanned = 0
        while true {
            if let nl = buffer[(start + scanned)..<end].firstIndex(of: 10) { return buffer[start..<nl] }
            scanned = end - start
            if scanned >= limit { return buffer[start..<end] }
            if try !fill() { return buffer[start..<end] }
        }
    }

    /// Peeks at the first bytes without consuming them (for format sniffing).
    public func peek(_ n: Int) throws -> ArraySlice<UInt8> {
        while end - start < n, try fill() {}
        return buffer[start..<min(end, start + n)]
    }
}

/// An error that ends the run: an input that cannot be opened or read.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension Array where Element == UInt8 {
    /// `count` bytes that are not set to anything: for read buffers, whose bytes are read only
    /// after `read(2)` wrote them. Zeroing a 1 MB buffer touched 256 pages for a five-byte note
    /// (a tenth of a one-note start-up's page faults, and per file when a folder is scanned).
    init(uninitializedCount count: Int) {
        self.init(unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
