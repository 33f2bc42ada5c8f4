@testable import Queue
import Testing

@Suite struct RecordFrameTests {
    @Test func crc32cMatchesTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        let long = (0..<1000).map { UInt8($0 % 256) }
        let split = long.withUnsafeBytes { raw in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[500...]), continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[..<500])))
        }
        #expect(split == CRC32C.checksum(long))
    }

    /// The CPU's instruction (where there is one) and the lookup table agree, at every
    /// length and alignment around the 8-byte steps.
    @Test func theCPUsChecksumAgreesWithTheTable() {
        let bytes = (0..<600).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        bytes.withUnsafeBytes { raw in
            for start in 0..<9 {
                for end in stride(from: start, through: raw.count, by: 37) {
                    let slice = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                    #expect(CRC32C.checksum(slice, continuing: 0x1234_5678) == CRC32C.softwareChecksum(slice, continuing: 0x1234_5678))
                }
            }
        }
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.softwareChecksum($0) } == 0xE306_9283)
    }

    @Test func aFrameRoundTrips() {
        var buffer: [UInt8] = []
        ([1, 2, 3] as [UInt8]).withUnsafeBytes { RecordFrame.append(payload: $0, offset: 7, timestampMilliseconds: 1234, to: &buffer) }
        #expect(buffer.count == RecordFrame.headerSize + 3)
        let parsed = buffer.withUnsafeBytes { RecordFrame.parse($0, expectedOffset: 7) }
        guard case .record(let header) = parsed else {
            Issue.record("not parsed: \(parsed)")
            return
        }
        #expect(header.offset == 7)
        #expect(header.timestampMilliseconds == 1234)
        #expect(header.payloadLength == 3)
    }

    @Test func damageIsNeverAccepted() {
        var buffer: [UInt8] = []
        Array("hallo".utf8).withUnsafeBytes { RecordFrame.append(payload: $0, offset: 0, timestampMilliseconds: 1, to: &buffer) }
        for index in buffer.indices {
            var damaged = buffer
            damaged[index] ^= 0x40
            let parsed = damaged.withUnsafeBytes { RecordFrame.parse($0, expectedOffset: 0) }
            if case .record = parsed { Issue.record("a flipped bit at byte \(index) passed") }
        }
        let zeros = [UInt8](repeating: 0, count: 64)
        #expect(zeros.withUnsafeBytes { RecordFrame.parse($0, expectedOffset: 0) } != .incomplete)
        #expect(buffer.withUnsafeBytes { RecordFrame.parse($0, expectedOffset: 1) } == .invalid("offset 0 where 1 was expected"))
        #expect(Array(buffer.prefix(10)).withUnsafeBytes { RecordFrame.parse($0, expectedOffset: 0) } == .incomplete)
    }

    @Test func backoffGrowsWithJitterUpToTheMaximum() {
        let policy = RetryPolicy(maxAttempts: 6, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1), multiplier: 2, jitter: 0.2)
        #expect(policy.backoff(afterAttempt: 1, unit: 0.5) == .milliseconds(100))
        #expect(policy.backoff(afterAttempt: 2, unit: 0.5) == .milliseconds(200))
        #expect(policy.backoff(afterAttempt: 3, unit: 0) == .milliseconds(320))
        #expect(policy.backoff(afterAttempt: 3, unit: 1) == .milliseconds(480))
        #expect(policy.backoff(afterAttempt: 10, unit: 1) == .seconds(1))
    }

    @Test(arguments: ["intake", "intake.dlq", "pip-v2", "a_b"])
    func validNames(_ name: String) throws {
        try QueueName.validate(name, kind: "topic")
    }

    @Test(arguments: ["", "Intake", "../etc", "a/b", ".hidden", "-x", String(repeating: "a", count: 101)])
    func invalidNames(_ name: String) {
        #expect(throws: QueueError.self) { try QueueName.validate(name, kind: "topic") }
    }
}
