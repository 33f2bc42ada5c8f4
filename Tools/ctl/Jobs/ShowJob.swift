import ArgumentParser
import Foundation
import GRDB
import ServiceKit

/// `inburgeringctl jobs show ID`: one job with every attempt.
struct ShowJob: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one job and every attempt (time, duration, outcome, response code, note).")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The job's id, as `jobs list` shows it.")
    var id: Int64

    @Flag(help: "Print JSON for scripts.")
    var json = false

    private struct Shown: Encodable {
        var job: JobRecord
        var attempts: [JobRecord.Attempt]
    }

    func run() throws {
        let database = try location.open()
        let shown = try database.read { db -> Shown? in
            guard let job = try JobRecord.find(id, in: db) else { return nil }
            return Shown(job: job, attempts: try JobRecord.attempts(of: id, in: db))
        }
        guard let shown else { throw CtlFailure("no job \(id) in \(location.service)'s database: 'inburgeringctl jobs list' shows them") }
        if json {
            print(try String(decoding: JSONEncoder.ctl.encode(shown), as: UTF8.self))
            return
        }
        let job = shown.job
        print("job \(job.id): \(job.kind) \(job.key)")
        print("status \(job.status.rawValue)\(job.failureCode.map { " (\($0))" } ?? ""), \(job.attempts) attempt(s)")
        let format = ISO8601DateFormatter()
        let rows = [["#", "STARTED", "MS", "OUTCOME", "CODE", "NOTE"]] + shown.attempts.map { attempt in
            [String(attempt.attempt), format.string(from: attempt.startedAt), String(attempt.durationMs), attempt.outcome,
             attempt.responseCode.map(String.init) ?? "-", attempt.note ?? ""]
        }
        print(Table.render(rows))
    }
}
