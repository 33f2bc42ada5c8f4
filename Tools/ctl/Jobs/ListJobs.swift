import ArgumentParser
import Foundation
import GRDB
import ServiceKit

/// `inburgeringctl jobs list`: the newest jobs, of a status or kind.
struct ListJobs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the newest jobs (ids, kind, status, attempts, last note).")

    @OptionGroup var location: DatabaseLocation

    @Option(help: ArgumentHelp("Only jobs of this status: \(JobStatus.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "status"))
    var status: String?

    @Option(help: "Only jobs of this kind (e.g. duo-pip-melding, webhook).")
    var kind: String?

    @Option(help: "At most this many (1 to 10000).")
    var limit = 100

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func validate() throws {
        if let status, JobStatus(rawValue: status) == nil {
            throw ValidationError("unknown status '\(status)': use one of \(JobStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be 1 to 10000") }
    }

    func run() throws {
        let database = try location.open()
        let jobs = try database.read { db in try JobRecord.list(status: status.flatMap(JobStatus.init(rawValue:)), kind: kind, limit: limit, in: db) }
        if json {
            print(try String(decoding: JSONEncoder.ctl.encode(jobs), as: UTF8.self))
            return
        }
        let format = ISO8601DateFormatter()
        let rows = [["ID", "KIND", "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "FAILURE", "NOTE"]] + jobs.map { job in
            [
                String(job.id), job.kind, job.status.rawValue, String(job.attempts), job.status == .pending ? format.string(from: job.nextAttemptAt) : "-",
                job.failureCode ?? "-", job.lastNote ?? "",
            ]
        }
        print(Table.render(rows))
    }
}
