import Foundation
import Hummingbird
import ServiceKit

/// Enrolment's parts, built once from its dependencies. For `main` and for tests.
struct EnrolmentApp {
    let dependencies: ServiceApplication.Dependencies
    let store: EnrolmentStore

    init(_ dependencies: ServiceApplication.Dependencies) {
        self.dependencies = dependencies
        store = EnrolmentStore(outbox: dependencies.outbox, jobs: dependencies.jobs)
    }

    /// Everything the launcher runs: the routes, contract-monitor's and pip's events, and
    /// the providers' webhooks.
    func parts() -> ServiceParts {
        let routes = EnrolmentRoutes(store: store, database: dependencies.database)
        return ServiceParts(
            routes: { router, document, dependencies in routes.install(on: router, document: &document, tokens: dependencies.tokens) },
            subscriptions: [RegisterEvents.subscription(store: store), PipEvents.subscription(store: store)],
            webhooks: AanbiederWebhooks.handlers(store: store))
    }
}
