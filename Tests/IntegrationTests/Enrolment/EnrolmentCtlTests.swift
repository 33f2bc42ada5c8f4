import Foundation
import Models
import Queue
import ServiceKit
import TestSupport
import Testing

/// The real enrolment on a queue fed with contract-monitor's, intake's and pip's events:
/// `inburgeringctl enrolment import-csv` names a bad row's line and column and takes
/// nothing; a keurmerk withdrawn while the provider holds people is signalled; `inburgeringctl
/// enrolment replace` proposes new placements, then carries them out.
@Suite struct EnrolmentCtlTests {
    @Test func aWithdrawnKeurmerkIsSignalledAndItsPeopleReplaced() async throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        let enrolment = try await RunningService("enrolment", stateDirectory: state, in: directory.path)
        defer { enrolment.child.signal(SIGKILL) }
        let queue = try DurableQueue(directory: state + "/queue")
        func publish(_ topic: String, _ event: some DomainEvent) async throws {
            let envelope = try EventEnvelope(event, source: "/inburgering/test/\(topic)", time: Date())
            _ = try await queue.topic(topic).publish(Array(try envelope.json()))
        }
        // The sample register, moved to today: keurmerken held, an instroommoment a month ahead.
        let today = LocalDate(Date())
        var register = RegisterSample.register
        for index in register.aanbieders.indices { register.aanbieders[index].bowKeurmerk = Keurmerk(status: .geldig, ingangsdatum: today.adding(years: -1)) }
        for index in register.contracten.indices {
            register.contracten[index].startdatum = today
            register.contracten[index].einddatum = today.adding(years: 2)
            register.contracten[index].verlengingen = []
            register.contracten[index].capaciteit = [.init(van: today, tot: today.adding(years: 1), plaatsen: 100)]
            register.contracten[index].instroommomenten = [.init(datum: today.adding(days: 30), plaatsen: 10)]
        }
        for aanbieder in register.aanbieders { try await publish("contract-monitor", AanbiederVastgelegd(versie: 1, reden: "import", aanbieder: aanbieder)) }
        for perceel in register.percelen { try await publish("contract-monitor", PerceelVastgelegd(versie: 1, reden: "import", perceel: perceel)) }
        for contract in register.contracten { try await publish("contract-monitor", ContractVastgelegd(versie: 1, reden: "import", contract: contract)) }
        let people = [InburgeraarID(), InburgeraarID()]
        for (person, bsn) in zip(people, ["123456782", "111222333"]) {
            try await publish("intake", IntakeAfgerond(
                inburgeraarId: person, gemeente: RegisterSample.zwolle, doelgroep: .asielstatushouder, afgerondOp: Date(),
                samenvatting: .init(opleidingsniveau: "mbo", werkervaringJaren: 2, taalniveau: .a1, leerbaarheidsscore: 70, hoofddoel: .werk, leeftijd: 30,
                                    huishoudenGrootte: 1),
                bsn: try BSN(bsn)))
        }
        for person in people {
            try await publish("pip", PipVastgesteld(
                pipId: "pip-\(UUID())", inburgeraarId: person, gemeente: RegisterSample.zwolle, doelgroep: .asielstatushouder, versie: 1,
                dagtekening: today, leerroute: .b1, niveau: .b1, uren: 600, onderdelen: Leerroute.b1.onderdelen, termijnEinddatum: today.adding(years: 3)))
        }
        let database = try ServiceDatabase.open(path: state + "/enrolment.sqlite", migrations: [])
        let klantmanager = ["Authorization": "Bearer \(try TokenStore(database: database).create(role: .klantmanager(RegisterSample.zwolle), label: "t").secret)"]
        let manager = try TokenStore(database: database).create(role: .contractmanager, label: "t").secret
        func plaatsingen() async throws -> [[String: Any]] {
            let body = try await enrolment.request("GET", "/api/v1/plaatsingen", headers: klantmanager).body
            return (try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]]) ?? []
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, try await plaatsingen().filter({ $0["status"] as? String == "aangemeld" }).count < 2 {
            try await Task.sleep(for: .milliseconds(100))
        }
        // Both are aangemeld: one at each provider, by the shares.
        let placed = try await plaatsingen()
        #expect(Set(placed.compactMap { $0["aanbiederId"] as? String }) == ["nltraining", "deltion"], "\(placed)")

        // NLtraining's reports: a bad row names its line and column and takes nothing; then the good file.
        let ctl = Binaries.path("inburgeringctl")
        let url = ["--url", "http://127.0.0.1:\(enrolment.port)"]
        let atNltraining = try #require(placed.first { $0["aanbiederId"] as? String == "nltraining" }?["inburgeraarId"] as? String)
        let bsn = atNltraining == people[0].description ? "123456782" : "111222333"
        try "bsn;periode;uren_gevolgd\n\(bsn);2027-01;12\n\(bsn);2027-02;veel\n".write(toFile: directory.path + "/bad.csv", atomically: true, encoding: .utf8)
        let providerToken = ["INBURGERING_TOKEN": try TokenStore(database: database).create(role: .aanbieder("nltraining"), label: "t").secret]
        let bad = try await runToEnd(ctl, ["enrolment", "import-csv", "bad.csv", "--aanbieder", "nltraining"] + url, environment: providerToken, in: directory.path)
        #expect(bad.status == 1 && bad.error.contains("bad.csv:3: uren_gevolgd: must be a whole number"), "\(bad.error)")
        try "bsn;periode;uren_gevolgd\n\(bsn);2027-01;12\n".write(toFile: directory.path + "/good.csv", atomically: true, encoding: .utf8)
        let good = try await runToEnd(ctl, ["enrolment", "import-csv", "good.csv", "--aanbieder", "nltraining"] + url, environment: providerToken, in: directory.path)
        #expect(good.status == 0 && good.output.contains("1 new or corrected"), "\(good.output)\(good.error)")

        var withdrawn = register.aanbieders[0]
        withdrawn.bowKeurmerk = Keurmerk(status: .ingetrokken, ingangsdatum: today, bron: .duo)
        try await publish("contract-monitor", AanbiederVastgelegd(versie: 2, reden: "DUO", aanbieder: withdrawn))
        try await publish("contract-monitor", KeurmerkGewijzigd(aanbiederId: "nltraining", soort: .bow, vorigeStatus: .geldig, keurmerk: withdrawn.bowKeurmerk))
        var signalled = false
        let signal = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < signal, !signalled {
            try await Task.sleep(for: .milliseconds(100))
            signalled = try queue.topic("enrolment").read(from: 0, maxCount: 100).contains { record in
                (try? EventEnvelope(json: Data(record.payload)).type) == HerplaatsingNodig.eventType.rawValue
            }
        }
        #expect(signalled, "the contractmanager is told nltraining's people need a new place")

        let environment = ["INBURGERING_TOKEN": manager]
        let proposal = try await runToEnd(ctl, ["enrolment", "replace", "--aanbieder", "nltraining"] + url, environment: environment, in: directory.path)
        #expect(proposal.status == 0 && proposal.output.contains("proposal for 1 placement(s)") && proposal.output.contains("deltion"), "\(proposal.output)\(proposal.error)")
        let refused = try await runToEnd(ctl, ["enrolment", "replace", "--aanbieder", "nltraining", "--apply"] + url, environment: environment, in: directory.path)
        #expect(refused.status != 0 && refused.error.contains("--reden"))
        let applied = try await runToEnd(
            ctl, ["enrolment", "replace", "--aanbieder", "nltraining", "--apply", "--reden", "keurmerk ingetrokken"] + url, environment: environment,
            in: directory.path)
        #expect(applied.status == 0 && applied.output.contains("re-placed 1 placement(s)"), "\(applied.output)\(applied.error)")
        let after = try await plaatsingen()
        #expect(after.filter { $0["status"] as? String == "overgeplaatst" }.count == 1)
        #expect(after.filter { $0["status"] as? String == "aangemeld" }.compactMap { $0["aanbiederId"] as? String } == ["deltion", "deltion"])
    }
}
