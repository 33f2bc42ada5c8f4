import DUO
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
        guard doel.allSatisfy({ $0.count == 20 }), configuration.value(of: DuoNotificatieRoute.duoOINSetting).count == 20 else {
            throw ConfigurationError("duo.oin and duo.doel-oins must be OINs of 20 characters")
        }
        DuoNotificatieRoute(
            database: dependencies.database, duoOIN: configuration.value(of: DuoNotificatieRoute.duoOINSetting), doelOINs: Set(doel),
            logger: dependencies.logger, now: { Date() }
        ).install(on: router, document: &document, tokens: dependencies.tokens)
    }

    /// COA's webhooks.
    @Sendable static func webhooks(_ dependencies: ServiceApplication.Dependencies) throws -> WebhookHandlers {
        IntakeWebhooks.handlers(store: try store(dependencies), gemeenten: dependencies.configuration.gemeenten)
    }

    /// Where DUO is, and the region's certificate for it (systemd credentials by default).
    static let duoBaseURL = ServiceSetting(
        ConfigurationKey("duo.base-url", help: "DUO's base URL with the API's major version, e.g. https://…/v1; empty: notifications are stored but not yet handled."),
        defaultDescription: "empty", default: { _, _ in "" })
    static let duoCertificateFile = credential("duo.client-certificate-file", "duo-certificate", "The region's PKIoverheid client certificate for DUO (PEM).")
    static let duoKeyFile = credential("duo.client-key-file", "duo-key", "The key of that certificate (PEM).")
    static let duoCAFile = credential("duo.ca-file", "duo-ca", "The CA bundle that signs DUO's server certificate (PEM).")

    private static func credential(_ key: String, _ name: String, _ help: String) -> ServiceSetting {
        ServiceSetting(
            ConfigurationKey(key, help: help), defaultDescription: "$CREDENTIALS_DIRECTORY/\(name) if it exists, else none",
            default: { _, environment in
                environment["CREDENTIALS_DIRECTORY"].map { $0 + "/" + name }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } ?? ""
            })
    }

    /// The DUO notification processor, when a DUO base URL is configured.
    @Sendable static func background(_ dependencies: ServiceApplication.Dependencies) throws -> [any Service] {
        let configuration = dependencies.configuration
        let baseURL = configuration.value(of: duoBaseURL)
        guard !baseURL.isEmpty else { return [] }
        func file(_ setting: ServiceSetting) -> String? {
            let path = configuration.value(of: setting)
            return path.isEmpty ? nil : path
        }
        let client: DuoClient
        do {
            client = try DuoClient(configuration: DuoClientConfiguration(
                baseURL: baseURL, duoOIN: configuration.value(of: DuoNotificatieRoute.duoOINSetting),
                certificateFile: file(duoCertificateFile), keyFile: file(duoKeyFile), caFile: file(duoCAFile)))
        } catch {
            throw ConfigurationError(error.description)
        }
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
