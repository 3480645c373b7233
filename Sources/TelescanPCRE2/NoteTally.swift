import Synchronization

/// How many notes a scan has given its patterns so far, over every worker. Shared by the
/// patterns of one rule set: a pattern that runs in only a small share of those notes stays
/// with PCRE2's interpreter (see `CompiledPattern.rareShareDivisor`), so the JIT code of rarely
/// woken rules does not fill memory on a long scan.
public final class NoteTally: Sendable {
    let notes = Atomic<Int>(0)

    public init() {}

    /// Counts `count` more notes (the rule matcher counts each note as it prefilters it).
    public func add(_ count: Int) { notes.add(count, ordering: .relaxed) }

    public var count: Int { notes.load(ordering: .relaxed) }
}
