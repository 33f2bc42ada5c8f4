import Foundation

/// The durable cursors of a topic's consumer groups: `groups/<group>.cursor` holds the
/// offset of the next record the group has not handled, replaced atomically on commit.
struct GroupCursors {
    let directory: String

    init(topicDirectory: String) {
        directory = topicDirectory + "/groups"
    }

    private struct Stored: Codable {
        var group: String
        var offset: UInt64
        var committedAt: Date
    }

    /// The group's committed cursor, or `nil` for a group that never committed.
    func load(_ group: String) throws(QueueError) -> UInt64? {
        let path = "\(directory)/\(group).cursor"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder.queue.decode(Stored.self, from: data).offset
        } catch {
            throw QueueError(.corruptRecord, "cursor file \(path) is unreadable; reset it with 'inburgeringctl queue reset-offset'")
        }
    }

    func store(_ group: String, offset: UInt64, at time: Date) throws(QueueError) {
        try FileIO.createDirectory(directory)
        let stored = Stored(group: group, offset: offset, committedAt: time)
        let bytes = (try? JSONEncoder.queue.encode(stored)) ?? Data()
        try FileIO.replaceAtomically("\(directory)/\(group).cursor", with: Array(bytes))
    }

    /// Every group with a committed cursor.
    func all() throws(QueueError) -> [String: UInt64] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [:] }
        var cursors: [String: UInt64] = [:]
        for name in names where name.hasSuffix(".cursor") && !name.hasPrefix(".") {
            let group = String(name.dropLast(".cursor".count))
            cursors[group] = try load(group)
        }
        return cursors
    }

    /// Takes the group's exclusive lock for the life of a consumer; throws when another
    /// consumer of the group holds it. Closing the returned descriptor releases it.
    func lock(_ group: String) throws(QueueError) -> Int32 {
        try FileIO.createDirectory(directory)
        let path = "\(directory)/\(group).lock"
        let descriptor = try FileIO.open(path, O_CREAT | O_RDWR)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw QueueError(.groupBusy, "another consumer of group \(group) is running (\(path))")
        }
        return descriptor
    }
}

extension JSONEncoder {
    static var queue: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension JSONDecoder {
    static var queue: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
