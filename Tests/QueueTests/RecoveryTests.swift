import Foundation
@testable import Queue
import Testing

@Suite struct RecoveryTests {
    /// Publishes `count` records of `size` bytes and returns the segment path.
    func filledTopic(_ fixture: QueueFixture, count: Int = 10, size: Int = 40) async throws -> String {
        let topic = try fixture.queue.topic("intake")
        for number in 0..<count { _ = try await topic.publish(payload(number, size: size)) }
        return try #require(try fixture.segmentPaths("intake").last)
    }

    func reopen(_ fixture: QueueFixture) throws -> QueueTopic {
        try DurableQueue(directory: fixture.root, options: fixture.queue.options).topic("intake")
    }

    /// A torn last record, both as a crash leaves it in a preallocated segment (zeros after
    /// the cut) and in a file that ends at the cut.
    @Test(arguments: [true, false])
    func aTornLastRecordIsCutAtEveryBytePosition(preallocated: Bool) async throws {
        let fixture = try QueueFixture()
        let segment = try await filledTopic(fixture)
        let original = try Data(contentsOf: URL(fileURLWithPath: segment))
        let frame = RecordFrame.headerSize + 40
        let dataEnd = 10 * frame
        #expect(original.count == 256 << 10, "segments are preallocated")
        #expect(original[dataEnd...].allSatisfy { $0 == 0 })
        for cut in (dataEnd - frame)..<dataEnd {
            var torn = original.prefix(cut)
            if preallocated { torn.append(Data(count: original.count - cut)) }
            try torn.write(to: URL(fileURLWithPath: segment))
            let topic = try reopen(fixture)
            #expect(try topic.read(from: 0, maxCount: 100).count == 9, "cut at \(cut)")
            #expect(try await topic.publish(payload(99, size: 40)) == 9, "cut at \(cut)")
            #expect(try topic.read(from: 9, maxCount: 1).first?.payload == payload(99, size: 40))
            #expect(try topic.verify().isEmpty, "cut at \(cut)")
        }
    }

    /// What a crash can leave after the last record. Zeros are what preallocation leaves
    /// too, so they are the end of the data, not damage; other bytes are a torn tail.
    @Test(arguments: [
        ([UInt8](repeating: 0, count: 4096), false),
        (Array("garbage after a crash".utf8), true),
        ([0xFF, 0xFF, 0xFF, 0x7F] + [UInt8](repeating: 0, count: 30), true),
    ])
    func zeroPaddedOrGarbageTailsAreCut(_ tail: [UInt8], reportedAsTorn: Bool) async throws {
        let fixture = try QueueFixture()
        let segment = try await filledTopic(fixture)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
        try handle.seek(toOffset: UInt64(10 * (RecordFrame.headerSize + 40)))
        try handle.write(contentsOf: tail)
        try handle.close()
        let before = try reopen(fixture)
        #expect(try before.read(from: 0, maxCount: 100).count == 10)
        #expect(try before.verify().first?.reason.contains("torn tail") == (reportedAsTorn ? true : nil))
        #expect(try await before.publish(payload(10, size: 40)) == 10)
        #expect(try before.read(from: 0, maxCount: 100).map(\.offset) == Array(0..<11))
        #expect(try before.verify().isEmpty)
    }

    /// A zeroed block with valid records after it is damage: reported, never written over.
    @Test func aZeroedHeaderBeforeValidRecordsIsDamage() async throws {
        let fixture = try QueueFixture()
        let segment = try await filledTopic(fixture)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
        let frame = RecordFrame.headerSize + 40
        bytes.replaceSubrange((3 * frame)..<(4 * frame), with: Data(count: frame))
        try bytes.write(to: URL(fileURLWithPath: segment))

        let topic = try reopen(fixture)
        let problems = try topic.verify()
        #expect(problems.map(\.offset) == [3])
        #expect(problems.first?.position == Int64(3 * frame))
        await #expect(throws: QueueError.self) { try await topic.publish(payload(11)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: segment)) == bytes, "nothing was written over")
    }

    @Test func aFlippedByteMidSegmentStopsConsumptionAtItsOffset() async throws {
        let fixture = try QueueFixture()
        let segment = try await filledTopic(fixture)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
        let frame = RecordFrame.headerSize + 40
        bytes[4 * frame + RecordFrame.headerSize + 5] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: segment))

        let topic = try reopen(fixture)
        #expect(try topic.read(from: 0, maxCount: 4).count == 4)
        do {
            _ = try topic.read(from: 0, maxCount: 100)
            Issue.record("read past damage")
        } catch {
            #expect(error.code == .corruptRecord)
            #expect(error.message.contains(segment))
            #expect(error.message.contains("offset 4"))
            #expect(error.message.contains("byte \(4 * frame)"))
        }
        let problems = try topic.verify()
        #expect(problems.count == 1)
        #expect(problems.first?.offset == 4)
        #expect(problems.first?.position == Int64(4 * frame))
        #expect(problems.first?.file == segment)
        await #expect(throws: QueueError.self) { try await topic.publish(payload(11)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: segment)) == bytes, "nothing was thrown away")
    }

    @Test func aDamagedSealedSegmentIsReportedNotSkipped() async throws {
        let fixture = try QueueFixture(segmentSize: 512)
        let topic = try fixture.queue.topic("intake")
        for number in 0..<40 { _ = try await topic.publish(payload(number, size: 60)) }
        let segments = try fixture.segmentPaths("intake")
        #expect(segments.count > 3)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: segments[1]))
        try handle.truncate(atOffset: 100)
        try handle.close()
        #expect(throws: QueueError.self) { try topic.read(from: 0, maxCount: 1000) }
        #expect(try topic.verify().contains { $0.file == segments[1] })
    }
}
