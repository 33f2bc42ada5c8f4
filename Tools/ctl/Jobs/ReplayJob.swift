import ArgumentParser
import Foundation
import GRDB
import ServiceKit

/// `inburgeringctl jobs replay ID…`: puts failed or dead jobs back to pending.
struct ReplayJob: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Put failed or dead jobs back to pending, their retry schedule from the start; their attempt log stays.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The ids of the jobs, as `jobs list` shows them.")
    var ids: [Int64]

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("name at least one job id") }
    }

    func run() throws {
        let database = try location.open()
        let now = Date()
        try database.write { db in
            let refused = try ids.filter { !(try JobRecord.replay($0, at: now, in: db)) }
            guard refused.isEmpty else {
                // Thrown inside the transaction: it rolls back, so either every job is replayed or none.
                throw CtlFailure(
                    "not replayed: \(refused.map(String.init).joined(separator: ", ")) (no such job, or not failed or dead); nothing was changed")
            }
        }
        print("replayed \(ids.count) job(s); the running service takes them up within a second")
    }
}
