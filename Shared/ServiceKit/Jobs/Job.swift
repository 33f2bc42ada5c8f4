public import Foundation

/// One durable job as its handler gets it: work that must eventually happen and may fail,
/// recorded in the service's database in the transaction of the change that needs it.
public struct Job: Sendable, Equatable {
    /// The row id, for operators (`inburgeringctl jobs`).
    public let id: Int64
    /// What kind of work, e.g. `duo-pip-melding`; names the handler.
    public let kind: String
    /// Unique per kind: enqueueing the same kind and key twice makes one job.
    public let key: String
    /// Jobs with the same ordering key run one at a time, oldest first; a failed or dead
    /// one stops holding up the next.
    public let orderingKey: String?
    /// What the handler needs, as the enqueuer wrote it (no personal data: ids).
    public let payload: Data
    /// This attempt's number, from 1 (counted again from 1 after a replay).
    public let attempt: Int
    /// When the job was enqueued.
    public let createdAt: Date

    /// The payload as UTF-8 text.
    public var payloadText: String { String(decoding: payload, as: UTF8.self) }
}
