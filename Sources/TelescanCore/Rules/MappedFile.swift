#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only into memory: the rule cache is read where the kernel's page cache
/// holds it, with no copy into the heap (reading the 7 MB file into `Data` and then an array was
/// a fifth of a warm start-up). Unmapped and closed when released. Only for files replaced by a
/// rename, never truncated in place while mapped (the cache is written so): reading past a
/// truncated mapping's end faults. Immutable, so shared across threads (the automata read in
/// place keep it alive).
final class MappedFile: @unchecked Sendable {
    /// Valid only while this object lives: read through `withBytes`.
    private let bytes: UnsafeRawBufferPointer
    /// Kept open for `read(at:count:)`: the same file as mapped, even once a rename replaces it.
    private let fd: Int32
    /// The file's size (the mapping may hold only its start).
    let size: Int
    /// Whether the file belongs to the running user and no one else may write it.
    let isPrivate: Bool

    /// Nil when the file cannot be opened or mapped. An empty file maps to no bytes.
    /// - Parameter mappedLength: how much of the file to map, given its first `headerCount`
    ///   bytes (nil: the file is not of the expected kind); the rest is read with `read(at:count:)`.
    init?(path: String, headerCount: Int = 0, mappedLength: ([UInt8]) -> Int? = { _ in .max }) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
              let header = Self.read(fd, at: 0, count: min(headerCount, Int(st.st_size)), size: Int(st.st_size)),
              let wanted = mappedLength(header) else { close(fd); return nil }
        let length = min(max(0, wanted), Int(st.st_size))
        var base: UnsafeMutableRawPointer? = nil
        if length > 0 {
            // Populated at once: every page is read (the checksum), and one call that maps them
            // all costs less than a fault every sixteen pages.
            base = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
            guard base != MAP_FAILED else { close(fd); return nil }
        }
        self.fd = fd
        self.size = Int(st.st_size)
        isPrivate = st.st_uid == geteuid() && st.st_mode & (S_IWGRP | S_IWOTH) == 0
        bytes = UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : length)
    }

    /// `count` bytes of the file from `offset`, read (not through the mapping, so they take no
    /// resident memory once copied out); nil when they cannot be.
    func read(at offset: Int, count: Int) -> [UInt8]? { Self.read(fd, at: offset, count: count, size: size) }

    private static func read(_ fd: Int32, at offset: Int, count: Int, size: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= size - count else { return nil }
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { buf, done in
            var got = 0
            while got < count {
                let n = pread(fd, buf.baseAddress! + got, count - got, off_t(offset + got))
                if n <= 0 { failed = true; break }
                got += n
            }
            done = failed ? 0 : count
        }
        return failed ? nil : out
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
        close(fd)
    }
}
