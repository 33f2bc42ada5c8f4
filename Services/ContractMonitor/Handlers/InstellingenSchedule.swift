import Foundation
import GRDB
import Logging
import ServiceKit
import ServiceLifecycle

/// Enqueues a sync with DUO's list of institutions at start and once every `interval`: the
/// job's key is the interval's slot, so a restart within one does not sync twice.
struct InstellingenSchedule: Service {
    let interval: Duration
    let jobs: JobQueue
    let database: DatabasePool
    let logger: Logger

    func run() async throws {
        let seconds = Double(interval.components.seconds)
        await repeatUntilShutdown(every: .seconds(60), logger: logger, failure: "scheduling the sync with DUO's list failed; trying again") {
            let slot = Int(jobs.clock.now().timeIntervalSince1970 / seconds)
            try await database.write { [jobs] db in try InstellingenSync.enqueue(key: "schema-\(slot)", jobs: jobs, in: db) }
        }
    }
}
