import Foundation

/// A problem `verify` found: where it is and what is wrong.
public struct QueueProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    public var topic: String
    public var file: String
    /// The byte position in `file`.
    public var position: Int64
    /// The offset the record at `position` should have had.
    public var offset: UInt64
    public var reason: String

    public var description: String { "\(file) at byte \(position) (offset \(offset)): \(reason)" }
}

extension QueueTopic {
    /// Checks every record's framing and checksum and that segments follow each other.
    /// Reads only; safe on a live queue (what looks wrong is looked at again under the
    /// topic's lock, so an append in progress is not reported).
    public func verify() throws(QueueError) -> [QueueProblem] {
        let files = SegmentFiles(directory: directory)
        let bases = try files.bases()
        var problems: [QueueProblem] = []
        var expected: UInt64? = nil
        for (index, base) in bases.enumerated() {
            let path = files.path(base: base)
            if let expected, expected != base {
                problems.append(.init(topic: name, file: path, position: 0, offset: expected, reason: "the segment starts at offset \(base), the previous one ends at \(expected)"))
            }
            let descriptor = try FileIO.open(path, O_RDONLY)
            defer { close(descriptor) }
            let scanner = SegmentScanner(descriptor: descriptor, path: path)
            var result = try scanner.scan(from: 0, offset: base, confirmingEnd: true, searchingDamage: true)
            if result.ending != .clean && result.ending != .zeroFilled {
                // A writer may have been halfway through an append: look again while none is.
                result = try ReadLock(directory: directory).withLock { () throws(QueueError) in
                    try scanner.scan(from: 0, offset: base, confirmingEnd: true, searchingDamage: true)
                }
            }
            switch result.ending {
            case .clean, .zeroFilled:
                break
            case .corrupt(let reason):
                problems.append(.init(topic: name, file: path, position: result.endPosition, offset: result.nextOffset, reason: reason + ", and valid records follow"))
            case .tail(let bytes, let reason):
                let kind = index == bases.count - 1 ? "a torn tail of \(bytes) bytes (\(reason)); the next publish cuts it" : "the sealed segment ends in \(bytes) bytes of \(reason)"
                problems.append(.init(topic: name, file: path, position: result.endPosition, offset: result.nextOffset, reason: kind))
            }
            expected = result.nextOffset
        }
        return problems
    }

    /// Deletes sealed segments that every consumer group has passed and whose last write
    /// is older than the retention period. Dead-letter topics are never trimmed, nor a topic
    /// without groups. Returns the deleted files.
    @discardableResult
    public func applyRetention() throws(QueueError) -> [String] {
        guard !name.hasSuffix(".dlq") else { return [] }
        let cursors = try GroupCursors(topicDirectory: directory).all()
        guard let slowest = cursors.values.min() else { return [] }
        let files = SegmentFiles(directory: directory)
        let bases = try files.bases()
        let cutoff = options.now().addingTimeInterval(-options.retention.seconds)
        var deleted: [String] = []
        for (base, next) in zip(bases, bases.dropFirst()) where next <= slowest {
            let path = files.path(base: base)
            guard let modified = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified < cutoff else { break }
            guard unlink(path) == 0 else { throw .system("delete", path: path, errno: errno) }
            deleted.append(path)
        }
        if !deleted.isEmpty { try FileIO.syncDirectory(directory) }
        return deleted
    }
}
