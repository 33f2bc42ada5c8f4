import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Models
@testable import Pip
import PipDomain
import ServiceKit
import TestSupport
import Testing

/// Pip's routes in process: a klantmanager fixes a draft, and the melding to DUO is
/// recorded as a durable job in the same transaction.
@Suite struct PipRoutesTests {
    @Test func fixingADraftRecordsItsMeldingAsAJob() async throws {
        let harness = try ServiceHarness(pipService) { try PipApp($0).parts() }
        let store = try PipApp(harness.dependencies).store
        let zwolle = try GemeenteCode("GM0193")
        let intake = IntakeAfgerond(
            inburgeraarId: InburgeraarID(), gemeente: zwolle, doelgroep: .gezinsmigrant, afgerondOp: harness.clock.now(),
            samenvatting: .init(opleidingsniveau: "mbo", werkervaringJaren: 3, taalniveau: .a1, leerbaarheidsscore: 30, hoofddoel: .werk,
                                leeftijd: 30, huishoudenGrootte: 1),
            bsn: try BSN("123456782"))
        let id = try await harness.dependencies.database.write { db in
            try store.openDraft(for: intake, in: db)
            return try String.fetchOne(db, sql: "SELECT id FROM pip")!
        }
        let token = try harness.token(.klantmanager(zwolle))
        let operatorToken = try harness.token(.operator)
        let headers: HTTPFields = [.authorization: "Bearer \(token)"]
        try await Application(router: try harness.build().router).test(.router) { client in
            let asOperator: HTTPFields = [.authorization: "Bearer \(operatorToken)"]
            #expect(try await client.execute(uri: "/api/v1/pips", method: .get, headers: asOperator).status == .forbidden)
            let fixed = try await client.execute(uri: "/api/v1/pips/\(id)/vaststellen", method: .post, headers: headers)
            #expect(fixed.status == .ok)
            let twice = try await client.execute(uri: "/api/v1/pips/\(id)/vaststellen", method: .post, headers: headers)
            #expect(twice.status == .conflict)
        }
        let job = try await harness.dependencies.database.read { try JobRecord.find(kind: DuoPipMeldingen.kind, key: "\(id)/1", in: $0) }
        #expect(job?.status == .pending, "the melding waits for the runner")
    }
}
