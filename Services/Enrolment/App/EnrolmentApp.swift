import DUOConnection
import Foundation
import Hummingbird
import ServiceKit
import ServiceLifecycle

/// Enrolment's parts, built once from its dependencies. For `main` and for tests.
struct EnrolmentApp {
    let dependencies: ServiceApplication.Dependencies
    let settings: EnrolmentSettings
    let store: EnrolmentStore

    init(_ dependencies: ServiceApplication.Dependencies) throws {
        self.dependencies = dependencies
        settings = try EnrolmentSettings(dependencies.configuration)
        store = EnrolmentStore(outbox: dependencies.outbox, jobs: dependencies.jobs, kluis: settings.kluis)
    }

    /// Everything the launcher runs: the routes, contract-monitor's, pip's and intake's
    /// events, the providers' webhooks and, when connected to DUO, the job that tells DUO
    /// of each Inburgeringsaanbod.
    func parts() throws -> ServiceParts {
        let routes = EnrolmentRoutes(store: store, database: dependencies.database, auditTrail: AuditTrail(clock: dependencies.clock))
        var parts = ServiceParts(
            routes: { router, document, dependencies in routes.install(on: router, document: &document, tokens: dependencies.tokens) },
            subscriptions: [RegisterEvents.subscription(store: store), PipEvents.subscription(store: store), IntakeEvents.subscription(store: store)],
            webhooks: AanbiederWebhooks.handlers(store: store))
        if let client = try DuoConnection.client(dependencies.configuration) {
            parts.jobs = DuoAanbodJob(
                client: client, meldingen: store.duo, database: dependencies.database, bron: try DuoConnection.bron(dependencies.configuration),
                logger: dependencies.logger, store: store
            ).handlers
            parts.background = [DuoClientLifetime(client)]
        }
        return parts
    }
}
