import Dispatch

/// `map` over all cores, results in input order: start-up work (parsing rule files, compiling
/// patterns) is independent per item, and the two cores of a small machine halve it.
enum ParallelMap {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let out = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        out.initialize(repeating: nil)
        defer { out.deinitialize().deallocate() }
        withoutActuallyEscaping(transform) { transform in
            let box = Box(items: items, transform: transform, out: out)
            DispatchQueue.concurrentPerform(iterations: items.count) { i in box.run(i) }
        }
        return out.map { $0! }
    }

    /// Each index is written by exactly one iteration, so the slots need no lock.
    private final class Box<T, R>: @unchecked Sendable {
        let items: [T]
        let transform: (T) -> R
        let out: UnsafeMutableBufferPointer<R?>
        init(items: [T], transform: @escaping (T) -> R, out: UnsafeMutableBufferPointer<R?>) {
            self.items = items
            self.transform = transform
            self.out = out
        }
        func run(_ i: Int) { out[i] = transform(items[i]) }
    }
}
