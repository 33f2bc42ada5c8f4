/// Reads a segment's records from a position on, and tells how the segment ends.
struct SegmentScanner {
    /// How the bytes after the last valid record look.
    enum Ending: Equatable {
        /// The file ends right after the last valid record.
        case clean
        /// Bytes follow that hold no valid record and are followed by none: a torn tail
        /// (or a record still being written, for a reader without the lock).
        case tail(bytes: Int64, reason: String)
        /// Invalid bytes are followed by a valid record: damage in the middle of the log.
        case corrupt(reason: String)
    }

    /// What a scan found.
    struct Result {
        /// The file position after the last valid record read.
        var endPosition: Int64
        /// The offset the next record must carry.
        var nextOffset: UInt64
        var records: [QueueRecord]
        /// Whether the scan stopped at `maxCount` records rather than at the end.
        var stoppedEarly: Bool
        var ending: Ending
    }

    let descriptor: Int32
    let path: String
    static let chunkSize = 1 << 20

    /// Scans from `position`, where a record with `offset` must start. Keeps the records
    /// whose offset is at least `keepFrom` (at most `maxCount` of them) when `collect` is set.
    func scan(from position: Int64, offset: UInt64, keepFrom: UInt64 = 0, maxCount: Int = .max, collect: Bool = false) throws(QueueError) -> Result {
        var result = Result(endPosition: position, nextOffset: offset, records: [], stoppedEarly: false, ending: .clean)
        let fileSize = try FileIO.size(descriptor, path: path)
        var window = ReadWindow(descriptor: descriptor, path: path, start: position, fileSize: fileSize)
        while result.endPosition < fileSize {
            let available = try window.bytes(at: result.endPosition, atLeast: RecordFrame.headerSize)
            let length = available.count >= RecordFrame.headerSize
                ? available.withUnsafeBytes { RecordFrame.header($0).frameLength } : RecordFrame.headerSize
            let frame = try window.bytes(at: result.endPosition, atLeast: min(length, RecordFrame.headerSize + RecordFrame.maxPayloadSize))
            switch frame.withUnsafeBytes({ RecordFrame.parse($0, expectedOffset: result.nextOffset) }) {
            case .record(let header):
                if collect && header.offset >= keepFrom {
                    let payload = Array(frame[(frame.startIndex + RecordFrame.headerSize)..<(frame.startIndex + header.frameLength)])
                    result.records.append(QueueRecord(offset: header.offset, timestampMilliseconds: header.timestampMilliseconds, payload: payload))
                }
                result.endPosition += Int64(header.frameLength)
                result.nextOffset += 1
                if result.records.count >= maxCount {
                    result.stoppedEarly = true
                    return result
                }
            case .incomplete:
                result.ending = .tail(bytes: fileSize - result.endPosition, reason: "an incomplete record")
                return result
            case .invalid(let reason):
                let rest = try FileIO.read(descriptor, count: Int(fileSize - result.endPosition), at: result.endPosition, path: path)
                result.ending = Self.containsValidRecord(rest, after: result.nextOffset)
                    ? .corrupt(reason: reason) : .tail(bytes: fileSize - result.endPosition, reason: reason)
                return result
            }
        }
        return result
    }

    /// A buffered view of the file that reads ahead in chunks.
    private struct ReadWindow {
        let descriptor: Int32
        let path: String
        var start: Int64
        let fileSize: Int64
        var buffer: [UInt8] = []

        init(descriptor: Int32, path: String, start: Int64, fileSize: Int64) {
            self.descriptor = descriptor
            self.path = path
            self.start = start
            self.fileSize = fileSize
        }

        /// The buffered bytes from `position` on, at least `count` of them unless the file ends first.
        mutating func bytes(at position: Int64, atLeast count: Int) throws(QueueError) -> ArraySlice<UInt8> {
            let local = Int(position - start)
            if buffer.count - local < count {
                let kept = Array(buffer[min(local, buffer.count)...])
                let from = position + Int64(kept.count)
                let wanted = min(max(SegmentScanner.chunkSize, count - kept.count), Int(max(0, fileSize - from)))
                let more = try FileIO.read(descriptor, count: wanted, at: from, path: path)
                buffer = kept + more
                start = position
            }
            return buffer[Int(position - start)...]
        }
    }

    /// Whether a valid record with an offset at or after `offset` starts anywhere in `bytes`
    /// past its first byte: the difference between damage and a torn tail.
    static func containsValidRecord(_ bytes: [UInt8], after offset: UInt64) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard raw.count > RecordFrame.headerSize else { return false }
            for start in 1...(raw.count - RecordFrame.headerSize) {
                let slice = UnsafeRawBufferPointer(rebasing: raw[start...])
                let header = RecordFrame.header(slice)
                guard header.payloadLength <= RecordFrame.maxPayloadSize, header.frameLength <= slice.count,
                    header.offset >= offset, header.offset - offset < 1 << 32
                else { continue }
                if RecordFrame.checksum(UnsafeRawBufferPointer(rebasing: slice[0..<header.frameLength])) == header.storedChecksum {
                    return true
                }
            }
            return false
        }
    }
}
