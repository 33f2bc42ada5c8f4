import Foundation
import HTTPTypes
import HummingbirdTesting
import Models
import ServiceKit
import TestSupport
import Testing
@testable import ContractMonitor

/// The register's API: contractmanagers change it, every role reads it, an aanbieder only
/// its own; bad input is a problem naming the field.
@Suite struct RegisterRoutesTests {
    struct Change<Inhoud: Encodable>: Encodable {
        var reden: String
        var inhoud: Inhoud
    }

    @Test func aContractmanagerCreatesAndChangesEntriesWithTheirVersions() async throws {
        let fixture = try ContractMonitorFixture()
        let manager = try fixture.headers(.contractmanager)
        let klantmanager = try fixture.headers(.klantmanager(RegisterSample.zwolle))
        try await fixture.routes { client in
            let created = try await client.execute(
                uri: "/api/v1/aanbieders", method: .post, headers: manager, body: try body(Change(reden: "gegund", inhoud: RegisterSample.nltraining)))
            #expect(created.status == .created)
            #expect((created.body.json as? [String: Any])?["versie"] as? Int == 1)
            let twice = try await client.execute(
                uri: "/api/v1/aanbieders", method: .post, headers: manager, body: try body(Change(reden: "gegund", inhoud: RegisterSample.nltraining)))
            #expect(twice.status == .conflict)

            var renamed = RegisterSample.nltraining
            renamed.naam = "NLtraining B.V."
            let changed = try await client.execute(
                uri: "/api/v1/aanbieders/nltraining", method: .put, headers: manager, body: try body(Change(reden: "statutaire naam", inhoud: renamed)))
            #expect(changed.status == .ok && (changed.body.json as? [String: Any])?["versie"] as? Int == 2)

            let versies = try await client.execute(uri: "/api/v1/aanbieders/nltraining/versies", method: .get, headers: klantmanager)
            let list = try #require(versies.body.json as? [[String: Any]])
            #expect(list.map { $0["reden"] as? String } == ["gegund", "statutaire naam"])
            #expect(Set(list.compactMap { $0["auteur"] as? String }).count == 1 && (list[0]["auteur"] as? String)?.hasPrefix("tok_") == true)

            let byKlantmanager = try await client.execute(
                uri: "/api/v1/aanbieders/nltraining", method: .put, headers: klantmanager, body: try body(Change(reden: "x", inhoud: renamed)))
            #expect(byKlantmanager.status == .forbidden, "a klantmanager reads the register, does not change it")
        }
    }

    @Test func badInputIsAProblemNamingTheField() async throws {
        let fixture = try ContractMonitorFixture()
        let manager = try fixture.headers(.contractmanager)
        try await fixture.routes { client in
            var broken = RegisterSample.nltraining
            broken.contact.email = "geen adres"
            let answer = try await client.execute(
                uri: "/api/v1/aanbieders", method: .post, headers: manager, body: try body(Change(reden: "gegund", inhoud: broken)))
            #expect(answer.status == .badRequest && answer.headers[.contentType] == ProblemDetails.mediaType)
            let params = (answer.body.json as? [String: Any])?["invalidParams"] as? [[String: String]]
            #expect(params?.map { $0["name"] } == ["inhoud.contact.email"])

            let blank = try await client.execute(
                uri: "/api/v1/aanbieders", method: .post, headers: manager, body: try body(Change(reden: "  ", inhoud: RegisterSample.nltraining)))
            #expect(blank.status == .badRequest, "a change says why")

            var unknown = RegisterSample.nltraining
            unknown.instellingsnummer = "DEMO999999"
            let notAtDuo = try await client.execute(
                uri: "/api/v1/aanbieders", method: .post, headers: manager, body: try body(Change(reden: "gegund", inhoud: unknown)))
            #expect(notAtDuo.status == .badRequest && String(buffer: notAtDuo.body).contains("is not known to DUO"))

            let contract = RegisterSample.contract("b1-nltraining", aanbiederId: "nltraining")
            let orphan = try await client.execute(
                uri: "/api/v1/contracten", method: .post, headers: manager, body: try body(Change(reden: "gegund", inhoud: contract)))
            #expect(orphan.status == .badRequest && String(buffer: orphan.body).contains("inhoud.perceelId"), "its perceel must exist first")
        }
    }

    @Test func anAanbiederReadsOnlyItsOwnContracts() async throws {
        let fixture = try ContractMonitorFixture()
        try await fixture.database.write { db in
            _ = try fixture.app.store.importeer(RegisterSample.register, validatie: fixture.app.validatie, reden: "import", auteur: "tok_a", in: db)
        }
        let deltion = try fixture.headers(.aanbieder("deltion"))
        try await fixture.routes { client in
            let contracten = try await client.execute(uri: "/api/v1/contracten", method: .get, headers: deltion)
            let ids = (contracten.body.json as? [[String: Any]])?.compactMap { ($0["inhoud"] as? [String: Any])?["id"] as? String }
            #expect(ids == ["b1-deltion"])
            #expect(try await client.execute(uri: "/api/v1/contracten/b1-deltion", method: .get, headers: deltion).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/contracten/b1-nltraining", method: .get, headers: deltion).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/contracten/b1-nltraining/versies", method: .get, headers: deltion).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/aanbieders/nltraining", method: .get, headers: deltion).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/register", method: .get, headers: deltion).status == .forbidden)
        }
    }

    @Test func endingAContractIsItsLastVersion() async throws {
        let fixture = try ContractMonitorFixture()
        try await fixture.database.write { db in
            _ = try fixture.app.store.importeer(RegisterSample.register, validatie: fixture.app.validatie, reden: "import", auteur: "tok_a", in: db)
        }
        let manager = try fixture.headers(.contractmanager)
        let end = Contract.Beeindiging(datum: RegisterSample.day.adding(months: 6), reden: "faillissement")
        try await fixture.routes { client in
            let ended = try await client.execute(uri: "/api/v1/contracten/b1-deltion/beeindiging", method: .post, headers: manager, body: try body(end))
            #expect(ended.status == .ok && (ended.body.json as? [String: Any])?["versie"] as? Int == 2)
            let again = try await client.execute(uri: "/api/v1/contracten/b1-deltion/beeindiging", method: .post, headers: manager, body: try body(end))
            #expect(again.status == .conflict)
            let late = Contract.Beeindiging(datum: RegisterSample.day.adding(years: 9), reden: "te laat")
            let outside = try await client.execute(uri: "/api/v1/contracten/b1-nltraining/beeindiging", method: .post, headers: manager, body: try body(late))
            #expect(outside.status == .badRequest)
        }
    }
}
