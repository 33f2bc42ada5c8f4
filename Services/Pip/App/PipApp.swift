import DUOConnection
import Foundation
import Hummingbird
import ServiceKit
import ServiceLifecycle

/// The PIP service's parts, built once from its dependencies: one store, settings checked
/// once. For `main` and for tests.
struct PipApp {
    let dependencies: ServiceApplication.Dependencies
    let settings: PipSettings
    let store: PipStore

    init(_ dependencies: ServiceApplication.Dependencies) throws {
        self.dependencies = dependencies
        settings = try PipSettings(dependencies.configuration)
        store = PipStore(
            outbox: dependencies.outbox, jobs: dependencies.jobs, policy: settings.policy, voortgangsgesprekMaanden: settings.voortgangsgesprekMaanden)
    }

    /// The case workers' routes.
    func installRoutes(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument) {
        PipRoutes(store: store, database: dependencies.database).install(on: router, document: &document, tokens: dependencies.tokens)
    }

    /// Everything the launcher runs: routes, intake's events, the deadline scheduler and,
    /// when pip is connected to DUO, the job that reports fixed versions to DUO.
    func parts() throws -> ServiceParts {
        let database = dependencies.database
        var parts = ServiceParts(
            routes: { router, document, _ in installRoutes(on: router, document: &document) },
            subscriptions: [IntakeEvents.subscription(store: store), EnrolmentEvents.subscription(store: store)],
            background: [PipDeadlineScheduler(store: store, database: database, logger: dependencies.logger)])
        if let client = try DuoConnection.client(dependencies.configuration) {
            parts.jobs = DuoPipMeldingJob(
                client: client, meldingen: DuoPipMeldingen(), database: database, bron: settings.bronOIN, logger: dependencies.logger
            ).handlers
            parts.background.append(DuoClientLifetime(client))
        }
        return parts
    }
}
