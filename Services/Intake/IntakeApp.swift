import DUOConnection
import Foundation
import ServiceKit
import ServiceLifecycle

/// How the intake service puts its parts together, for `main` and for tests.
enum IntakeApp {
    /// The case workers' and operators' routes.
    static let routes: ServiceApplication.RouteInstaller = { router, document, dependencies in
        IntakeRoutes(store: try store(dependencies), database: dependencies.database, gemeenten: dependencies.configuration.gemeenten)
            .install(on: router, document: &document, tokens: dependencies.tokens)
        let configuration = dependencies.configuration
        let doel = configuration.value(of: DuoNotificatieRoute.doelOINsSetting).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard doel.allSatisfy({ $0.count == 20 }), configuration.value(of: DuoConnection.duoOIN).count == 20 else {
            throw ConfigurationError("duo.oin and duo.doel-oins must be OINs of 20 characters")
        }
        DuoNotificatieRoute(
            database: dependencies.database, duoOIN: configuration.value(of: DuoConnection.duoOIN), doelOINs: Set(doel),
            logger: dependencies.logger, now: { Date() }
        ).install(on: router, document: &document, tokens: dependencies.tokens)
    }

    /// COA's webhooks.
    @Sendable static func webhooks(_ dependencies: ServiceApplication.Dependencies) throws -> WebhookHandlers {
        IntakeWebhooks.handlers(store: try store(dependencies), gemeenten: dependencies.configuration.gemeenten)
    }

    /// The DUO notification processor, when intake is connected to DUO.
    @Sendable static func background(_ dependencies: ServiceApplication.Dependencies) throws -> [any Service] {
        guard let client = try DuoConnection.client(dependencies.configuration) else { return [] }
        return [DuoNotificationProcessor(client: client, store: try store(dependencies), database: dependencies.database, logger: dependencies.logger)]
    }

    /// The store, with the health key this configuration names: a key in the state
    /// directory is made on first start; a named or credential one must exist.
    private static func store(_ dependencies: ServiceApplication.Dependencies) throws -> DossierStore {
        let configuration = dependencies.configuration
        let path = configuration.value(of: HealthCipher.keyFile)
        let cipher = try HealthCipher(keyFile: path, making: path == configuration.stateDirectory + "/intake-health.key")
        return DossierStore(outbox: dependencies.outbox, cipher: cipher, now: { Date() })
    }
}
