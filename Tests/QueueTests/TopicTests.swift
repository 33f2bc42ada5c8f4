import Foundation
@testable import Queue
import Testing

@Suite struct TopicTests {
    @Test func recordsComeBackInOrderWithTheirOffsets() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        for number in 0..<20 { #expect(try await topic.publish(payload(number)) == UInt64(number)) }
        let records = try topic.read(from: 0, maxCount: 100)
        #expect(records.map(\.offset) == Array(0..<20))
        #expect(records.map(\.payload) == (0..<20).map { payload($0) })
        #expect(try topic.read(from: 15, maxCount: 3).map(\.offset) == [15, 16, 17])
        #expect(try topic.read(from: 20, maxCount: 3).isEmpty)
    }

    @Test func concurrentPublishesGetDistinctConsecutiveOffsets() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("pip")
        let offsets = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for number in 0..<200 { group.addTask { try await topic.publish(payload(number)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(offsets) == Set(0..<200))
        let records = try topic.read(from: 0, maxCount: 500)
        #expect(records.count == 200)
        for record in records {
            let number = Int(String(decoding: record.payload, as: UTF8.self).split(separator: "-")[1])!
            #expect(offsets.firstIndex(of: record.offset) != nil && payload(number) == record.payload)
        }
    }

    /// Group commit: while the writer thread writes (here held up by another process's
    /// write lock), the publishes that arrive wait, and are then written together.
    @Test func publishesThatWaitForAWriteAreWrittenTogether() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("notifier")
        _ = try await topic.publish(payload(0))
        let otherProcess = try FileIO.open(fixture.root + "/notifier/.lock", O_RDWR)
        defer { close(otherProcess) }
        #expect(flock(otherProcess, LOCK_EX) == 0)
        let publishes = Task {
            try await withThrowingTaskGroup(of: UInt64.self) { group in
                for number in 1...50 { group.addTask { try await topic.publish(payload(number)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await waitUntil {
            let now = topic.publishesInProgress
            return now.waiting + now.writing == 50
        }
        let syncsBefore = topic.appendSyncs
        flock(otherProcess, LOCK_UN)
        let offsets = try await publishes.value
        #expect(Set(offsets) == Set(1...50))
        #expect(topic.appendSyncs - syncsBefore <= 2, "the batch the writer held, then one for all that waited")
    }

    @Test func aBatchIsOneRangeOfOffsets() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("enrolment")
        _ = try await topic.publish(payload(0))
        let range = try await topic.publish(batch: (1...32).map { payload($0) })
        #expect(range == 1..<33)
        #expect(try topic.read(from: 0, maxCount: 100).count == 33)
    }

    @Test func segmentsRollAndReadsCrossThem() async throws {
        let fixture = try QueueFixture(segmentSize: 1024)
        let topic = try fixture.queue.topic("notifier")
        for number in 0..<100 { _ = try await topic.publish(payload(number, size: 100)) }
        #expect(try fixture.segmentPaths("notifier").count > 5)
        #expect(try topic.read(from: 0, maxCount: 1000).map(\.offset) == Array(0..<100))
        #expect(try topic.read(from: 57, maxCount: 2).map(\.offset) == [57, 58])
        #expect(try topic.verify().isEmpty)
        let status = try topic.status()
        #expect(status.nextOffset == 100)
        #expect(status.recordCount == 100)
        #expect(status.segmentCount == (try fixture.segmentPaths("notifier").count))
    }

    @Test func reopeningContinuesWhereTheLogEnds() async throws {
        let fixture = try QueueFixture(segmentSize: 2048)
        do {
            let topic = try fixture.queue.topic("intake")
            for number in 0..<50 { _ = try await topic.publish(payload(number, size: 90)) }
        }
        let reopened = try DurableQueue(directory: fixture.root, options: fixture.queue.options).topic("intake")
        #expect(try await reopened.publish(payload(50)) == 50)
        #expect(try reopened.read(from: 0, maxCount: 100).count == 51)
    }

    @Test func twoWritersInOneProcessShareTheLogSafely() async throws {
        let fixture = try QueueFixture(segmentSize: 4096)
        let first = try fixture.queue.topic("shared")
        let second = try DurableQueue(directory: fixture.root, options: fixture.queue.options).topic("shared")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { for number in 0..<100 { _ = try await first.publish(payload(number, size: 80)) } }
            group.addTask { for number in 100..<200 { _ = try await second.publish(payload(number, size: 80)) } }
            try await group.waitForAll()
        }
        let records = try first.read(from: 0, maxCount: 1000)
        #expect(records.map(\.offset) == Array(0..<200))
        #expect(Set(records.map(\.payload)) == Set((0..<200).map { payload($0, size: 80) }))
        #expect(try first.verify().isEmpty)
    }

    @Test func filesArePrivate() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        _ = try await topic.publish(payload(1))
        let segment = try #require(try fixture.segmentPaths("intake").first)
        #expect(try FileManager.default.attributesOfItem(atPath: segment)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.root + "/intake")[.posixPermissions] as? Int == 0o700)
    }

    @Test func aRecordOverTheLimitIsRefused() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        await #expect(throws: QueueError.self) { try await topic.publish([UInt8](repeating: 1, count: RecordFrame.maxPayloadSize + 1)) }
        #expect(try await topic.publish(payload(0)) == 0)
    }
}
