import Foundation
import GRDB
import ServiceKit
import TestSupport
import Testing

/// `inburgeringctl jobs`: an operator sees the jobs that failed or died and replays them.
@Suite struct CtlJobsTests {
    let ctl = Binaries.path("inburgeringctl")

    @Test func listShowAndReplayAFailedJob() async throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        let database = try ServiceDatabase.open(path: state + "/pip.sqlite", migrations: [])
        let location = ["--service", "pip", "--state-dir", state]
        let jobs = JobQueue(clock: SystemClock())
        try await database.write { db in
            try jobs.enqueue("duo-pip-melding", key: "pip-1/1", orderingKey: "pip-1", in: db)
            try jobs.enqueue("duo-pip-melding", key: "pip-2/1", orderingKey: "pip-2", in: db)
            try db.execute(sql: "UPDATE job SET status = 'failed', failure_code = 'duo-404', last_note = 'DUO knows no such person' WHERE key = 'pip-1/1'")
            try db.execute(sql: "INSERT INTO job_attempt (job_id, attempt, started_at, duration_ms, outcome, response_code, note) VALUES (1, 1, ?, 12, 'failed', 404, 'DUO knows no such person')", arguments: [Date()])
        }

        let failed = try await runToEnd(ctl, ["jobs", "list", "--status", "failed"] + location, in: directory.path)
        #expect(failed.status == 0)
        #expect(failed.output.contains("duo-pip-melding") && failed.output.contains("duo-404") && !failed.output.contains("pending"))

        let shown = try await runToEnd(ctl, ["jobs", "show", "1"] + location, in: directory.path)
        #expect(shown.status == 0)
        #expect(shown.output.contains("status failed (duo-404)") && shown.output.contains("404"))

        let refused = try await runToEnd(ctl, ["jobs", "replay", "1", "2"] + location, in: directory.path)
        #expect(refused.status != 0, "job 2 is pending, not failed")
        #expect(refused.error.contains("nothing was changed"))
        #expect(try await database.read { try JobRecord.find(1, in: $0)?.status } == .failed, "all or nothing")

        let replayed = try await runToEnd(ctl, ["jobs", "replay", "1"] + location, in: directory.path)
        #expect(replayed.status == 0)
        #expect(try await database.read { try JobRecord.find(1, in: $0)?.status } == .pending)

        let unknown = try await runToEnd(ctl, ["jobs", "list", "--status", "lost"] + location, in: directory.path)
        #expect(unknown.status != 0 && unknown.error.contains("unknown status 'lost'"))
    }
}
