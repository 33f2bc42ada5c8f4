import Foundation
import Models
import Queue
import ServiceKit
import TestSupport
import Testing

/// Intake → pip → enrolment on one queue with the real binaries, the register loaded into
/// contract-monitor from the demo file: a fixed PIP becomes one aanmelding though enrolment
/// is killed in between, and ends as a placement after the provider's signed confirmation.
@Suite struct ChainToPlacementTests {
    @Test func aFixedPipEndsAsAConfirmedPlacement() async throws {
        let directory = try TemporaryDirectory()
        let region = try await IntakeRegion(directory: directory)
        defer { region.intake.child.signal(SIGKILL) }
        let state = directory.path + "/state"
        let pip = try await RunningService("pip", stateDirectory: state, in: directory.path)
        defer { pip.child.signal(SIGKILL) }
        let contracts = try await RunningService("contract-monitor", stateDirectory: state, in: directory.path)
        defer { contracts.child.signal(SIGKILL) }
        var enrolment = try await RunningService("enrolment", stateDirectory: state, in: directory.path)
        defer { enrolment.child.signal(SIGKILL) }
        let zwolle = try GemeenteCode("GM0193")
        func token(_ service: String, _ role: Role) throws -> String {
            try TokenStore(database: try ServiceDatabase.open(path: "\(state)/\(service).sqlite", migrations: [])).create(role: role, label: "test").secret
        }

        let imported = try await runToEnd(
            Binaries.path("inburgeringctl"),
            ["contracts", "import", ContractsCtlTests.example, "--url", "http://127.0.0.1:\(contracts.port)"],
            environment: ["INBURGERING_TOKEN": try token("contract-monitor", .contractmanager)], in: directory.path)
        #expect(imported.status == 0, "\(imported.error)")

        #expect(try await region.post("coa.koppeling.aangemaakt", IntakeKoppelingTests.koppeling()).status == 202)
        let person = try #require(try await region.caseload(region.zwolle, count: 1).first?["id"] as? String)
        try await region.completeIntake(person)
        let asPip = ["Authorization": "Bearer \(try token("pip", .klantmanager(zwolle)))", "Content-Type": "application/json"]
        let pipId = try #require(try await pip.awaitItems("/api/v1/pips", headers: asPip).first?["id"] as? String)
        #expect(try await pip.request("PUT", "/api/v1/pips/\(pipId)", body: #"{"uren":600,"bijstand":false}"#, headers: asPip).status == 200)
        #expect(try await pip.request("POST", "/api/v1/pips/\(pipId)/vaststellen", headers: asPip).status == 200)

        enrolment.child.signal(SIGKILL)
        _ = try await enrolment.child.waitForExit()
        enrolment = try await RunningService("enrolment", stateDirectory: state, in: directory.path)
        let asKlantmanager = ["Authorization": "Bearer \(try token("enrolment", .klantmanager(zwolle)))"]
        var plaatsingen: [[String: Any]] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, plaatsingen.first?["status"] as? String != "aangemeld" {
            try await Task.sleep(for: .milliseconds(100))
            plaatsingen = try await enrolment.awaitItems("/api/v1/plaatsingen", headers: asKlantmanager)
        }
        #expect(plaatsingen.count == 1 && plaatsingen.first?["status"] as? String == "aangemeld", "\(plaatsingen)")
        let plaatsingId = try #require(plaatsingen.first?["id"] as? String)
        let aanbieder = try #require(plaatsingen.first?["aanbiederId"] as? String)
        #expect(plaatsingen.first?["perceelId"] as? String == "b1-route")

        // The provider confirms by signed webhook, as its partner in enrolment.
        let secret = try PartnerRegistry(database: try ServiceDatabase.open(path: state + "/enrolment.sqlite", migrations: []))
            .add(id: aanbieder, name: aanbieder, eventTypes: ["aanbieder.aanmelding.beantwoord"])
        let start = try #require(plaatsingen.first?["instroommoment"] as? String)
        let body = #"{"type":"aanbieder.aanmelding.beantwoord","timestamp":"2026-12-01T09:00:00Z","data":{"plaatsingId":"\#(plaatsingId)","antwoord":"bevestigd","startdatum":"\#(start)"}}"#
        let id = "msg_\(UUID().uuidString)"
        let timestamp = Int64(Date().timeIntervalSince1970)
        let sent = try await enrolment.request("POST", "/api/v1/webhooks/\(aanbieder)", body: body, headers: [
            "Content-Type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp),
            "webhook-signature": StandardWebhooks.sign(id: id, timestamp: timestamp, body: Array(body.utf8), secret: secret),
        ])
        #expect(sent.status == 202, "\(sent.body)")
        var status = ""
        let confirmed = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < confirmed, status != "geplaatst" {
            try await Task.sleep(for: .milliseconds(100))
            let answer = try await enrolment.request("GET", "/api/v1/plaatsingen/\(plaatsingId)", headers: asKlantmanager).body
            status = (try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])?["status"] as? String ?? ""
        }
        #expect(status == "geplaatst")

        let events = try DurableQueue(directory: region.queue).topic("enrolment").read(from: 0, maxCount: 100).map { try EventEnvelope(json: Data($0.payload)) }
        func distinct(_ type: String) -> Int { Set(events.filter { $0.type == type }.map(\.id)).count }
        #expect(distinct(AanbiederAangemeld.eventType.rawValue) == 1, "one aanmelding, though enrolment was killed")
        #expect(distinct(AanbiederGeplaatst.eventType.rawValue) == 1)
        enrolment.child.signal(SIGTERM)
        #expect(try await enrolment.child.waitForExit() == 0)
    }
}
