#if canImport(Glibc)
import Glibc
#endif
import TelescanCore

/// Buffered writes to a file descriptor with `write(2)`.
final class OutputStream: @unchecked Sendable {
    static let standardOutput = OutputStream(fd: 1)
    let fd: Int32
    var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        let failure = buffer.withUnsafeBytes { writeAll(fd, $0) }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw Failure("cannot write output: \(String(cString: strerror(failure)))") }
    }
}
