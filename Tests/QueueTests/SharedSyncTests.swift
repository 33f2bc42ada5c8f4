import Foundation
@testable import Queue
import Testing

/// Group commit across processes: two writers on one topic stand for two processes.
@Suite struct SharedSyncTests {
    let directory = NSTemporaryDirectory() + "shared-sync-" + UUID().uuidString

    func writer(segmentSize: Int64 = 64 << 10) throws -> LogWriter {
        try FileIO.createDirectory(directory)
        return try LogWriter(directory: directory, topic: "t", segmentSize: segmentSize)
    }

    @Test func oneSyncCoversRecordsAnotherWriterWroteBeforeIt() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try writer()
        let b = try writer()
        let fromA = try a.write([payload(1)], timestampMilliseconds: 1)
        let fromB = try b.write([payload(2)], timestampMilliseconds: 1)
        try b.sync(fromB)
        try a.sync(fromA)
        #expect(b.appendSyncs == 1)
        #expect(a.appendSyncs == 0, "b's sync came after a's write, so it covered it")

        let later = try a.write([payload(3)], timestampMilliseconds: 1)
        try a.sync(later)
        #expect(a.appendSyncs == 1, "a record written after the last sync is synced")
        #expect(fromA.first == 0 && fromB.first == 1 && later.first == 2)
    }

    @Test func aRollClaimsTheSealedSegmentSoItsWritersNeedNoSync() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try writer(segmentSize: 256)
        let b = try writer(segmentSize: 256)
        let fromA = try a.write([payload(1, size: 100)], timestampMilliseconds: 1)
        let fromB = try b.write([payload(2, size: 200)], timestampMilliseconds: 1)  // rolls: seals and syncs a's segment
        try a.sync(fromA)
        #expect(a.appendSyncs == 0)
        try b.sync(fromB)
        #expect(b.appendSyncs == 1, "the new segment's record still needs its own sync")
    }

    /// A roller that dies between making the new segment and recording its roll leaves the
    /// page naming the sealed segment. A writer still holding that segment must then not
    /// claim records that went to the new one.
    @Test func aRollTheRollerCouldNotRecordIsNeverClaimedByTheSealedSegmentsWriters() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try writer(segmentSize: 256)
        let b = try writer(segmentSize: 256)
        let c = try writer(segmentSize: 256)
        let fromC = try c.write([payload(1, size: 100)], timestampMilliseconds: 1)
        let fromA = try a.write([payload(2, size: 150)], timestampMilliseconds: 1)  // rolls
        var sealed = stat()
        #expect(stat(directory + "/00000000000000000000.log", &sealed) == 0)
        let handle = try #require(FileHandle(forUpdatingAtPath: directory + "/.sync"))
        try handle.seek(toOffset: 48)
        try handle.write(contentsOf: [UInt64(sealed.st_ino), 1, 0].flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } })
        try handle.close()

        let fromB = try b.write([payload(3, size: 10)], timestampMilliseconds: 1)  // follows into the new segment
        try c.sync(fromC)
        try b.sync(fromB)
        try a.sync(fromA)
        #expect(b.appendSyncs == 1, "b's record is in the new segment: only its own sync covers it")
        #expect(fromC.end <= fromA.first && fromA.first < fromB.first)
    }

    @Test func aStalePageIsResetSoItNeverClaimsTooMuch() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try writer()
        try a.sync(try a.write([payload(1)], timestampMilliseconds: 1))
        // What a restored directory or another boot looks like: the page names another segment.
        let handle = try #require(FileHandle(forUpdatingAtPath: directory + "/.sync"))
        try handle.seek(toOffset: 48)
        try handle.write(contentsOf: [UInt8](repeating: 0xAB, count: 8))
        try handle.seek(toOffset: 64)
        try handle.write(contentsOf: withUnsafeBytes(of: UInt64(1_000).littleEndian) { Array($0) })
        try handle.close()

        let b = try writer()
        try b.sync(try b.write([payload(2)], timestampMilliseconds: 1))
        #expect(b.appendSyncs == 1, "a reset page claims nothing")
    }

    /// The page tells a writer where the other writers' records end, so it reads only the
    /// last of them. Shown by damage it never reads: a flipped byte in a record another
    /// writer wrote does not stop the next write (a full re-read would).
    @Test func aWriterSkipsTheRecordsOthersWroteToWhereThePageSaysTheyEnd() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try writer()
        let b = try writer()
        try b.sync(try b.write([payload(0)], timestampMilliseconds: 1))
        try a.sync(try a.write([payload(1), payload(2), payload(3)], timestampMilliseconds: 1))
        try flipByte(at: 24 + 32 + 24 + 10)  // in the payload of a's first record

        let next = try b.write([payload(4)], timestampMilliseconds: 1)
        #expect(next.first == 4)
    }

    /// A page that does not match the log (here: it names a last record where there is
    /// none) is not followed: the writer re-reads from its own end and writes after the
    /// real last record.
    @Test func aPageThatDoesNotMatchTheLogIsNotFollowed() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try writer()
        let b = try writer()
        try b.sync(try b.write([payload(0)], timestampMilliseconds: 1))
        try a.sync(try a.write([[UInt8](repeating: 0, count: 300), payload(2)], timestampMilliseconds: 1))
        // The page claims offset 5 ends at byte 400, with its last record at byte 200: the
        // middle of a's all-zero payload, which reads as the zero-filled end.
        try writePage(words: [(56, 5), (72, 400), (80, 200)])

        let next = try b.write([payload(3)], timestampMilliseconds: 1)
        try b.sync(next)
        #expect(next.first == 3)
        let records = try LogReader(directory: directory, topic: "t").read(from: 0, maxCount: 10)
        #expect(records.map(\.offset) == [0, 1, 2, 3])
        #expect(records.last?.payload == payload(3))
    }

    /// A writer killed after its write and before it updated the page leaves a complete
    /// record the page does not name. The next writer must find it, not write over it (a
    /// consumer may already have handled it).
    @Test func aRecordThePageDoesNotNameIsFoundBeforeWritingAfterIt() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try writer()
        let first = try a.write([payload(0)], timestampMilliseconds: 1)
        try a.sync(first)
        var orphan: [UInt8] = []
        payload(1).withUnsafeBytes { RecordFrame.append(payload: $0, offset: 1, timestampMilliseconds: 1, to: &orphan) }
        let handle = try #require(FileHandle(forUpdatingAtPath: directory + "/00000000000000000000.log"))
        try handle.seek(toOffset: UInt64(RecordFrame.headerSize + payload(0).count))
        try handle.write(contentsOf: orphan)
        try handle.close()

        let next = try a.write([payload(2)], timestampMilliseconds: 1)
        #expect(next.first == 2)
        let records = try LogReader(directory: directory, topic: "t").read(from: 0, maxCount: 10)
        #expect(records.map(\.payload) == [payload(0), payload(1), payload(2)])
    }

    private func flipByte(at position: UInt64) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: directory + "/00000000000000000000.log"))
        try handle.seek(toOffset: position)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: position)
        try handle.write(contentsOf: [byte ^ 0xFF])
        try handle.close()
    }

    private func writePage(words: [(offset: UInt64, value: UInt64)]) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: directory + "/.sync"))
        for (offset, value) in words {
            try handle.seek(toOffset: offset)
            try handle.write(contentsOf: withUnsafeBytes(of: value.littleEndian) { Array($0) })
        }
        try handle.close()
    }
}
