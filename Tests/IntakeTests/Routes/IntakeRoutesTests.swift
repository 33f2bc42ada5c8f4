import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Intake
import Models
import ServiceKit
import TestSupport
import Testing

/// Intake's case-worker routes in process, on a real database and a manual clock.
@Suite struct IntakeRoutesTests {
    let harness: ServiceHarness

    init() throws {
        harness = try ServiceHarness(intakeService) { try IntakeApp($0).parts() }
    }

    func headers(_ token: String, json: Bool = true) -> HTTPFields {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(token)"
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    @Test func aKlantmanagerRegistersReadsAndCompletesOnlyTheirOwnMunicipalitysFiles() async throws {
        let zwolle = try harness.token(.klantmanager(try GemeenteCode("GM0193")))
        let kampen = try harness.token(.klantmanager(try GemeenteCode("GM0166")))
        let router = try harness.build().router
        try await Application(router: router).test(.router) { client in
            let registration = #"{"bsn":"111222333","naam":"Lena","geboortedatum":"1995-06-01","doelgroep":"gezinsmigrant","registratiedatum":"2026-12-20"}"#
            let made = try await client.execute(uri: "/api/v1/inburgeraars", method: .post, headers: headers(zwolle), body: ByteBuffer(string: registration))
            #expect(made.status == .created)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(made.body.readableBytesView)) as? [String: Any])
            let id = try #require(body["id"] as? String)

            let again = try await client.execute(uri: "/api/v1/inburgeraars", method: .post, headers: headers(zwolle), body: ByteBuffer(string: registration))
            #expect(again.status == .conflict, "one open file per person: the domain's refusal is a 409")

            let foreign = try await client.execute(uri: "/api/v1/inburgeraars/\(id)", method: .get, headers: headers(kampen, json: false))
            #expect(foreign.status == .forbidden)
            let own = try await client.execute(uri: "/api/v1/inburgeraars/\(id)", method: .get, headers: headers(zwolle, json: false))
            #expect(own.status == .ok)

            let early = try await client.execute(uri: "/api/v1/inburgeraars/\(id)/afronden", method: .post, headers: headers(zwolle, json: false))
            #expect(early.status == .conflict)
            let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(early.body.readableBytesView))
            #expect(problem.invalidParams?.map(\.name).contains("gezondheid") == true, "the missing parts are named")

            let unauthenticated = try await client.execute(uri: "/api/v1/inburgeraars", method: .get)
            #expect(unauthenticated.status == .unauthorized)
        }
    }
}
