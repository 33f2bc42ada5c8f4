public import Logging
import ServiceLifecycle

/// Runs `round` now and then every `interval` until the service group shuts down gracefully
/// (the pause ends at once then). A round that throws is logged as `failure` with the error's
/// type only, never its text, and the next round tries again: the work it left stays due in
/// the database. For background services that poll the database for due rows.
public func repeatUntilShutdown(
    every interval: Duration, logger: Logger, failure: Logger.Message, _ round: () async throws -> Void
) async {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
        do {
            try await round()
        } catch {
            logger.error(failure, metadata: ["error.type": "\(type(of: error))"])
        }
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
    }
}
