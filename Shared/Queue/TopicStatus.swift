import Foundation

/// What an operator needs to know of a topic, for `inburgeringctl queue list`.
public struct TopicStatus: Sendable, Codable, Equatable {
    /// One consumer group's position.
    public struct Group: Sendable, Codable, Equatable {
        public var name: String
        /// The offset of the next record the group will handle.
        public var cursor: UInt64
        /// Records published that the group has not handled.
        public var lag: UInt64
        /// Seconds since the oldest unhandled record was published; `nil` without lag.
        public var oldestUnconsumedAgeSeconds: Double?
    }

    public var name: String
    /// The offset of the first record still kept.
    public var firstOffset: UInt64
    /// The offset the next record will get.
    public var nextOffset: UInt64
    public var recordCount: UInt64 { nextOffset - firstOffset }
    public var segmentCount: Int
    public var sizeBytes: Int64
    public var groups: [Group]
}

extension QueueTopic {
    /// The topic's current state, read without stopping writers or consumers.
    public func status() throws(QueueError) -> TopicStatus {
        let reader = LogReader(directory: directory, topic: name)
        let next = try reader.endOffset()
        let first = try reader.firstOffset()
        let bases = try SegmentFiles(directory: directory).bases()
        let size = bases.reduce(Int64(0)) { total, base in
            let attributes = try? FileManager.default.attributesOfItem(atPath: SegmentFiles(directory: directory).path(base: base))
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
        let now = options.now()
        let groups = try GroupCursors(topicDirectory: directory).all().sorted { $0.key < $1.key }.map { (group, cursor) throws(QueueError) in
            let position = min(max(cursor, first), next)
            let oldest = position < next ? try reader.read(from: position, maxCount: 1).first : nil
            return TopicStatus.Group(
                name: group, cursor: cursor, lag: next - position,
                oldestUnconsumedAgeSeconds: oldest.map { max(0, now.timeIntervalSince($0.timestamp)) })
        }
        return TopicStatus(name: name, firstOffset: first, nextOffset: next, segmentCount: bases.count, sizeBytes: size, groups: groups)
    }

    /// Moves `group`'s cursor to `offset` (clamped to the log). Consumers of the group must
    /// be stopped; the group's lock is taken to make sure.
    public func resetCursor(group: String, to offset: UInt64) throws(QueueError) -> UInt64 {
        try QueueName.validate(group, kind: "group")
        let cursors = GroupCursors(topicDirectory: directory)
        let lock = try cursors.lock(group)
        defer { close(lock) }
        let reader = LogReader(directory: directory, topic: name)
        let target = min(max(offset, try reader.firstOffset()), try reader.endOffset())
        try cursors.store(group, offset: target, at: options.now())
        return target
    }
}
