import Foundation
@testable import Queue
import Testing

@Suite struct RetentionTests {
    final class Now: @unchecked Sendable {
        var date = Date()
    }

    @Test func onlySegmentsEveryGroupPassedAndOldEnoughAreDeleted() async throws {
        let now = Now()
        let fixture = try QueueFixture(segmentSize: 512, retention: .seconds(3600), now: { now.date })
        let topic = try fixture.queue.topic("intake")
        for number in 0..<40 { _ = try await topic.publish(payload(number, size: 60)) }
        let segments = try fixture.segmentPaths("intake")
        #expect(try topic.applyRetention().isEmpty, "no group has read anything: keep all")

        let cursors = GroupCursors(topicDirectory: fixture.root + "/intake")
        try cursors.store("pip", offset: 40, at: now.date)
        try cursors.store("notifier", offset: 20, at: now.date)
        #expect(try topic.applyRetention().isEmpty, "nothing is older than the retention period yet")

        now.date = now.date.addingTimeInterval(7200)
        let deleted = try topic.applyRetention()
        #expect(!deleted.isEmpty)
        let bases = try SegmentFiles(directory: fixture.root + "/intake").bases()
        #expect(bases.first! <= 20, "the segment holding notifier's next record is kept")
        #expect(deleted.allSatisfy { segments.contains($0) && !FileManager.default.fileExists(atPath: $0) })
        #expect(try topic.read(from: 20, maxCount: 100).map(\.offset) == Array(20..<40))
        #expect(try fixture.segmentPaths("intake").last == segments.last, "the active segment is never deleted")
    }

    @Test func deadLettersAreKept() async throws {
        let fixture = try QueueFixture(segmentSize: 256, retention: .zero)
        let dlq = try fixture.queue.topic("intake").deadLetters()
        for number in 0..<20 { _ = try await dlq.publish(payload(number, size: 60)) }
        try GroupCursors(topicDirectory: dlq.directory).store("x", offset: 20, at: Date())
        #expect(try dlq.applyRetention().isEmpty)
    }
}
