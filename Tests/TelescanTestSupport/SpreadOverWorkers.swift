import Foundation
import Synchronization

/// `body(state, i)` for every i in 0..<count, spread over `workers` threads, each with its own
/// state from `make` (matchers and scanners are per worker, as in a scan); the results come back
/// in index order. The suite's corpus-wide checks run on two cores this way.
public func spreadOverWorkers<State, Result: Sendable>(_ count: Int, workers: Int = 2, make: @Sendable () -> State,
                                                      _ body: @Sendable (inout State, Int) -> Result) -> [Result] {
    let results = Mutex<[Int: Result]>([:])
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        var state = make()
        var mine: [Int: Result] = [:]
        for i in stride(from: w, to: count, by: workers) { mine[i] = body(&state, i) }
        results.withLock { all in all.merge(mine) { a, _ in a } }
    }
    let all = results.withLock { $0 }
    return (0..<count).map { all[$0]! }
}
