import DUO
import Foundation
import GRDB
import Logging
import Models
@testable import Pip
import PipDomain
import ServiceKit
import TestSupport
import Testing

/// A fixed PIP goes to DUO as a durable job, and DUO's answer — registered, refused with its
/// fouttekst, or not taken at all — is shown on the PIP; DUO's 503s only delay. Against the
/// simulator.
@Suite struct DuoPipMeldingTests {
    static let seed = """
        {"personen": {
          "123456782": {"inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2026-11-01"}},
          "222333443": {"inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2027-06-01"}},
          "333444553": {"inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2026-11-01"}}
        }}
        """

    /// A pip database with PIPs fixed on 2027-01-01 for `bsns`, the simulator, and a runner for the melding jobs.
    struct Setup {
        let directory: TemporaryDirectory
        let sim: ChildProcess
        let database: DatabasePool
        let store: PipStore
        let runner: JobRunner
        let client: DuoClient
        let clock = ManualClock(Date(timeIntervalSince1970: 1_798_761_600))  // 2027-01-01
        let ids: [String]

        init(bsns: [String], failFirst: Int = 0) async throws {
            directory = try TemporaryDirectory()
            try DuoPipMeldingTests.seed.write(toFile: directory.path + "/seed.json", atomically: true, encoding: .utf8)
            sim = try ChildProcess(
                Binaries.path("inburgering-duo-sim"), ["serve", "--seed", directory.path + "/seed.json", "--fail-first", String(failFirst)],
                in: directory.path)
            let base = try await DuoProcessingTests.address(of: sim)
            database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
            let jobs = JobQueue(clock: clock)
            store = PipStore(outbox: Outbox(source: "/inburgering/test/pip"), jobs: jobs, policy: .init())
            var ids: [String] = []
            for bsn in bsns {
                let intake = IntakeAfgerond(
                    inburgeraarId: InburgeraarID(), gemeente: try GemeenteCode("GM0193"), doelgroep: .asielstatushouder, afgerondOp: Date(),
                    samenvatting: .init(opleidingsniveau: "mbo", werkervaringJaren: 3, taalniveau: .a1, leerbaarheidsscore: 30, hoofddoel: .werk,
                                        leeftijd: 30, huishoudenGrootte: 1),
                    bsn: try BSN(bsn))
                ids.append(try await database.write { [store] db in
                    try store.openDraft(for: intake, in: db)
                    let id = try String.fetchOne(db, sql: "SELECT id FROM pip WHERE bsn = ?", arguments: [bsn])!
                    try store.choose(PipKeuze(bijstand: false), for: id, in: db)
                    _ = try store.fix(id, by: "tok_1", in: db)
                    return id
                })
            }
            self.ids = ids
            client = try DuoClient(configuration: DuoClientConfiguration(
                baseURL: base, duoOIN: "00000001800866472000", maxAttempts: 2, firstBackoff: .milliseconds(50)))
            let job = DuoPipMeldingJob(client: client, meldingen: DuoPipMeldingen(), database: database, bron: "00000001001234567000", logger: Logger(label: "test"))
            runner = JobRunner(handlers: job.handlers, jobs: jobs, database: database, logger: Logger(label: "test"), unit: { 0.5 })
        }

        /// Closes the client and stops the simulator.
        func finish() async throws {
            try await client.shutdown()
            sim.signal(SIGKILL)
        }

        func melding(_ index: Int) throws -> PipStore.DuoMeldingStatus? {
            try database.read { db in try store.pip(ids[index], in: db)?.duoMelding }
        }

        func job(_ index: Int) throws -> JobRecord? {
            try database.read { db in try JobRecord.find(kind: DuoPipMeldingen.kind, key: "\(ids[index])/1", in: db) }
        }
    }

    @Test func fixedPipsAreReportedAndDuosAnswerIsShownAfterItsOutage() async throws {
        // Three 503s, two tries per call: one of the two meldingen finds DUO away.
        let setup = try await Setup(bsns: ["123456782", "222333443"], failFirst: 3)
        try await setup.runner.runDue()
        #expect(try [setup.melding(0), setup.melding(1)].filter { $0?.status == "open" }.count == 1, "DUO's 503s only delay")
        #expect(try [setup.job(0), setup.job(1)].filter { $0?.status == .pending }.count == 1)
        setup.clock.advance(by: 60)
        try await setup.runner.runDue()
        #expect(try setup.melding(0) == .init(status: "geregistreerd", fouten: nil))
        let refused = try #require(try setup.melding(1))
        #expect(refused.status == "geweigerd")
        #expect(refused.fouten?.first?.contains("inburgeringsplicht") == true)
        #expect(try setup.job(1)?.status == .done, "DUO answered: the job is done, the refusal is the klantmanager's to act on")
        try await setup.finish()
    }

    /// DUO's 404 (a person DUO does not know) or 400 (a melding it cannot read) is final: it
    /// is recorded with what it means (DUO's PIP API gives these without a fouttekst), the job
    /// fails for the operator to see, and the meldingen after it go out in the same round.
    @Test func aMeldingDuoCannotTakeIsRecordedAndHoldsUpNoOther() async throws {
        let setup = try await Setup(bsns: ["111222333", "333444553", "123456782"])
        try await setup.database.write { db in
            try db.execute(
                sql: "UPDATE duo_melding SET melding = ? WHERE pip_id = ?",
                arguments: [#"{"dagtekeningPip":"2027-01-01","leerroute":"X"}"#, setup.ids[1]])
        }
        #expect(try await setup.runner.runDue() == 3)
        let unknown = try #require(try setup.melding(0))
        #expect(unknown.status == "mislukt")
        #expect(unknown.fouten == ["DUO kent geen inburgeringsplichtige met dit BSN (404)."], "DUO's 404 has no body: the client says what it means")
        #expect(try setup.job(0)?.status == .failed && setup.job(0)?.failureCode == "duo-404")
        let malformed = try #require(try setup.melding(1))
        #expect(malformed.status == "mislukt" && malformed.fouten == ["DUO vond de melding niet volgens de PIP-API (400)."])
        #expect(try setup.job(1)?.failureCode == "duo-400")
        #expect(try setup.melding(2)?.status == "geregistreerd", "the melding after them went out in the same round")
        try await setup.finish()
    }
}
