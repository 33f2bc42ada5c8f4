import ArgumentParser
import Foundation
import Queue

/// Publishes numbered records; with --acks prints `<number> <offset>` once each is durable.
struct LoadPublish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Publish numbered records.")

    @Option var queueDir: String
    @Option var topic: String
    @Option var count: Int
    @Option(help: "Payload size in bytes.") var size = 1024
    @Option(help: "The first record's number.") var start = 0
    @Option(help: "Records per publish call.") var batch = 1
    @Option(help: "Concurrent publishing tasks in this process.") var concurrency = 1
    @Flag(help: "Print '<number> <offset>' after each durable publish.") var acks = false
    @Option(help: "Limit the size of files this process may write (RLIMIT_FSIZE), to provoke a full disk.") var fileSizeLimit: Int?
    @Flag(help: "After the first write error, lift the file size limit again and go on.") var liftAfterError = false
    @Option(help: "Wait with the first publish until this CLOCK_MONOTONIC time (nanoseconds), so that several processes start together.")
    var startAt: Int64?

    func run() async throws {
        if let fileSizeLimit { Self.limitFileSize(to: rlim_t(fileSizeLimit)) }
        let topic = try DurableQueue(directory: queueDir).topic(topic)
        // A process that only publishes runs its loop on the topic's writer thread.
        let executor = try topic.publishingExecutor()
        if let startAt, startAt > LoadRecord.monotonicNanoseconds() {
            try await Task.sleep(for: .nanoseconds(startAt - LoadRecord.monotonicNanoseconds()))
        }
        let firstPublish = LoadRecord.monotonicNanoseconds()
        let started = ContinuousClock.now
        let perTask = (count + concurrency - 1) / concurrency
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<concurrency {
                let first = start + task * perTask
                let end = min(start + count, first + perTask)
                group.addTask(executorPreference: executor) { try await publish(topic, numbers: first..<end) }
            }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - started).seconds
        let lastAcknowledged = LoadRecord.monotonicNanoseconds()
        FileHandle.standardError.write(Data("""
            published \(count) records of \(size) B in \(String(format: "%.3f", seconds)) s: \(Int(Double(count) / seconds))/s
            window \(firstPublish) \(lastAcknowledged)

            """.utf8))
    }

    private func publish(_ topic: QueueTopic, numbers: Range<Int>) async throws {
        var next = numbers.lowerBound
        var lifted = false
        while next < numbers.upperBound {
            let chunk = next..<min(numbers.upperBound, next + batch)
            do {
                let offsets = try await topic.publish(batch: chunk.map { LoadRecord.make(number: $0, size: size) })
                if acks { emit(zip(chunk, offsets).map { "\($0) \($1)" }.joined(separator: "\n")) }
                next = chunk.upperBound
            } catch {
                emit("error \(error.code)")
                guard liftAfterError, !lifted else { throw error }
                Self.limitFileSize(to: rlim_t.max)
                lifted = true
            }
        }
    }

    private static func limitFileSize(to bytes: rlim_t) {
        signal(SIGXFSZ, SIG_IGN)
        var limit = rlimit()
        getrlimit(RLIMIT_FSIZE_VALUE, &limit)
        limit.rlim_cur = min(bytes, limit.rlim_max)
        setrlimit(RLIMIT_FSIZE_VALUE, &limit)
    }
}

#if canImport(Glibc)
import Glibc
let RLIMIT_FSIZE_VALUE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#endif

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
