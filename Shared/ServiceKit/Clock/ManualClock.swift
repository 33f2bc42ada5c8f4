public import Foundation
import Synchronization

/// A clock that stands still until it is moved: for tests and simulations that run
/// deadlines, retries and reminders over days in milliseconds.
public final class ManualClock: ServiceClock {
    private let current: Mutex<Date>

    /// A clock showing `start`.
    public init(_ start: Date) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// Moves the clock forward by whole days.
    public func advance(days: Int) {
        advance(by: Double(days) * 86_400)
    }

    /// Sets the clock to `date`.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
