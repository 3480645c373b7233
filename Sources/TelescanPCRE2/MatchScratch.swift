import CPCRE2

/// Per-worker match state: match data, a match context with limits, and a JIT stack.
/// Not thread-safe: each thread owns one and reuses it for every match.
public final class MatchScratch {
    private(set) var matchData: OpaquePointer
    let context: OpaquePointer
    /// A second context, for patterns run with a start limit: its offset limit is set on each
    /// call and never needs resetting (the first context must have none: PCRE2 refuses a limit
    /// for patterns compiled without `useOffsetLimit`).
    let limitedContext: OpaquePointer
    let jitStack: OpaquePointer?
    private(set) var ovector: UnsafeMutablePointer<Int>
    private(set) var pairs: Int

    /// - Parameters:
    ///   - maxCaptures: the capture count to make room for (a pattern with more makes more room
    ///     on its first match).
    ///   - matchLimit: PCRE2's match limit, so no pattern can run away on hostile input.
    public init(maxCaptures: Int = 32, matchLimit: UInt32 = 2_000_000, depthLimit: UInt32 = 100_000) {
        pairs = maxCaptures + 1
        matchData = pcre2_match_data_create_8(UInt32(pairs), nil)!
        context = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        limitedContext = pcre2_match_context_copy_8(context)!
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack {
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
            pcre2_jit_stack_assign_8(limitedContext, nil, UnsafeMutableRawPointer(jitStack))
        }
        ovector = pcre2_get_ovector_pointer_8(matchData)
    }

    /// Room for `pairs` offset pairs (a pattern with more capture groups than the last).
    func reserve(pairs wanted: Int) {
        guard wanted > pairs else { return }
        pcre2_match_data_free_8(matchData)
        pairs = wanted
        matchData = pcre2_match_data_create_8(UInt32(pairs), nil)!
        ovector = pcre2_get_ovector_pointer_8(matchData)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        pcre2_match_context_free_8(limitedContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
