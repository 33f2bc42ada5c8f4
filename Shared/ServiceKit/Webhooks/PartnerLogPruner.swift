import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Prunes partners' delivery log entries older than ``keep``, at start and then hourly.
struct PartnerLogPruner: Service {
    let database: DatabasePool
    let clock: any ServiceClock
    let logger: Logger
    /// How long partners' delivery log entries are kept.
    static let keep: TimeInterval = 90 * 24 * 3600

    func run() async throws {
        await repeatUntilShutdown(every: .seconds(3600), logger: logger, failure: "pruning the partners' delivery log failed; trying again") {
            _ = try PartnerRegistry(database: database).pruneLog(before: clock.now().addingTimeInterval(-Self.keep))
        }
    }
}
