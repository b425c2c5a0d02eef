import Foundation

/// The helper is synchronous (one request in, one answer out); AsyncHTTPClient is async. These bridge
/// the two.
enum Blocking {
    /// Runs `body` on the concurrency pool and blocks this thread until it has finished.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// A failed request as a short phrase: "timed out", "cannot connect", or the error's own words.
    static func phrase(for error: Error) -> String {
        let text = "\(error)", lower = text.lowercased()
        if lower.contains("timeout") || lower.contains("timed out") || lower.contains("deadline") { return "timed out" }
        if lower.contains("connectionrefused") || lower.contains("refused") { return "cannot connect" }
        return String(text.prefix(200))
    }

    private final class Box<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: T?
        var value: T? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
}
