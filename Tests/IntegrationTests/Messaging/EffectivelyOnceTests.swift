import Foundation
import GRDB
import TestSupport
import Testing

/// Outbox, queue, consumer loop and inbox together, with real processes killed at random:
/// every state change upstream has exactly one effect downstream.
@Suite struct EffectivelyOnceTests {
    let probe = Binaries.path("inburgering-plumbing-probe")
    static let changes = 1500

    func start(_ name: String, _ extra: [String: String], state: String, queue: String, in directory: String) throws -> ChildProcess {
        try ChildProcess(probe, [], environment: [
            "PROBE_NAME": name, "REGION": "test", "HTTP_PORT": "0", "STATE_DIR": state, "QUEUE_DIR": queue,
        ].merging(extra) { $1 }, in: directory)
    }

    /// One integer from a probe's database, opened read-only.
    func count(_ sql: String, in path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }

    @Test func everyChangeUpstreamHasExactlyOneEffectDownstreamThroughCrashes() async throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        let queue = directory.path + "/queue"
        let upstream = ["PROBE_PRODUCE": String(Self.changes)]
        let downstream = ["PROBE_CONSUME_FROM": "upstream"]
        var producer = try start("upstream", upstream, state: state, queue: queue, in: directory.path)
        var consumer = try start("downstream", downstream, state: state, queue: queue, in: directory.path)

        for round in 0..<10 {
            try await Task.sleep(for: .milliseconds(Int.random(in: 80...400)))
            if round % 3 != 1 {
                producer.signal(SIGKILL)
                _ = try await producer.waitForExit()
                producer = try start("upstream", upstream, state: state, queue: queue, in: directory.path)
            }
            if round % 3 != 0 {
                consumer.signal(SIGKILL)
                _ = try await consumer.waitForExit()
                consumer = try start("downstream", downstream, state: state, queue: queue, in: directory.path)
            }
        }

        let upstreamDatabase = state + "/upstream.sqlite"
        let downstreamDatabase = state + "/downstream.sqlite"
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if (try? count("SELECT COUNT(DISTINCT change) FROM probe_effect", in: downstreamDatabase)) == Self.changes { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try count("SELECT COUNT(*) FROM probe_change", in: upstreamDatabase) == Self.changes)
        #expect(try count("SELECT COUNT(DISTINCT change) FROM probe_effect", in: downstreamDatabase) == Self.changes, "every change had its effect")
        #expect(try count("SELECT COUNT(*) FROM probe_effect", in: downstreamDatabase) == Self.changes, "no change had two")
        #expect(try count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", in: upstreamDatabase) == 0)

        for process in [producer, consumer] {
            _ = try await process.waitForLogLine(containing: "listening on")
            process.signal(SIGTERM)
        }
        #expect(try await producer.waitForExit() == 0)
        #expect(try await consumer.waitForExit() == 0)
    }
}
