import DUO
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Models
import ServiceKit
import Synchronization
import TestSupport
@testable import ContractMonitor

/// Contract-monitor in process on a fresh database, with DUO's list of institutions played
/// by ``instellingen`` (the sample register's providers, both with the Blik op Werk keurmerk).
struct ContractMonitorFixture {
    let harness: ServiceHarness
    let app: ContractMonitorApp
    let instellingen = DuoList()

    init() throws {
        let instellingen = instellingen
        harness = try ServiceHarness(contractMonitorService) { try ContractMonitorApp($0).parts(bron: InstellingenBron { instellingen.list }) }
        app = try ContractMonitorApp(harness.dependencies)
    }

    var database: DatabasePool { harness.dependencies.database }

    /// The sync as the service runs it, on this fixture's list.
    var sync: InstellingenSync { app.sync(InstellingenBron { [instellingen] in instellingen.list }) }

    /// The types of the events recorded for publication, oldest first.
    func eventTypes() async throws -> [String] {
        try await database.read { db in try String.fetchAll(db, sql: "SELECT type FROM outbox ORDER BY id") }
    }

    /// Runs `body` against the routes with a token of each `role` given.
    func routes(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: try harness.build().router).test(.router, body)
    }

    /// The authorization header for a new token with `role`.
    func headers(_ role: Role) throws -> HTTPFields {
        [.authorization: "Bearer \(try harness.token(role))", .contentType: "application/json"]
    }
}

/// DUO's list of institutions, changeable between syncs.
final class DuoList: Sendable {
    private let current = Mutex([
        DuoInstelling(
            instellingsnummer: "DEMO000001", naam: "NLtraining BV", postcode: "8011AA", huisnummer: "1", plaatsnaam: "Zwolle", bow: "10001",
            indicatieBowKeurmerk: true),
        DuoInstelling(
            instellingsnummer: "DEMO000002", naam: "Stichting Deltion", postcode: "8017AA", huisnummer: "2", plaatsnaam: "Zwolle", bow: "10002",
            indicatieBowKeurmerk: true, indicatieTstKeurmerk: true),
    ])

    var list: [DuoInstelling] { current.withLock { $0 } }

    /// Changes the institution with `instellingsnummer`.
    func change(_ instellingsnummer: String, _ edit: @Sendable (inout DuoInstelling) -> Void) {
        current.withLock { list in
            if let index = list.firstIndex(where: { $0.instellingsnummer == instellingsnummer }) { edit(&list[index]) }
        }
    }
}

extension ByteBuffer {
    /// The body as JSON, for assertions.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(readableBytesView)) }
}

/// A JSON body for a request.
func body(_ value: some Encodable) throws -> ByteBuffer {
    ByteBuffer(bytes: try ChainJSON.encoder().encode(value))
}
