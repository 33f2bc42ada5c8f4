public import Foundation
public import GRDB

/// A durable job as operators see it (`inburgeringctl jobs`), with its attempt log.
public struct JobRecord: Codable, Sendable, Equatable, FetchableRecord {
    /// One attempt: when, how long, what came of it.
    public struct Attempt: Codable, Sendable, Equatable, FetchableRecord {
        public var attempt: Int
        public var startedAt: Date
        public var durationMs: Int
        /// `done`, `retry`, `failed` or `dead`.
        public var outcome: String
        /// The other side's status code, for HTTP deliveries.
        public var responseCode: Int?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case attempt, startedAt = "started_at", durationMs = "duration_ms", outcome, responseCode = "response_code", note
        }
    }

    public var id: Int64
    public var kind: String
    public var key: String
    public var status: JobStatus
    public var attempts: Int
    public var nextAttemptAt: Date
    public var createdAt: Date
    public var finishedAt: Date?
    public var failureCode: String?
    public var lastNote: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, key, status, attempts, nextAttemptAt = "next_attempt_at", createdAt = "created_at", finishedAt = "finished_at"
        case failureCode = "failure_code", lastNote = "last_note"
    }
}

extension JobRecord {
    private static let columns = "id, kind, key, status, attempts, next_attempt_at, created_at, finished_at, failure_code, last_note"

    /// The newest jobs first, of `status` and `kind` when given.
    public static func list(status: JobStatus? = nil, kind: String? = nil, limit: Int = 100, in db: Database) throws -> [JobRecord] {
        try JobRecord.fetchAll(
            db,
            sql: "SELECT \(columns) FROM job WHERE (? IS NULL OR status = ?) AND (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?",
            arguments: [status?.rawValue, status?.rawValue, kind, kind, limit])
    }

    /// The job with `id`, or nil.
    public static func find(_ id: Int64, in db: Database) throws -> JobRecord? {
        try JobRecord.fetchOne(db, sql: "SELECT \(columns) FROM job WHERE id = ?", arguments: [id])
    }

    /// The job of `kind` with `key`, or nil.
    public static func find(kind: String, key: String, in db: Database) throws -> JobRecord? {
        try JobRecord.fetchOne(db, sql: "SELECT \(columns) FROM job WHERE kind = ? AND key = ?", arguments: [kind, key])
    }

    /// The job's attempts, first first.
    public static func attempts(of id: Int64, in db: Database) throws -> [Attempt] {
        try Attempt.fetchAll(
            db, sql: "SELECT attempt, started_at, duration_ms, outcome, response_code, note FROM job_attempt WHERE job_id = ? ORDER BY id",
            arguments: [id])
    }

    /// Puts a failed or dead job back to pending, due at `time`, its retry schedule from the
    /// start; the attempt log stays. Returns false when the job is not failed or dead.
    public static func replay(_ id: Int64, at time: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE job SET status = 'pending', attempts = 0, next_attempt_at = ?, finished_at = NULL, failure_code = NULL
                WHERE id = ? AND status IN ('failed', 'dead')
                """,
            arguments: [time, id])
        return db.changesCount == 1
    }
}

extension JobStatus: DatabaseValueConvertible {}
