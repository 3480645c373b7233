import Glibc

/// Two glibc malloc settings Swift's Glibc module does not export, looked up at run time (so
/// another C library simply skips them).
///
/// glibc raises its mmap threshold each time a large block is freed (up to 32 MB) and its trim
/// threshold to twice that, so after the rule cache's 20 MB of buffers are freed, later frees
/// never return the top of a thread's heap to the system: the first run after a rule change
/// kept about 16 MB more resident through the whole scan (104.5 against 88.5 MB on bench-20
/// at `-j 1`; 90.1 MB with this and the cache read back after it is written). A fixed threshold keeps glibc's defaults for the rest; the scan's speed and a warm
/// run's peak are unchanged.
public enum HeapTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let M_MMAP_THRESHOLD: Int32 = -3  // <malloc.h>

    /// Blocks of 1 MB or more are mapped on their own, and given back when freed.
    public static func fixMmapThreshold() {
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(f, to: Mallopt.self)(M_MMAP_THRESHOLD, 1 << 20)
    }

    /// Returns the heap's free pages to the system (`malloc_trim(0)`).
    static func releaseFreePages() {
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(f, to: Trim.self)(0)
    }
}
