import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Models
import ServiceKit
import TestSupport
import Testing
@testable import Enrolment

/// Klantmanagers see their municipality's placements and choose a provider with a reason;
/// a provider sees and answers only its own aanmeldingen.
@Suite struct EnrolmentRoutesTests {
    @Test func aProviderReadsAndAnswersOnlyItsOwnAanmeldingen() async throws {
        let fixture = try EnrolmentFixture()
        let id = try await fixture.vraag()
        let nltraining = try fixture.headers(.aanbieder("nltraining"))
        let deltion = try fixture.headers(.aanbieder("deltion"))
        try await fixture.routes { client in
            let own = try await client.execute(uri: "/api/v1/aanmeldingen", method: .get, headers: nltraining)
            #expect((own.body.json as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            let other = try await client.execute(uri: "/api/v1/aanmeldingen", method: .get, headers: deltion)
            #expect((other.body.json as? [[String: Any]])?.isEmpty == true)
            #expect(try await client.execute(uri: "/api/v1/plaatsingen", method: .get, headers: nltraining).status == .forbidden)
            let answer = ByteBuffer(string: #"{"antwoord":"bevestigd","startdatum":"2027-01-11"}"#)
            #expect(try await client.execute(uri: "/api/v1/aanmeldingen/\(id)/antwoord", method: .post, headers: deltion, body: answer).status == .notFound)
            let missing = try await client.execute(
                uri: "/api/v1/aanmeldingen/\(id)/antwoord", method: .post, headers: nltraining, body: ByteBuffer(string: #"{"antwoord":"geweigerd"}"#))
            #expect(missing.status == .badRequest && String(buffer: missing.body).contains("reden"))
            let confirmed = try await client.execute(uri: "/api/v1/aanmeldingen/\(id)/antwoord", method: .post, headers: nltraining, body: answer)
            #expect(confirmed.status == .ok && (confirmed.body.json as? [String: Any])?["status"] as? String == "geplaatst")
            #expect(try await client.execute(uri: "/api/v1/aanmeldingen/\(id)/antwoord", method: .post, headers: nltraining, body: answer).status == .conflict)
        }
    }

    @Test func aKlantmanagerChoosesAProviderWithAReason() async throws {
        let fixture = try EnrolmentFixture()
        let id = try await fixture.vraag()
        let zwolle = try fixture.headers(.klantmanager(RegisterSample.zwolle))
        let dalfsen = try fixture.headers(.klantmanager(RegisterSample.dalfsen))
        try await fixture.routes { client in
            let choice = ByteBuffer(string: #"{"aanbiederId":"deltion","reden":"dichter bij huis"}"#)
            #expect(try await client.execute(uri: "/api/v1/plaatsingen/\(id)/keuze", method: .post, headers: dalfsen, body: choice).status == .notFound)
            let chosen = try await client.execute(uri: "/api/v1/plaatsingen/\(id)/keuze", method: .post, headers: zwolle, body: choice)
            let body = try #require(chosen.body.json as? [String: Any])
            #expect(chosen.status == .ok && body["aanbiederId"] as? String == "deltion")
            #expect((body["reden"] as? String)?.contains("keuze van de klantmanager: dichter bij huis") == true)
            let unknown = ByteBuffer(string: #"{"aanbiederId":"windesheim","reden":"voorkeur"}"#)
            #expect(try await client.execute(uri: "/api/v1/plaatsingen/\(id)/keuze", method: .post, headers: zwolle, body: unknown).status == .conflict)
            let list = try await client.execute(uri: "/api/v1/plaatsingen?status=aangemeld", method: .get, headers: zwolle)
            #expect((list.body.json as? [[String: Any]])?.count == 1)
            #expect(try await client.execute(uri: "/api/v1/plaatsingen?status=klaar", method: .get, headers: zwolle).status == .badRequest)
            let wachtlijst = try await client.execute(uri: "/api/v1/wachtlijst", method: .get, headers: try fixture.headers(.contractmanager))
            #expect(wachtlijst.status == .ok)
            #expect(try await client.execute(uri: "/api/v1/wachtlijst", method: .get, headers: try fixture.headers(.aanbieder("deltion"))).status == .forbidden)
        }
    }

    @Test func aProviderReadsThePersonItPlacesAndEveryReadIsAudited() async throws {
        let fixture = try EnrolmentFixture()
        let person = InburgeraarID()
        let id = try await fixture.vraag(person: person)
        try await fixture.database.write { [store = fixture.store] db in
            try store.recordPersoon(person, bsn: try BSN("123456782"), naam: "Amal Haddad", taalniveau: .a1, in: db)
        }
        let nltraining = try fixture.headers(.aanbieder("nltraining"))
        let operatorHeaders = try fixture.headers(.operator)
        try await fixture.routes { client in
            let read = try await client.execute(uri: "/api/v1/aanmeldingen/\(id)/persoon", method: .get, headers: nltraining)
            let body = try #require(read.body.json as? [String: Any])
            #expect(read.status == .ok && body["naam"] as? String == "Amal Haddad" && body["bsn"] as? String == "123456782" && body["taalniveau"] as? String == "A1")
            let other = try await client.execute(uri: "/api/v1/aanmeldingen/\(id)/persoon", method: .get, headers: try fixture.headers(.aanbieder("deltion")))
            #expect(other.status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/aanmeldingen/\(id)/persoon", method: .get, headers: try fixture.headers(.contractmanager)).status == .forbidden)
            let audit = try await client.execute(uri: "/api/v1/audit?inburgeraar=\(person)", method: .get, headers: operatorHeaders)
            let entries = try #require(audit.body.json as? [[String: Any]])
            #expect(entries.map { $0["toegestaan"] as? Bool } == [false, true], "the refused read and the allowed one, newest first")
            #expect(Set(entries.compactMap { $0["action"] as? String }) == ["aanmelding.persoon.lezen"])
            #expect(try await client.execute(uri: "/api/v1/audit", method: .get, headers: nltraining).status == .forbidden)
        }
    }

    /// Every route enrolment serves is in its OpenAPI document, and nothing else.
    @Test func theDocumentDescribesExactlyTheRoutes() throws {
        let built = try EnrolmentFixture().harness.routes()
        #expect(built.routes == built.document.routes)
        #expect(built.routes.isSuperset(of: [
            "GET /api/v1/plaatsingen", "POST /api/v1/plaatsingen/{id}/keuze", "POST /api/v1/aanmeldingen/{id}/antwoord", "GET /api/v1/wachtlijst",
            "POST /api/v1/webhooks/{partnerId}",
        ]))
    }
}
