import Foundation
import Models
import ServiceKit
import Testing

/// The chain's first link with real processes on one queue: a signed COA koppeling, a brede
/// intake completed by the case worker, and the PIP service opening a draft PIP with its advice.
@Suite struct IntakeToPipTests {
    @Test func aCompletedIntakeBecomesADraftPipWithItsAdvice() async throws {
        let region = try await IntakeRegion()
        defer { region.intake.child.signal(SIGKILL) }
        let state = region.directory.path + "/state"
        let pip = try await RunningService("pip", stateDirectory: state, in: region.directory.path)
        defer { pip.child.signal(SIGKILL) }
        let pipToken = try TokenStore(database: try ServiceDatabase.open(path: state + "/pip.sqlite", migrations: []))
            .create(role: .klantmanager(try GemeenteCode("GM0193")), label: "zwolle").secret

        #expect(try await region.post("coa.koppeling.aangemaakt", IntakeKoppelingTests.koppeling()).status == 202)
        let id = try #require(try await region.caseload(region.zwolle, count: 1).first?["id"] as? String)
        try await region.completeIntake(id)

        let pips = try await pip.awaitItems("/api/v1/pips?status=concept", headers: ["Authorization": "Bearer \(pipToken)"])
        let draft = try #require(pips.first)
        #expect(draft["inburgeraarId"] as? String == id)
        #expect(draft["status"] as? String == "concept")
        let advies = try #require(draft["advies"] as? [String: Any])
        #expect(advies["route"] as? String == "b1")
        #expect((advies["redenen"] as? [String])?.first?.contains("(72)") == true)
        let pipId = try #require(draft["id"] as? String)
        let other = try TokenStore(database: try ServiceDatabase.open(path: state + "/pip.sqlite", migrations: []))
            .create(role: .klantmanager(try GemeenteCode("GM0166")), label: "kampen").secret
        #expect(try await pip.request("GET", "/api/v1/pips/\(pipId)", headers: ["Authorization": "Bearer \(other)"]).status == 403)

        pip.child.signal(SIGTERM)
        #expect(try await pip.child.waitForExit() == 0)
    }
}
