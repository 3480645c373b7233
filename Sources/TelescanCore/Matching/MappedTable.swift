/// A table of fixed-width integers: an array, or the bytes of a mapped file read where they
/// lie. The rule cache's literal automata (4 MB of transitions) are read in place: copying
/// them into the heap on every start-up faulted in a thousand fresh pages, a tenth of a one-note
/// scan's time. A write turns a mapped table into an array of its own first.
struct MappedTable<T: FixedWidthInteger>: Equatable, ExpressibleByArrayLiteral, @unchecked Sendable {
    private var array: [T]
    private var mapped: UnsafeBufferPointer<T>?
    /// Keeps the mapping alive while the table is in use (immutable: safe to share).
    private var owner: AnyObject?

    init(_ array: [T]) {
        self.array = array
    }

    init(arrayLiteral elements: T...) {
        array = elements
    }

    /// A table read in place; `owner` keeps `bytes` mapped while the table lives.
    init(mapped bytes: UnsafeBufferPointer<T>, owner: AnyObject) {
        array = []
        mapped = bytes
        self.owner = owner
    }

    var count: Int { mapped?.count ?? array.count }
    /// Whether the table is read in place (not copied).
    var isMapped: Bool { mapped != nil }
    var isEmpty: Bool { count == 0 }

    subscript(i: Int) -> T {
        get { mapped.map { $0[i] } ?? array[i] }
        set {
            if let m = mapped {
                array = Array(m)
                mapped = nil
                owner = nil
            }
            array[i] = newValue
        }
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        if let mapped { return try body(mapped) }
        return try array.withUnsafeBufferPointer(body)
    }

    static func == (a: MappedTable, b: MappedTable) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
    }
}
