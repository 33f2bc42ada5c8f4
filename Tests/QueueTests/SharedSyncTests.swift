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
}
