import EnrolmentDomain
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Models
import ServiceKit
import TestSupport
@testable import Enrolment

/// Enrolment in process on a fresh database, its copy of the register filled with the
/// sample register, on a clock at the sample's first day (2027-01-01).
struct EnrolmentFixture {
    let harness: ServiceHarness
    let store: EnrolmentStore

    init(register: Register = RegisterSample.register) throws {
        harness = try ServiceHarness(enrolmentService, start: Date(timeIntervalSince1970: 1_798_761_600)) { try EnrolmentApp($0).parts() }
        store = try EnrolmentApp(harness.dependencies).store
        try harness.dependencies.database.write { [store] db in
            for aanbieder in register.aanbieders { try store.recordRegister("aanbieder", id: aanbieder.id, versie: 1, inhoud: aanbieder, in: db) }
            for perceel in register.percelen { try store.recordRegister("perceel", id: perceel.id, versie: 1, inhoud: perceel, in: db) }
            for contract in register.contracten { try store.recordRegister("contract", id: contract.id, versie: 1, inhoud: contract, in: db) }
        }
    }

    var database: DatabasePool { harness.dependencies.database }

    /// A fixed PIP in `route` for a new person of `gemeente`; returns the placement's id.
    @discardableResult
    func vraag(_ route: Leerroute = .b1, gemeente: GemeenteCode = RegisterSample.zwolle, person: InburgeraarID = InburgeraarID()) async throws -> String {
        let vraag = Plaatsingsvraag(
            inburgeraarId: person, pipId: "pip-\(person)", gemeente: gemeente, doelgroep: .asielstatushouder, leerroute: route, dagtekening: RegisterSample.day)
        return try await database.write { [store] db in
            try store.vraag(vraag, in: db)
            return try store.lopende(of: person, in: db)!.id
        }
    }

    func plaatsing(_ id: String) async throws -> Plaatsing? {
        try await database.read { [store] db in try store.plaatsing(id, withSteps: true, in: db) }
    }

    /// The types of the events recorded for publication, oldest first.
    func eventTypes() async throws -> [String] {
        try await database.read { db in try String.fetchAll(db, sql: "SELECT type FROM outbox ORDER BY id") }
    }

    func routes(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: try harness.build().router).test(.router, body)
    }

    func headers(_ role: Role) throws -> HTTPFields {
        [.authorization: "Bearer \(try harness.token(role))", .contentType: "application/json"]
    }
}

extension ByteBuffer {
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(readableBytesView)) }
}
