import Foundation

/// When a durable job is tried again after an attempt that asked for a retry: a list of
/// waits, then either a steady wait forever or the end (the job is dead). Every wait is
/// jittered, so that jobs that failed together do not retry in lockstep.
public struct RetrySchedule: Sendable, Equatable {
    /// The waits after attempt 1, 2, … in order.
    public var delays: [Duration]
    /// Once ``delays`` are used up: keep trying this often, or nil to give up (dead).
    public var thenEvery: Duration?
    /// The fraction of a wait that is random (0.2: ±20 %).
    public var jitter: Double

    public init(delays: [Duration], thenEvery: Duration? = nil, jitter: Double = 0.2) {
        self.delays = delays
        self.thenEvery = thenEvery
        self.jitter = min(max(jitter, 0), 1)
    }

    /// Waits from `first`, each `multiplier` times the last, up to `maximum`; then `maximum`
    /// forever, or until `attempts` attempts in all when given.
    public static func exponential(
        first: Duration, multiplier: Double = 2, maximum: Duration, attempts: Int? = nil, jitter: Double = 0.2
    ) -> Self {
        var delays: [Duration] = []
        var wait = first
        while wait < maximum && (attempts.map { delays.count < $0 - 1 } ?? true) {
            delays.append(wait)
            wait = min(wait * multiplier, maximum)
        }
        guard let attempts else { return Self(delays: delays, thenEvery: maximum, jitter: jitter) }
        while delays.count < attempts - 1 { delays.append(maximum) }
        return Self(delays: delays, thenEvery: nil, jitter: jitter)
    }

    /// The wait after failed attempt `attempt` (from 1), given a random `unit` in 0...1; nil
    /// when the schedule has run out.
    public func delay(afterAttempt attempt: Int, unit: Double) -> Duration? {
        let index = attempt - 1
        guard let base = index < delays.count ? delays[max(index, 0)] : thenEvery else { return nil }
        return base * (1 + jitter * (2 * min(max(unit, 0), 1) - 1))
    }
}
