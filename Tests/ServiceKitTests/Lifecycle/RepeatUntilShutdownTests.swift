import Logging
import ServiceKit
import ServiceLifecycle
import Synchronization
import Testing

/// The polling loop of the background services: a failing round does not end it, and a
/// graceful shutdown ends its pause at once.
@Suite struct RepeatUntilShutdownTests {
    final class Poller: Service, Sendable {
        let rounds = Mutex(0)

        func run() async throws {
            await repeatUntilShutdown(every: .milliseconds(10), logger: Logger(label: "test"), failure: "round failed") {
                let round = rounds.withLock { rounds in
                    rounds += 1
                    return rounds
                }
                if round == 1 { throw CancellationError() }
            }
        }
    }

    @Test func aFailedRoundIsFollowedByTheNextAndShutdownEndsThePause() async throws {
        let poller = Poller()
        let group = ServiceGroup(services: [poller], logger: Logger(label: "test"))
        let task = Task { try await group.run() }
        let deadline = ContinuousClock.now + .seconds(5)
        while poller.rounds.withLock({ $0 }) < 3 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        let stopping = ContinuousClock.now
        await group.triggerGracefulShutdown()
        try await task.value
        #expect(poller.rounds.withLock { $0 } >= 3, "rounds go on after the first one failed")
        #expect(ContinuousClock.now - stopping < .seconds(5))
    }
}
