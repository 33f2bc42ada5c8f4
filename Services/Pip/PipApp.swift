import DUOConnection
import Foundation
import Models
import ServiceKit
import ServiceLifecycle

/// How the PIP service puts its parts together, for `main` and for tests.
enum PipApp {
    static let minimumScoreB1 = ServiceSetting(
        ConfigurationKey("pip.advies.minimum-score-b1", help: "The lowest leerbaarheidstoets score for which the B1-route is advised (region policy)."),
        defaultDescription: "50", default: { _, _ in "50" })
    static let maximumLeeftijdOnderwijs = ServiceSetting(
        ConfigurationKey("pip.advies.maximum-leeftijd-onderwijs", help: "The highest age at which the onderwijsroute is advised (region policy)."),
        defaultDescription: "28", default: { _, _ in "28" })

    static let routes: ServiceApplication.RouteInstaller = { router, document, dependencies in
        PipRoutes(store: try store(dependencies), database: dependencies.database).install(on: router, document: &document, tokens: dependencies.tokens)
    }

    static let voortgangsgesprekMaanden = ServiceSetting(
        ConfigurationKey("pip.voortgangsgesprek-maanden", help: "Months between voortgangsgesprekken with a person whose PIP is fixed (region policy)."),
        defaultDescription: "3", default: { _, _ in "3" })

    /// Completed intakes open draft PIPs; intake's PIP deadlines, DUO's term, moves and
    /// closed files keep the PIPs and their deadline schedule up to date.
    @Sendable static func subscriptions(_ dependencies: ServiceApplication.Dependencies) throws -> [EventSubscription] {
        let store = try store(dependencies)
        return [
            EventSubscription(topic: "intake")
                .on(IntakeAfgerond.self) { intake, _, db in try store.openDraft(for: intake, in: db) }
                .on(KoppelingOntvangen.self) { event, _, db in
                    try store.recordDeadline(event.voorlopigePipDeadline, for: event.inburgeraarId, gemeente: event.gemeente, from: "koppeling", in: db)
                }
                .on(KoppelingGewijzigd.self) { event, _, db in
                    try store.recordDeadline(event.voorlopigePipDeadline, for: event.inburgeraarId, gemeente: event.gemeente, from: "koppeling", in: db)
                }
                .on(PipTermijnGestart.self) { event, _, db in
                    try store.recordDeadline(event.pipDeadline, for: event.inburgeraarId, gemeente: event.gemeente, from: "duo", in: db)
                }
                .on(InburgeringstermijnGemeld.self) { event, _, db in try store.recordDuoTerm(event, in: db) }
                .on(Verhuisd.self) { event, _, db in try store.move(event, in: db) }
                .on(KoppelingIngetrokken.self) { event, _, db in try store.closeFile(of: event.inburgeraarId, in: db) }
                .on(DossierGecorrigeerd.self) { event, _, db in try store.closeFile(of: event.inburgeraarId, in: db) }
        ]
    }

    /// The OIN the region reports PIPs to DUO under.
    static let bronOIN = ServiceSetting(
        ConfigurationKey("duo.bron-oin", help: "The OIN the region reports PIPs to DUO under (bron, 20 characters)."),
        defaultDescription: "00000001001234567000 (the demo municipality)", default: { _, _ in "00000001001234567000" })

    /// The deadline scheduler; and the melder of PIP versions to DUO, when pip is connected to DUO.
    @Sendable static func background(_ dependencies: ServiceApplication.Dependencies) throws -> [any Service] {
        let scheduler = PipDeadlineScheduler(store: try store(dependencies), database: dependencies.database, logger: dependencies.logger)
        guard let client = try DuoConnection.client(dependencies.configuration) else { return [scheduler] }
        let bron = dependencies.configuration.value(of: bronOIN)
        guard bron.count == 20 else { throw ConfigurationError("duo.bron-oin must be an OIN of 20 characters") }
        return [scheduler, DuoPipMelder(client: client, database: dependencies.database, bron: bron, logger: dependencies.logger, now: { Date() })]
    }

    static func store(_ dependencies: ServiceApplication.Dependencies) throws -> PipStore {
        let configuration = dependencies.configuration
        func number(_ setting: ServiceSetting, _ range: ClosedRange<Int>) throws -> Int {
            let text = configuration.value(of: setting)
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError("invalid value '\(text)' for \(setting.key.flag) (\(setting.key.environmentVariable)): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        let policy = RouteAdvice.Policy(
            minimumScoreB1: try number(minimumScoreB1, 0...1000), maximumLeeftijdOnderwijs: try number(maximumLeeftijdOnderwijs, 16...80))
        return PipStore(
            outbox: dependencies.outbox, policy: policy, now: { Date() }, voortgangsgesprekMaanden: try number(voortgangsgesprekMaanden, 1...12))
    }
}
