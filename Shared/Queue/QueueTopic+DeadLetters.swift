import Foundation

/// A dead letter still waiting for an operator, with its offset in the dead-letter topic.
public struct PendingDeadLetter: Sendable, Codable, Equatable {
    public var deadLetterOffset: UInt64
    public var letter: DeadLetter
}

extension QueueTopic {
    /// The dead letters of this topic that were neither replayed nor dropped.
    public func pendingDeadLetters() throws(QueueError) -> [PendingDeadLetter] {
        // Looking must not create the dead-letter topic: a topic without one has none.
        let root = (directory as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: root + "/" + QueueName.deadLetterTopic(of: name)) else { return [] }
        let topic = try deadLetters()
        let resolved = try resolvedDeadLetters()
        var pending: [PendingDeadLetter] = []
        var offset: UInt64 = 0
        while true {
            let records = try topic.read(from: offset, maxCount: 1024)
            guard let last = records.last else { break }
            for record in records where !resolved.contains(record.offset) {
                guard let letter = try? JSONDecoder.queue.decode(DeadLetter.self, from: Data(record.payload)) else {
                    throw QueueError(.corruptRecord, "dead letter at offset \(record.offset) of \(topic.name) is not a dead-letter record")
                }
                pending.append(PendingDeadLetter(deadLetterOffset: record.offset, letter: letter))
            }
            offset = last.offset + 1
        }
        return pending
    }

    /// Publishes the dead letters at `offsets` (all pending ones when `nil`) to this topic
    /// again, in order, and marks each resolved once it is durable. `progress` is called
    /// after each one with the count done and the total.
    @discardableResult
    public func replayDeadLetters(offsets: Set<UInt64>? = nil, progress: (Int, Int) -> Void = { _, _ in }) async throws(QueueError) -> [UInt64] {
        let chosen = try pendingDeadLetters().filter { offsets?.contains($0.deadLetterOffset) ?? true }
        try requireAll(offsets, in: chosen)
        var replayed: [UInt64] = []
        for (index, pending) in chosen.enumerated() {
            replayed.append(try await publish(Array(pending.letter.payload)))
            try markResolved([pending.deadLetterOffset])
            progress(index + 1, chosen.count)
        }
        return replayed
    }

    /// Marks the dead letters at `offsets` (all pending ones when `nil`) resolved without
    /// replaying them. Returns how many were dropped.
    @discardableResult
    public func dropDeadLetters(offsets: Set<UInt64>? = nil) throws(QueueError) -> Int {
        let chosen = try pendingDeadLetters().filter { offsets?.contains($0.deadLetterOffset) ?? true }
        try requireAll(offsets, in: chosen)
        try markResolved(Set(chosen.map(\.deadLetterOffset)))
        return chosen.count
    }

    private func requireAll(_ offsets: Set<UInt64>?, in chosen: [PendingDeadLetter]) throws(QueueError) {
        guard let offsets else { return }
        let missing = offsets.subtracting(chosen.map(\.deadLetterOffset))
        guard missing.isEmpty else {
            throw QueueError(.offsetOutOfRange, "no pending dead letter at offset \(missing.sorted().map(String.init).joined(separator: ", ")) of \(name).dlq")
        }
    }

    private var resolvedPath: String { (try? deadLetters().directory).map { $0 + "/resolved.json" } ?? directory + ".dlq/resolved.json" }

    private func resolvedDeadLetters() throws(QueueError) -> Set<UInt64> {
        guard let data = FileManager.default.contents(atPath: resolvedPath) else { return [] }
        guard let offsets = try? JSONDecoder().decode(Set<UInt64>.self, from: data) else {
            throw QueueError(.corruptRecord, "\(resolvedPath) is unreadable")
        }
        return offsets
    }

    private func markResolved(_ offsets: Set<UInt64>) throws(QueueError) {
        guard !offsets.isEmpty else { return }
        let all = try resolvedDeadLetters().union(offsets)
        let bytes = (try? JSONEncoder.queue.encode(all.sorted())) ?? Data()
        try FileIO.replaceAtomically(resolvedPath, with: Array(bytes))
    }
}
