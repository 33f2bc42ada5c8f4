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
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                while try await database.write({ [store] db in try store.fireDueSignals(limit: Self.batch, in: db) }) == Self.batch {}
            } catch {
                logger.error("sending deadline signals failed; trying again", metadata: ["error.type": "\(type(of: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
        }
    }
}
