public import Foundation

/// A record a consumer group could not handle, as kept in the topic's dead-letter topic
/// (`<topic>.dlq`) until an operator replays or drops it.
public struct DeadLetter: Codable, Sendable, Equatable {
    /// The topic the record came from.
    public var topic: String
    /// The consumer group that gave up on it.
    public var group: String
    /// Its offset in `topic`.
    public var offset: UInt64
    /// How many times the handler was called.
    public var attempts: Int
    /// The last error's description.
    public var error: String
    public var failedAt: Date
    /// The record's payload, unchanged (base64 in JSON).
    public var payload: Data

    public init(topic: String, group: String, offset: UInt64, attempts: Int, error: String, failedAt: Date, payload: Data) {
        self.topic = topic
        self.group = group
        self.offset = offset
        self.attempts = attempts
        self.error = error
        self.failedAt = failedAt
        self.payload = payload
    }
}
