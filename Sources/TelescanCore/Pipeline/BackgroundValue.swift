import Foundation

/// A value computed on its own thread while the caller goes on; `value()` waits for it and
/// rethrows its error. Start-up uses it to load the payer profile and build the prefilter
/// while the rules load and compile.
public final class BackgroundValue<T, E: Error>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, E>?

    public init(_ work: @escaping @Sendable () throws(E) -> T) {
        let thread = Thread { [self] in
            do throws(E) { result = .success(try work()) } catch { result = .failure(error) }
            done.signal()
        }
        thread.start()
    }

    /// A value already at hand (no thread).
    public init(done value: T) {
        result = .success(value)
        done.signal()
    }

    public func value() throws(E) -> T {
        done.wait()
        done.signal()  // later calls return at once
        return try result!.get()
    }
}
