import Logging
import ServiceKit
import ServiceLifecycle
import Synchronization
import Testing

/// The polling loop of the background services: a failing round does not end it, and a
/// graceful shutdown ends its pause at once.
@Suite struct RepeatUntilShutdownTests {
    final class Poller: Service, Sendable {
        let interval: Duration
        let rounds = Mutex(0)

        init(every interval: Duration) { self.interval = interval }

        func run() async throws {
            await repeatUntilShutdown(every: interval, logger: Logger(label: "test"), failure: "round failed") {
                let round = rounds.withLock { rounds in
                    rounds += 1
                    return rounds
                }
                if round == 1 { throw CancellationError() }
            }
        }
    }

    /// Runs `poller` in a service group until it has made `rounds` rounds (or a minute passed).
    func start(_ poller: Poller, untilRounds rounds: Int) async throws -> (group: ServiceGroup, task: Task<Void, any Error>) {
        let group = ServiceGroup(services: [poller], logger: Logger(label: "test"))
        let task = Task { try await group.run() }
        let deadline = ContinuousClock.now + .seconds(60)
        while poller.rounds.withLock({ $0 }) < rounds && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        return (group, task)
    }

    @Test func aFailedRoundIsFollowedByTheNext() async throws {
        let poller = Poller(every: .milliseconds(10))
        let (group, task) = try await start(poller, untilRounds: 3)
        await group.triggerGracefulShutdown()
        try await task.value
        #expect(poller.rounds.withLock { $0 } >= 3, "rounds go on after the first one failed")
    }

    /// With an hour between rounds, the group can only stop in time if shutdown ends the pause.
    @Test func shutdownEndsThePause() async throws {
        let poller = Poller(every: .seconds(3600))
        let (group, task) = try await start(poller, untilRounds: 1)
        let stopping = ContinuousClock.now
        await group.triggerGracefulShutdown()
        try await task.value
        #expect(ContinuousClock.now - stopping < .seconds(60))
        #expect(poller.rounds.withLock { $0 } == 1)
    }
}
