/// The on-disk framing of one record, little-endian:
///
/// | bytes | field |
/// |---|---|
/// | 0–3 | payload length |
/// | 4–7 | CRC-32C over bytes 0–3, 8–23 and the payload |
/// | 8–15 | offset (position of the record in the topic, from 0) |
/// | 16–23 | timestamp, milliseconds since 1970 (UTC) |
/// | 24… | payload |
///
/// A zero-filled area never passes: the checksum of zeros is not zero.
enum RecordFrame {
    static let headerSize = 24
    /// The largest payload accepted, so that a damaged length cannot make a reader allocate gigabytes.
    static let maxPayloadSize = 16 << 20

    /// Appends the framed record to `buffer`.
    static func append(payload: UnsafeRawBufferPointer, offset: UInt64, timestampMilliseconds: Int64, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: headerSize))
        buffer.append(contentsOf: payload)
        buffer.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt32(payload.count).littleEndian, toByteOffset: start, as: UInt32.self)
            raw.storeBytes(of: offset.littleEndian, toByteOffset: start + 8, as: UInt64.self)
            raw.storeBytes(of: timestampMilliseconds.littleEndian, toByteOffset: start + 16, as: Int64.self)
            let crc = checksum(UnsafeRawBufferPointer(rebasing: raw[start..<raw.count]))
            raw.storeBytes(of: crc.littleEndian, toByteOffset: start + 4, as: UInt32.self)
        }
    }

    /// The header fields of a complete frame at the start of `frame`.
    struct Header: Equatable {
        let payloadLength: Int
        let storedChecksum: UInt32
        let offset: UInt64
        let timestampMilliseconds: Int64

        var frameLength: Int { headerSize + payloadLength }
    }

    /// Reads the header at the start of `bytes` (at least `headerSize` long).
    static func header(_ bytes: UnsafeRawBufferPointer) -> Header {
        Header(
            payloadLength: Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))),
            storedChecksum: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
            offset: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
            timestampMilliseconds: Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: Int64.self)))
    }

    /// The checksum of a whole frame (header and payload), skipping the checksum field itself.
    static func checksum(_ frame: UnsafeRawBufferPointer) -> UInt32 {
        let length = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: frame[0..<4]))
        return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: frame[8..<frame.count]), continuing: length)
    }

    /// What the bytes at the start of `bytes` hold, given the offset the record must have.
    enum Parsed: Equatable {
        /// A valid record of `frameLength` bytes.
        case record(Header)
        /// Fewer bytes than the header or the payload says: a record still being written, or a torn tail.
        case incomplete
        /// A complete frame that fails its checksum, carries another offset, or a length beyond the limit.
        case invalid(String)
    }

    static func parse(_ bytes: UnsafeRawBufferPointer, expectedOffset: UInt64) -> Parsed {
        guard bytes.count >= headerSize else { return .incomplete }
        let header = header(bytes)
        guard header.payloadLength <= maxPayloadSize else { return .invalid("length \(header.payloadLength) beyond the limit") }
        guard bytes.count >= header.frameLength else { return .incomplete }
        guard checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<header.frameLength])) == header.storedChecksum else {
            return .invalid("checksum mismatch")
        }
        guard header.offset == expectedOffset else { return .invalid("offset \(header.offset) where \(expectedOffset) was expected") }
        return .record(header)
    }
}
