/// How a consumer retries a handler that throws: exponential backoff with jitter, up to
/// `maxAttempts` attempts in all, after which the record is dead-lettered.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included; at least 1.
    public var maxAttempts: Int
    /// The wait before the second attempt.
    public var initialBackoff: Duration
    /// The longest wait between two attempts.
    public var maxBackoff: Duration
    /// Each wait is the previous one times this.
    public var multiplier: Double
    /// The fraction of a wait that is randomised (0.2: ±20 %), so that many consumers
    /// failing together do not retry in lockstep.
    public var jitter: Double

    public init(maxAttempts: Int = 5, initialBackoff: Duration = .milliseconds(200), maxBackoff: Duration = .seconds(30),
                multiplier: Double = 2, jitter: Double = 0.2) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = multiplier
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The wait after failed attempt number `attempt` (1-based), given a random `unit` in 0...1.
    public func backoff(afterAttempt attempt: Int, unit: Double) -> Duration {
        let exponent = Double(max(0, attempt - 1))
        let base = min(initialBackoff.seconds * pow(multiplier, exponent), maxBackoff.seconds)
        let factor = 1 + jitter * (2 * unit - 1)
        return .milliseconds(Int64((min(base * factor, maxBackoff.seconds) * 1000).rounded()))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

import Foundation
