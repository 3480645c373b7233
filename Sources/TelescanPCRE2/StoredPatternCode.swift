/// A pattern's code as an earlier run compiled it (`CompiledPattern.serialized()`), read on
/// first use instead of compiling the pattern's source. `bytes()` returns nil, or bytes PCRE2
/// refuses, to fall back to compiling; it must return only bytes it wrote for this pattern
/// (PCRE2 runs serialised code unchecked), so a store checks them, for example by a hash.
public struct StoredPatternCode: Sendable {
    public let store: any PatternCodeStore
    public let index: Int

    public init(store: any PatternCodeStore, index: Int) {
        self.store = store
        self.index = index
    }

    func bytes() -> [UInt8]? { store.patternCode(index) }
}

/// Serialised pattern codes by index (the rule cache's, one per rule).
public protocol PatternCodeStore: AnyObject, Sendable {
    func patternCode(_ index: Int) -> [UInt8]?
}
