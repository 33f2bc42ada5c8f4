public import Foundation

/// One record read from a topic.
public struct QueueRecord: Sendable, Equatable {
    /// Its position in the topic, from 0, without gaps.
    public let offset: UInt64
    /// When it was published, in milliseconds since 1970 (UTC).
    public let timestampMilliseconds: Int64
    public let payload: [UInt8]

    public init(offset: UInt64, timestampMilliseconds: Int64, payload: [UInt8]) {
        self.offset = offset
        self.timestampMilliseconds = timestampMilliseconds
        self.payload = payload
    }

    /// When it was published.
    public var timestamp: Date { Date(timeIntervalSince1970: Double(timestampMilliseconds) / 1000) }
}
