import Foundation
import PropertyBased
@testable import Queue
import Testing

/// Compares the queue with a plain in-memory model over random sequences of operations.
@Suite struct QueueModelPropertyTests {
    enum Operation: Sendable, CustomStringConvertible {
        case publish(size: Int)
        case publishBatch(count: Int)
        case consume(group: Int, count: Int)
        case crash(tailBytes: Int)
        case reopen

        var description: String {
            switch self {
            case .publish(let size): "publish(\(size))"
            case .publishBatch(let count): "batch(\(count))"
            case .consume(let group, let count): "consume(g\(group), \(count))"
            case .crash(let bytes): "crash(+\(bytes) torn bytes)"
            case .reopen: "reopen"
            }
        }
    }

    static let operation = Gen.oneOf(
        Gen.int(in: 0...300).map { Operation.publish(size: $0) },
        Gen.int(in: 1...10).map { Operation.publishBatch(count: $0) },
        Gen.int(in: 0...15).map { Operation.consume(group: $0 % 2, count: 1 + $0 / 2) },
        Gen.int(in: 1...60).map { Operation.crash(tailBytes: $0) },
        Gen.always(Operation.reopen)
    )

    @Test func theQueueBehavesLikeAnInMemoryLog() async throws {
        await propertyCheck(count: 40, input: Self.operation.array(of: 1...40)) { operations in
            do {
                try await run(operations)
            } catch {
                Issue.record("\(operations): \(error)")
            }
        }
    }

    func run(_ operations: [Operation]) async throws {
        let fixture = try QueueFixture(segmentSize: 700)
        var topic = try fixture.queue.topic("model")
        var model: [[UInt8]] = []
        var cursors = [0, 0]
        var counter = 0
        func next(size: Int) -> [UInt8] {
            counter += 1
            return Array("\(counter):".utf8) + [UInt8](repeating: UInt8(counter % 256), count: size)
        }
        for operation in operations {
            switch operation {
            case .publish(let size):
                let record = next(size: size)
                #expect(try await topic.publish(record) == UInt64(model.count))
                model.append(record)
            case .publishBatch(let count):
                let records = (0..<count).map { _ in next(size: 20) }
                #expect(try await topic.publish(batch: records) == UInt64(model.count)..<UInt64(model.count + count))
                model += records
            case .consume(let group, let count):
                let expected = Array(model[cursors[group]..<min(model.count, cursors[group] + count)])
                let collected = Collected()
                if !expected.isEmpty {
                    try await consumeUntil(topic, group: "g\(group)", options: ConsumerOptions(batchSize: count, pollInterval: .milliseconds(10)),
                                           done: { collected.count >= expected.count }) { collected.append($0) }
                }
                let handled = collected.all.prefix(expected.count)
                #expect(handled.map(\.payload) == expected)
                #expect(handled.map(\.offset) == Array(UInt64(cursors[group])..<UInt64(cursors[group] + expected.count)))
                cursors[group] += collected.count
                cursors[group] = min(cursors[group], model.count)
            case .crash(let bytes):
                // A power loss: garbage may follow the preallocated end, and the machine reboots.
                guard let segment = try fixture.segmentPaths("model").last else { continue }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
                try handle.seekToEnd()
                try handle.write(contentsOf: (0..<bytes).map { UInt8(truncatingIfNeeded: $0 &* 37) })
                try handle.close()
                try fixture.reboot("model")
                topic = try DurableQueue(directory: fixture.root, options: fixture.queue.options).topic("model")
            case .reopen:
                topic = try DurableQueue(directory: fixture.root, options: fixture.queue.options).topic("model")
            }
            #expect(try topic.read(from: 0, maxCount: 10_000).map(\.payload) == model)
        }
        _ = try await topic.publish(next(size: 1))
        #expect(try topic.verify().isEmpty)
    }
}
