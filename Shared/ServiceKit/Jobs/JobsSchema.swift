import Foundation
import GRDB

/// The tables of the durable jobs: one row per job, one per attempt.
enum JobsSchema {
    /// The shared migration that creates them.
    static let migration = Migration("create-jobs") { db in
        try db.execute(sql: """
            CREATE TABLE job (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                ordering_key TEXT,
                payload BLOB NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at DATETIME NOT NULL,
                created_at DATETIME NOT NULL,
                finished_at DATETIME,
                failure_code TEXT,
                last_note TEXT,
                UNIQUE (kind, key)
            );
            CREATE INDEX job_due ON job (next_attempt_at, id) WHERE status = 'pending';
            CREATE INDEX job_ordering ON job (ordering_key, id) WHERE status = 'pending';
            CREATE TABLE job_attempt (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                job_id INTEGER NOT NULL REFERENCES job(id),
                attempt INTEGER NOT NULL,
                started_at DATETIME NOT NULL,
                duration_ms INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                response_code INTEGER,
                note TEXT
            );
            CREATE INDEX job_attempt_job ON job_attempt (job_id, id);
            """)
    }
}
