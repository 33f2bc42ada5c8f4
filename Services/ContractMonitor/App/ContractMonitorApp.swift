import ContractMonitorDomain
import DUOConnection
import Foundation
import Logging
import Hummingbird
import ServiceKit
import ServiceLifecycle

/// Contract-monitor's parts, built once from its dependencies: the register's store, its
/// rules for the region, and — when connected to DUO — the sync with DUO's list of
/// institutions. For `main` and for tests, which may give their own ``InstellingenBron``.
struct ContractMonitorApp {
    let dependencies: ServiceApplication.Dependencies
    let settings: ContractMonitorSettings
    let store: RegisterStore
    let validatie: RegisterValidatie

    init(_ dependencies: ServiceApplication.Dependencies) throws {
        self.dependencies = dependencies
        settings = try ContractMonitorSettings(dependencies.configuration)
        store = RegisterStore(outbox: dependencies.outbox, clock: dependencies.clock)
        validatie = RegisterValidatie(regio: dependencies.configuration.gemeenten)
    }

    /// The sync with DUO's list from `bron`.
    func sync(_ bron: InstellingenBron) -> InstellingenSync {
        InstellingenSync(bron: bron, store: store, instellingen: DuoInstellingenStore(), database: dependencies.database, logger: dependencies.logger)
    }

    /// Everything the launcher runs. `bron` replaces DUO (tests); without either, the
    /// register does not check instellingsnummers and has no sync.
    func parts(bron: InstellingenBron? = nil) throws -> ServiceParts {
        var parts = ServiceParts()
        var background: [any Service] = []
        var bron = bron
        if bron == nil, let client = try DuoConnection.client(dependencies.configuration) {
            bron = .duo(client, bron: settings.bronOIN)
            background.append(DuoClientLifetime(client))
        }
        let sync = bron.map(sync)
        if let sync {
            parts.jobs = sync.handlers
            background.insert(
                InstellingenSchedule(interval: settings.syncInterval, jobs: dependencies.jobs, database: dependencies.database, logger: dependencies.logger),
                at: 0)
        } else {
            dependencies.logger.warning("not connected to DUO (duo.base-url is empty): instellingsnummers are not checked and DUO's list is not read")
        }
        let routes = RegisterRoutes(store: store, database: dependencies.database, validatie: validatie, instellingen: sync, jobs: dependencies.jobs)
        parts.routes = { router, document, dependencies in routes.install(on: router, document: &document, tokens: dependencies.tokens) }
        parts.background = background
        return parts
    }
}
