import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Models
import Queue
import ServiceKit
import TestSupport
import Testing

/// The chain from a completed intake to DUO with real processes on one queue: intake, pip
/// and DUO's simulator. The draft survives a SIGKILL of pip; fixing publishes one
/// `pip.vastgesteld`; DUO is down when the PIP is fixed and pip is killed again; once DUO is
/// back it has exactly one melding, and the PIP shows DUO's answer.
@Suite struct ChainToDuoTests {
    static let seed = """
        {"personen": {"123456782": {
          "inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2026-11-01"},
          "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"}}}}
        """

    @Test func aFixedPipReachesDuoOnceThroughRestartsAndAnOutage() async throws {
        let directory = try TemporaryDirectory()
        let seedFile = directory.path + "/seed.json"
        try Self.seed.write(toFile: seedFile, atomically: true, encoding: .utf8)
        let sim = { (port: Int) in try ChildProcess(Binaries.path("inburgering-duo-sim"), ["serve", "--seed", seedFile, "--port", "\(port)"], in: directory.path) }
        // A port for DUO, learnt from a first simulator that then goes away: DUO is down.
        let first = try sim(0)
        let base = try await DuoProcessingTests.address(of: first)
        first.signal(SIGKILL)
        _ = try await first.waitForExit()
        let duoPort = try #require(Int(base.split(separator: ":").last?.split(separator: "/").first ?? ""))

        let region = try await IntakeRegion(directory: directory)
        defer { region.intake.child.signal(SIGKILL) }
        let state = directory.path + "/state"
        let startPip = { try await RunningService("pip", stateDirectory: state, in: directory.path, extraArguments: ["--duo-base-url", base]) }
        var pip = try await startPip()
        defer { pip.child.signal(SIGKILL) }
        let token = try TokenStore(database: try ServiceDatabase.open(path: state + "/pip.sqlite", migrations: []))
            .create(role: .klantmanager(try GemeenteCode("GM0193")), label: "zwolle").secret
        let auth = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        func pips() async throws -> [[String: Any]] {
            let listed = try await pip.request("GET", "/api/v1/pips", headers: auth)
            return (try JSONSerialization.jsonObject(with: Data(listed.body.utf8)) as? [[String: Any]]) ?? []
        }

        #expect(try await region.post("coa.koppeling.aangemaakt", IntakeKoppelingTests.koppeling()).status == 202)
        let person = try #require(try await region.caseload(region.zwolle, count: 1).first?["id"] as? String)
        try await region.completeIntake(person)
        let listed = try await pip.awaitItems("/api/v1/pips", headers: auth)
        let pipId = try #require(listed.first?["id"] as? String)
        #expect((listed.first?["advies"] as? [String: Any])?["route"] as? String == "b1")

        pip.child.signal(SIGKILL)
        _ = try await pip.child.waitForExit()
        pip = try await startPip()
        #expect(try await pips().count == 1, "the draft survives, once")

        #expect(try await pip.request("PUT", "/api/v1/pips/\(pipId)", body: #"{"uren":600,"bijstand":false}"#, headers: auth).status == 200)
        let fixed = try await pip.request("POST", "/api/v1/pips/\(pipId)/vaststellen", headers: auth)
        #expect(fixed.status == 200, "\(fixed.body)")
        #expect(fixed.body.contains(#""duoMelding":{"status":"open"}"#))
        pip.child.signal(SIGKILL)
        _ = try await pip.child.waitForExit()
        pip = try await startPip()
        _ = try await pip.child.waitForLogLine(containing: "DUO did not take a PIP melding; it waits")
        #expect(try await pip.request("GET", "/api/v1/pips/\(pipId)", headers: auth).body.contains(#""duoMelding":{"status":"open"}"#))

        let duo = try sim(duoPort)
        defer { duo.signal(SIGKILL) }
        _ = try await DuoProcessingTests.address(of: duo)
        var body = ""
        let meldingDeadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < meldingDeadline {
            body = try await pip.request("GET", "/api/v1/pips/\(pipId)", headers: auth).body
            if body.contains(#""duoMelding":{"status":"geregistreerd"}"#) { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(body.contains(#""duoMelding":{"status":"geregistreerd"}"#), "\(body)")
        let received = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(duoPort)/_sim/personen/123456782/PIP-meldingen")!).0
        let meldingen = try #require(try JSONSerialization.jsonObject(with: received) as? [[String: Any]])
        #expect(meldingen.count == 1, "exactly one melding at DUO")
        #expect(meldingen.first?["leerroute"] as? String == "B" && meldingen.first?["dagtekeningPip"] as? String == LocalDate(Date()).description)

        // The relay may publish an event twice when pip dies between the publish and marking it
        // sent (at least once; consumers skip a known id): count events, not records.
        let events = try DurableQueue(directory: region.queue).topic("pip").read(from: 0, maxCount: 100).map { try EventEnvelope(json: Data($0.payload)) }
        func distinct(_ type: String) -> Int { Set(events.filter { $0.type == type }.map(\.id)).count }
        #expect(distinct(PipConceptAangemaakt.eventType.rawValue) == 1)
        #expect(distinct(PipVastgesteld.eventType.rawValue) == 1)

        pip.child.signal(SIGTERM)
        #expect(try await pip.child.waitForExit() == 0)
    }
}
