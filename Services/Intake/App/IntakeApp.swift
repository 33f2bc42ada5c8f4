import DUOConnection
import Foundation
import Hummingbird
import ServiceKit
import ServiceLifecycle

/// The intake service's parts, built once from its dependencies: one store, settings
/// checked once. For `main` and for tests.
struct IntakeApp {
    let dependencies: ServiceApplication.Dependencies
    let settings: IntakeSettings
    let store: DossierStore
    let notificaties: DuoNotificatieStore

    init(_ dependencies: ServiceApplication.Dependencies) throws {
        self.dependencies = dependencies
        settings = try IntakeSettings(dependencies.configuration)
        store = DossierStore(outbox: dependencies.outbox, cipher: settings.cipher, clock: dependencies.clock)
        notificaties = DuoNotificatieStore(jobs: dependencies.jobs)
    }

    /// The case workers' and operators' routes, and DUO's notification route.
    func installRoutes(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument) {
        IntakeRoutes(store: store, auditTrail: AuditTrail(clock: dependencies.clock), database: dependencies.database, gemeenten: settings.gemeenten)
            .install(on: router, document: &document, tokens: dependencies.tokens)
        DuoNotificatieRoute(
            database: dependencies.database, notificaties: notificaties, duoOIN: settings.duoOIN, doelOINs: settings.doelOINs,
            logger: dependencies.logger
        ).install(on: router, document: &document, tokens: dependencies.tokens)
    }

    /// COA's webhooks.
    var webhooks: WebhookHandlers { CoaWebhooks.handlers(store: store, gemeenten: settings.gemeenten) }

    /// Everything the launcher runs: routes, COA's webhooks and, when intake is connected to
    /// DUO, the job that handles DUO's notifications.
    func parts() throws -> ServiceParts {
        var parts = ServiceParts(routes: { router, document, _ in installRoutes(on: router, document: &document) }, webhooks: webhooks)
        if let client = try DuoConnection.client(dependencies.configuration) {
            parts.jobs = DuoNotificatieJob(
                client: client, store: store, notificaties: notificaties, database: dependencies.database, logger: dependencies.logger
            ).handlers
            parts.background = [DuoClientLifetime(client)]
        }
        return parts
    }
}
