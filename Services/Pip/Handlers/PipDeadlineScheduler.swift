import Foundation
import GRDB
import Logging
import ServiceKit
import ServiceLifecycle

/// Sends the deadline signals that are due, at start and then every ``interval``: deadlines
/// count in days, so a minute late is on time. The schedule lives in the database.
struct PipDeadlineScheduler: Service {
    let store: PipStore
    let database: DatabasePool
    let logger: Logger
    static let interval: Duration = .seconds(60)
    static let batch = 200

    func run() async throws {
        await repeatUntilShutdown(every: Self.interval, logger: logger, failure: "sending deadline signals failed; trying again") {
            while try await database.write({ [store] db in try store.fireDueSignals(limit: Self.batch, in: db) }) == Self.batch {}
        }
    }
}
