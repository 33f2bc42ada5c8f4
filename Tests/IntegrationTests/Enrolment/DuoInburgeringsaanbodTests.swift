import DUO
import EnrolmentDomain
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Logging
import Models
@testable import Enrolment
import ServiceKit
import TestSupport
import Testing

/// What DUO must hear of a placement, against the simulator: a confirmed placement of an
/// asielstatushouder is an Inburgeringsaanbod at the provider's institution; its end
/// withdraws it; a melding that breaks one of DUO's rules is stopped before it is sent; and
/// the simulator keeps DUO's rules itself.
@Suite struct DuoInburgeringsaanbodTests {
    static let bsn = "123456782"
    static let seed = """
        {"personen": {
          "123456782": {"inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2026-11-01"},
                        "doelgroep": {"indeling": "Asielstatushouder"}},
          "222333443": {"doelgroep": {"indeling": "Gezinsmigrant en overige migrant"}}},
         "instellingen": [
          {"instellingsnummer": "DEMO000001", "naam": "NLtraining BV", "postcode": "8011AA", "huisnummer": "1", "plaatsnaam": "Zwolle", "indicatieBowKeurmerk": true},
          {"instellingsnummer": "DEMO000002", "naam": "Deltion", "postcode": "8017AA", "huisnummer": "2", "plaatsnaam": "Zwolle", "indicatieBowKeurmerk": true},
          {"instellingsnummer": "DEMO000009", "naam": "Zonder keurmerk", "postcode": "8017AA", "huisnummer": "9", "plaatsnaam": "Zwolle"}]}
        """

    /// Starts the simulator with a PIP registered for the asielstatushouder; returns it and its base URL.
    func simulator(in directory: TemporaryDirectory) async throws -> (ChildProcess, String) {
        try Self.seed.write(toFile: directory.path + "/seed.json", atomically: true, encoding: .utf8)
        let sim = try ChildProcess(Binaries.path("inburgering-duo-sim"), ["serve", "--seed", directory.path + "/seed.json"], in: directory.path)
        let base = try await DuoProcessingTests.address(of: sim)
        #expect(try await call(base, "POST", "/personen/\(Self.bsn)/PIP", #"{"dagtekeningPip":"2026-12-01","leerroute":"B"}"#).0 == 201)
        return (sim, base)
    }

    func call(_ base: String, _ method: String, _ path: String, _ body: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        for (name, value) in ["bron": "00000001001234567000", "doel": "00000001800866472000", "berichtId": UUID().uuidString, "Content-Type": "application/json"] {
            request.setValue(value, forHTTPHeaderField: name)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    @Test func theSimulatorKeepsDuosRulesForAnInburgeringsaanbod() async throws {
        let directory = try TemporaryDirectory()
        let (sim, base) = try await simulator(in: directory)
        defer { sim.signal(SIGKILL) }
        let aanbod = #"{"indicatorAlfabetiseringsonderwijs":"NVT","verwachteStartdatumOpleiding":"2027-01-11"}"#
        #expect(try await call(base, "POST", "/personen/\(Self.bsn)/Inburgeringsaanbod/DEMO000001", #"{"indicatorAlfabetiseringsonderwijs":"X"}"#).0 == 400)
        #expect(try await call(base, "POST", "/personen/999999990/Inburgeringsaanbod/DEMO000001", aanbod).0 == 404)
        let family = try await call(base, "POST", "/personen/222333443/Inburgeringsaanbod/DEMO000001", aanbod)
        #expect(family.0 == 403 && family.1.contains("alleen voor een asielstatushouder") && family.1.contains("geen PIP"))
        let noKeurmerk = try await call(base, "POST", "/personen/\(Self.bsn)/Inburgeringsaanbod/DEMO000009", aanbod)
        #expect(noKeurmerk.0 == 403 && noKeurmerk.1.contains("geen keurmerk"))
        let early = try await call(base, "POST", "/personen/\(Self.bsn)/Inburgeringsaanbod/DEMO000001", #"{"indicatorAlfabetiseringsonderwijs":"NVT","verwachteStartdatumOpleiding":"2026-11-15"}"#)
        #expect(early.0 == 403 && early.1.contains("voor de dagtekening"))
        #expect(try await call(base, "POST", "/personen/\(Self.bsn)/Inburgeringsaanbod/DEMO000001", aanbod).0 == 201)
        #expect(try await call(base, "DELETE", "/personen/\(Self.bsn)/Inburgeringsaanbod/DEMO000001").0 == 204)
        #expect(try await call(base, "DELETE", "/personen/\(Self.bsn)/Inburgeringsaanbod/DEMO000001").0 == 403)
    }

    @Test func aConfirmedPlacementIsAnAanbodAtDuoAndItsEndWithdrawsIt() async throws {
        let directory = try TemporaryDirectory()
        let (sim, base) = try await simulator(in: directory)
        defer { sim.signal(SIGKILL) }
        let harness = try ServiceHarness(enrolmentService, start: Date(timeIntervalSince1970: 1_798_761_600)) { try EnrolmentApp($0).parts() }
        let store = try EnrolmentApp(harness.dependencies).store
        let database = harness.dependencies.database
        let client = try DuoClient(configuration: DuoClientConfiguration(baseURL: base, duoOIN: "00000001800866472000", maxAttempts: 2, firstBackoff: .milliseconds(50)))
        let job = DuoAanbodJob(
            client: client, meldingen: store.duo, database: database, bron: "00000001001234567000", logger: Logger(label: "test"), store: store)
        let runner = JobRunner(handlers: job.handlers, jobs: harness.dependencies.jobs, database: database, logger: Logger(label: "test"), unit: { 0.5 })
        let person = InburgeraarID()
        let id = try await database.write { db in
            for aanbieder in RegisterSample.register.aanbieders { try store.recordRegister("aanbieder", id: aanbieder.id, versie: 1, inhoud: aanbieder, in: db) }
            for perceel in RegisterSample.register.percelen { try store.recordRegister("perceel", id: perceel.id, versie: 1, inhoud: perceel, in: db) }
            for contract in RegisterSample.register.contracten { try store.recordRegister("contract", id: contract.id, versie: 1, inhoud: contract, in: db) }
            try store.recordPersoon(person, bsn: try BSN(Self.bsn), in: db)
            try store.vraag(
                Plaatsingsvraag(inburgeraarId: person, pipId: "pip-1", gemeente: RegisterSample.zwolle, doelgroep: .asielstatushouder, leerroute: .b1,
                                dagtekening: RegisterSample.day),
                in: db)
            let id = try store.lopende(of: person, in: db)!.id
            _ = try store.beantwoord(id, .init(antwoord: .bevestigd, startdatum: RegisterSample.day.adding(days: 10)), door: "nltraining", auteur: "tok_x", in: db)
            return id
        }
        _ = try await database.write { db in
            try store.ontvang([("plaatsingId", .plaatsing(id), Rapportage(periode: "2027-01", urenGevolgd: 16))], van: "nltraining", bron: "webhook", in: db)
        }
        _ = try await runner.runDue()
        var page = try #require(try await database.read { db in try store.plaatsing(id, withSteps: true, in: db) })
        #expect(page.duoMeldingen?.map(\.status) == ["geregistreerd"], "\(String(describing: page.duoMeldingen))")
        let uren = try await URLSession.shared.data(from: URL(string: base.replacing("/v1", with: "") + "/_sim/personen/\(Self.bsn)/uren")!).0
        #expect(String(decoding: uren, as: UTF8.self) == #"{"participatietaalles":16}"#, "DUO holds the cumulative hours")
        let registered = try await URLSession.shared.data(from: URL(string: base.replacing("/v1", with: "") + "/_sim/personen/\(Self.bsn)/Inburgeringsaanbod")!).0
        #expect(String(decoding: registered, as: UTF8.self).contains("DEMO000001"))

        try await database.write { db in _ = try store.herplaats(weg: "nltraining", reden: "keurmerk ingetrokken", auteur: "tok_cm", in: db) }
        _ = try await runner.runDue()
        page = try #require(try await database.read { db in try store.plaatsing(id, withSteps: true, in: db) })
        #expect(page.duoMeldingen?.map { "\($0.actie):\($0.status)" } == ["aanmelden:geregistreerd", "intrekken:geregistreerd"])
        let after = try await URLSession.shared.data(from: URL(string: base.replacing("/v1", with: "") + "/_sim/personen/\(Self.bsn)/Inburgeringsaanbod")!).0
        #expect(!String(decoding: after, as: UTF8.self).contains("DEMO000001"), "withdrawn at DUO")
        try await client.shutdown()
    }
}
