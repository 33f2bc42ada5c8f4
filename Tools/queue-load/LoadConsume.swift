import ArgumentParser
import Foundation
import Histogram
import Queue

/// Consumes records as a group; prints `<offset> <number>` after each is handled, and at
/// the end the throughput and the publish→handle latency percentiles.
struct LoadConsume: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "consume", abstract: "Consume records as a group.")

    @Option var queueDir: String
    @Option var topic: String
    @Option var group: String
    @Option(help: "Stop after this many records.") var count: Int
    @Flag(help: "Print '<offset> <number>' after each handled record.") var print = false
    @Option(help: "Milliseconds each handler call takes.") var handlerMilliseconds = 0
    @Option(help: "Records per batch (the cursor is committed per batch).") var batchSize = 256

    func run() async throws {
        let topic = try DurableQueue(directory: queueDir).topic(topic)
        let state = ConsumeState()
        let started = ContinuousClock.now
        let task = Task {
            try await topic.consume(group: group, options: ConsumerOptions(batchSize: batchSize, pollInterval: .milliseconds(500))) { record in
                if handlerMilliseconds > 0 { try await Task.sleep(for: .milliseconds(handlerMilliseconds)) }
                let parsed = LoadRecord.parse(record.payload)
                if print { emit("\(record.offset) \(parsed?.number ?? -1)") }
                state.add(latency: parsed.map { LoadRecord.monotonicNanoseconds() - $0.sentNanoseconds })
            }
        }
        while state.handled < count {
            try await Task.sleep(for: .milliseconds(2))
            if task.isCancelled { break }
        }
        task.cancel()
        _ = await task.result
        let seconds = (ContinuousClock.now - started).seconds
        let latency = state.latency
        func milliseconds(_ percentile: Double) -> Double { Double(latency.valueAtPercentile(percentile)) / 1000 }
        FileHandle.standardError.write(Data(String(
            format: "consumed %d records in %.3f s: %d/s; latency ms p50 %.3f p99 %.3f max %.3f\n",
            state.handled, seconds, Int(Double(state.handled) / seconds), milliseconds(50), milliseconds(99), Double(latency.max) / 1000).utf8))
    }
}

/// What the handler saw, shared with the waiting loop: a count and an HdrHistogram of
/// publish→handle latencies in microseconds.
final class ConsumeState: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)

    var handled: Int { lock.withLock { count } }
    var latency: Histogram<UInt64> { lock.withLock { histogram } }

    func add(latency nanoseconds: Int64?) {
        lock.withLock {
            count += 1
            if let nanoseconds { _ = histogram.record(UInt64(max(0, nanoseconds / 1000))) }
        }
    }
}
