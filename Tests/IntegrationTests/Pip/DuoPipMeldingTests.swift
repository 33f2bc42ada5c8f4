import DUO
import Foundation
import GRDB
import Logging
import Models
@testable import Pip
import ServiceKit
import ServiceLifecycle
import Synchronization
import Testing

/// A fixed PIP goes to DUO from the melding table, and DUO's answer — registered, or refused
/// with its fouttekst — is shown on the PIP; DUO's 503s only delay. Against the simulator.
@Suite struct DuoPipMeldingTests {
    static let seed = """
        {"personen": {
          "123456782": {"inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2026-11-01"}},
          "222333443": {"inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2027-06-01"}}
        }}
        """

    @Test func fixedPipsAreReportedAndDuosAnswerIsShown() async throws {
        let directory = try TemporaryDirectory()
        try Self.seed.write(toFile: directory.path + "/seed.json", atomically: true, encoding: .utf8)
        let sim = try ChildProcess(Binaries.path("inburgering-duo-sim"), ["serve", "--seed", directory.path + "/seed.json", "--fail-first", "3"], in: directory.path)
        defer { sim.signal(SIGKILL) }
        let base = try await DuoProcessingTests.address(of: sim)

        let database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
        let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_798_761_600) }  // 2027-01-01
        let store = PipStore(outbox: Outbox(source: "/inburgering/test/pip"), policy: .init(), now: clock)
        var ids: [String] = []
        for bsn in ["123456782", "222333443"] {
            let intake = IntakeAfgerond(
                inburgeraarId: InburgeraarID(), gemeente: try GemeenteCode("GM0193"), doelgroep: .asielstatushouder, afgerondOp: Date(),
                samenvatting: .init(opleidingsniveau: "mbo", werkervaringJaren: 3, taalniveau: .a1, leerbaarheidsscore: 30, hoofddoel: .werk,
                                    leeftijd: 30, huishoudenGrootte: 1),
                bsn: try BSN(bsn))
            ids.append(try await database.write { db in
                try store.openDraft(for: intake, in: db)
                let id = try String.fetchOne(db, sql: "SELECT id FROM pip WHERE bsn = ?", arguments: [bsn])!
                try store.choose(PipKeuze(bijstand: false), for: id, in: db)
                _ = try store.fix(id, by: "tok_1", in: db)
                return id
            })
        }

        let client = try DuoClient(configuration: DuoClientConfiguration(baseURL: base, duoOIN: "00000001800866472000", maxAttempts: 2, firstBackoff: .milliseconds(50)))
        let melder = DuoPipMelder(client: client, database: database, bron: "00000001001234567000", logger: Logger(label: "test"), now: { Date() })
        let group = ServiceGroup(services: [melder], logger: Logger(label: "test"))
        let task = Task { try await group.run() }
        let deadline = ContinuousClock.now + .seconds(60)
        let fixedIds = ids
        func statuses() throws -> [String?] { try database.read { db in try fixedIds.map { try store.pip($0, in: db)?.duoMelding?.status } } }
        while try statuses().contains("open") && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        await group.triggerGracefulShutdown()
        try await task.value

        let first = try #require(try await database.read { try store.pip(fixedIds[0], in: $0) })
        #expect(first.duoMelding == .init(status: "geregistreerd", fouten: nil), "after DUO's 503s")
        let second = try #require(try await database.read { try store.pip(fixedIds[1], in: $0) })
        #expect(second.duoMelding?.status == "geweigerd")
        #expect(second.duoMelding?.fouten?.first?.contains("inburgeringsplicht") == true)
    }
}
