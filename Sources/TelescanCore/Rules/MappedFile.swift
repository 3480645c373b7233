#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only into memory: the rule cache is read where the kernel's page cache
/// holds it, with no copy into the heap (reading the 7 MB file into `Data` and then an array was
/// a fifth of a warm start-up). Unmapped when released. Only for files replaced by a rename,
/// never truncated in place while mapped (the cache is written so): reading past a truncated
/// mapping's end faults. Immutable, so shared across threads (the automata read in place keep
/// it alive).
final class MappedFile: @unchecked Sendable {
    /// Valid only while this object lives: read through `withBytes`.
    private let bytes: UnsafeRawBufferPointer

    /// Nil when the file cannot be opened or mapped. An empty file maps to no bytes.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        // Populated at once: every page is read (the checksum), and one call that maps them all
        // costs less than a fault every sixteen pages.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// The file's bytes, mapped for the duration of `body`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(bytes) }
    }

    /// Drops the pages wholly before `offset` from memory (they are read again from the file if
    /// touched): the cache's rules, once decoded, while its automata stay in use.
    func discard(before offset: Int) {
        guard let base = bytes.baseAddress else { return }
        let length = min(offset, bytes.count) / Int(getpagesize()) * Int(getpagesize())
        if length > 0 { madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED) }
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
