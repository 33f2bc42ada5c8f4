import Foundation
@testable import Queue
import Testing

/// Writers zero the reserved space ahead of the records, so that syncs need no change of
/// the file's extents; two writers on one topic stand for two processes.
@Suite struct ZeroAheadTests {
    let root = NSTemporaryDirectory() + "zero-ahead-" + UUID().uuidString
    var directory: String { root + "/t" }
    let chunk = LogWriter.zeroChunk

    func writer(segmentSize: Int64 = 4 << 20) throws -> LogWriter {
        try FileIO.createDirectory(root)
        try FileIO.createDirectory(directory)
        return try LogWriter(directory: directory, topic: "t", segmentSize: segmentSize)
    }

    /// How far the shared page says the segment starting at `base` is zeroed.
    func zeroedEnd(base: UInt64 = 0) throws -> Int64? {
        var status = stat()
        #expect(stat(SegmentFiles(directory: directory).path(base: base), &status) == 0)
        return SharedSyncState(directory: directory)?.zeroedEnd(inSegment: UInt64(status.st_ino))
    }

    @Test func theSpaceAheadIsZeroedAChunkAtATimeAndOnlyOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let a = try writer()
        let b = try writer()
        try a.sync(try a.write([payload(0, size: 100)], timestampMilliseconds: 1))
        #expect(try zeroedEnd() == 4096 + chunk, "the block the record needs, and a chunk beyond")
        for number in 1...9 { try b.sync(try b.write([payload(number, size: 100_000)], timestampMilliseconds: 1)) }
        #expect(try zeroedEnd() == 4096 + chunk, "b knows from the page that these records land on zeros")
        try a.sync(try a.write([payload(10, size: 200_000)], timestampMilliseconds: 1))
        #expect(try zeroedEnd() == ((1_100_524 + 4095) & ~4095) + chunk, "the write would pass the zeros: another chunk")
    }

    /// Zeroing starts after the records even when the page no longer knows how far the
    /// zeros go, as after a reboot; and a segment never grows past its size for it.
    @Test func zeroingNeverTouchesARecord() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let segmentSize: Int64 = 3 << 20
        var a = try writer(segmentSize: segmentSize)
        let b = try writer(segmentSize: segmentSize)
        for number in 0..<200 {
            if number == 100 {
                try markPageFromAnotherBoot(directory: directory)
                a = try writer(segmentSize: segmentSize)  // knows no zeros: neither it nor the page
            }
            let writer = number % 2 == 0 ? a : b
            try writer.sync(try writer.write([payload(number, size: 30_000)], timestampMilliseconds: 1))
        }
        let topic = try DurableQueue(directory: root).topic("t")
        #expect(try topic.read(from: 0, maxCount: 1000).map(\.payload) == (0..<200).map { payload($0, size: 30_000) })
        #expect(try topic.verify().isEmpty)
        let segments = SegmentFiles(directory: directory)
        #expect(try segments.bases().count > 1)
        for base in try segments.bases() {
            var status = stat()
            #expect(stat(segments.path(base: base), &status) == 0 && status.st_size <= segmentSize)
        }
    }

    /// Cutting a torn tail also cuts the zeros after it (the space is reserved anew, not
    /// zeroed): the next write zeroes again, from the cut.
    @Test func cuttingATornTailForgetsTheZerosAfterIt() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let a = try writer()
        try a.sync(try a.write([payload(0, size: 100)], timestampMilliseconds: 1))
        try a.sync(try a.write([payload(1, size: 500_000)], timestampMilliseconds: 1))
        #expect(try zeroedEnd() == 4096 + chunk, "the second record lands on zeros")
        let end = Int64(2 * RecordFrame.headerSize + 500_100)
        let segment = try #require(FileHandle(forUpdatingAtPath: SegmentFiles(directory: directory).path(base: 0)))
        try segment.seek(toOffset: UInt64(end))
        try segment.write(contentsOf: [UInt8](repeating: 0xA5, count: 10))  // what a killed writer left
        try segment.close()

        try a.sync(try a.write([payload(2, size: 100)], timestampMilliseconds: 1))
        #expect(try zeroedEnd() == ((end + Int64(RecordFrame.headerSize + 100) + 4095) & ~4095) + chunk)
        #expect(try DurableQueue(directory: root).topic("t").read(from: 0, maxCount: 10).map(\.offset) == [0, 1, 2])
    }

    /// A page that is reset (another boot, or a log behind it) no longer claims any zeros.
    @Test func aResetPageForgetsTheZeros() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let a = try writer()
        try a.sync(try a.write([payload(0, size: 100)], timestampMilliseconds: 1))
        #expect(try zeroedEnd() == 4096 + chunk)
        try markPageFromAnotherBoot(directory: directory)
        _ = try writer()
        #expect(try zeroedEnd() == nil)
    }
}
