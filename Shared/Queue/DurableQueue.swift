import Foundation
import Synchronization

/// A region's durable queue: a directory of topics, shared by processes on one host.
///
/// Records are durable when `publish` returns; consumer groups see every record in order
/// at least once. docs/queue.md describes the format, the guarantees and their limits.
public final class DurableQueue: Sendable {
    /// The queue's root directory.
    public let directory: String
    public let options: QueueOptions
    private let topics = Mutex<[String: QueueTopic]>([:])

    /// Opens (creating, mode 0700) the queue rooted at `directory`.
    public init(directory: String, options: QueueOptions = QueueOptions()) throws(QueueError) {
        self.directory = directory
        self.options = options
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw QueueError(.io, "cannot create the queue directory \(directory)")
        }
    }

    /// The topic `name`, created on first use. The same object is returned for a name.
    public func topic(_ name: String) throws(QueueError) -> QueueTopic {
        try topics.withLock { (topics: inout [String: QueueTopic]) throws(QueueError) -> QueueTopic in
            if let topic = topics[name] { return topic }
            let topic = try QueueTopic(name: name, root: directory, options: options)
            topics[name] = topic
            return topic
        }
    }

    /// The names of the topics on disk, dead-letter topics included, sorted.
    public func topicNames() throws(QueueError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw QueueError(.io, "cannot list the queue directory \(directory)")
        }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// Applies retention to every topic; returns the deleted segment files.
    @discardableResult
    public func applyRetention() throws(QueueError) -> [String] {
        var deleted: [String] = []
        for name in try topicNames() { deleted += try topic(name).applyRetention() }
        return deleted
    }
}
