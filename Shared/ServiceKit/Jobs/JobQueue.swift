public import Foundation
public import GRDB
import Queue

/// Where a service records durable jobs: in the caller's SQLite transaction, like the
/// ``Outbox``, so that the job exists if and only if the change that needs it committed.
/// ``JobRunner`` carries them out.
public final class JobQueue: Sendable {
    /// The clock jobs are timed by.
    public let clock: any ServiceClock
    /// Rung after a transaction that added jobs commits, so the runner starts at once.
    let signal = ChangeSignal()

    public init(clock: any ServiceClock) {
        self.clock = clock
    }

    /// Records a job, due now, in the caller's transaction. The same kind and key twice is
    /// one job: returns false for the second.
    @discardableResult
    public func enqueue(_ kind: String, key: String, orderingKey: String? = nil, payload: Data = Data(), in db: Database) throws -> Bool {
        let isNew = try Self.insert(kind, key: key, orderingKey: orderingKey, payload: payload, at: clock.now(), in: db)
        if isNew {
            let signal = signal
            db.afterNextTransaction(onCommit: { _ in signal.bump() })
        }
        return isNew
    }

    /// Records a job due at `time`, without ringing the runner: for migrations that move
    /// older work onto the engine. Returns false when the kind and key exist already.
    public static func insert(_ kind: String, key: String, orderingKey: String?, payload: Data, at time: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO job (kind, key, ordering_key, payload, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 'pending', ?, ?)
                """,
            arguments: [kind, key, orderingKey, payload, time, time])
        return db.changesCount == 1
    }
}
