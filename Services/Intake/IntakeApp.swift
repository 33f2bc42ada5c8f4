import Foundation
import ServiceKit

/// How the intake service puts its parts together, for `main` and for tests.
enum IntakeApp {
    /// The case workers' and operators' routes.
    static let routes: ServiceApplication.RouteInstaller = { router, document, dependencies in
        IntakeRoutes(store: store(dependencies), database: dependencies.database).install(on: router, document: &document, tokens: dependencies.tokens)
    }

    /// COA's webhooks.
    @Sendable static func webhooks(_ dependencies: ServiceApplication.Dependencies) -> WebhookHandlers {
        IntakeWebhooks.handlers(store: store(dependencies), gemeenten: dependencies.configuration.gemeenten)
    }

    private static func store(_ dependencies: ServiceApplication.Dependencies) -> DossierStore {
        DossierStore(outbox: dependencies.outbox, now: { Date() })
    }
}
