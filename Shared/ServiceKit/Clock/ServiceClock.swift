public import Foundation
public import Models

/// Where a service and its parts read the time: injected everywhere (stores, jobs,
/// webhook verification, schedulers), so that tests set the time and run deadlines,
/// retries and reminders over simulated days without sleeping.
public protocol ServiceClock: Sendable {
    /// The current wall-clock time.
    func now() -> Date
}

extension ServiceClock {
    /// Today in the Netherlands, as the law's deadlines count.
    public func today() -> LocalDate { LocalDate(now()) }
}

/// The system's wall clock: what a running service uses.
public struct SystemClock: ServiceClock {
    public init() {}

    public func now() -> Date { Date() }
}
