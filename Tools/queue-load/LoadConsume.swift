import ArgumentParser
import Foundation
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
        let latencies = state.latencies.sorted()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1e6 }
        FileHandle.standardError.write(Data(String(
            format: "consumed %d records in %.3f s: %d/s; latency ms p50 %.3f p99 %.3f max %.3f\n",
            state.handled, seconds, Int(Double(state.handled) / seconds), percentile(0.5), percentile(0.99), percentile(1)).utf8))
    }
}

/// What the handler saw, shared with the waiting loop.
final class ConsumeState: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var values: [Int64] = []

    var handled: Int { lock.withLock { count } }
    var latencies: [Int64] { lock.withLock { values } }

    func add(latency: Int64?) {
        lock.withLock {
            count += 1
            if let latency { values.append(latency) }
        }
    }
}
