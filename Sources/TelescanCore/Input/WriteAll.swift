#if canImport(Glibc)
import Glibc
#endif

/// `write(2)` until every byte is written, retrying on EINTR: 0, or the errno of the failure.
/// The CLI's output stream and the rule cache's file both write this way.
public func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var done = 0
    while done < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        done += n
    }
    return 0
}
