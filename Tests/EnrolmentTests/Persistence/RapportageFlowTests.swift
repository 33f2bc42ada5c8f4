import EnrolmentDomain
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Models
import ServiceKit
import TestSupport
import Testing
@testable import Enrolment

/// Reports, not asked twice: by CSV and webhook one business key (provider, person, month);
/// the hours add up and travel with the person; the status follows; a bad file takes nothing.
@Suite struct RapportageFlowTests {
    /// A confirmed placement at nltraining for a person with a BSN; returns its id and the person.
    func placed(_ fixture: EnrolmentFixture, bsn: String = "123456782") async throws -> (String, InburgeraarID) {
        let person = InburgeraarID()
        let id = try await fixture.vraag(person: person)
        try await fixture.database.write { [store = fixture.store] db in
            try store.recordPersoon(person, bsn: try BSN(bsn), in: db)
            _ = try store.beantwoord(id, .init(antwoord: .bevestigd, startdatum: RegisterSample.day.adding(days: 10)), door: "nltraining", auteur: "tok_x", in: db)
        }
        return (id, person)
    }

    @Test func theSameReportByCsvAndWebhookIsOneAndTheStatusFollows() async throws {
        let fixture = try EnrolmentFixture()
        let (id, _) = try await placed(fixture)
        let csv = "bsn;periode;uren_gevolgd;verzuim_geoorloofd;verzuim_ongeoorloofd\n123456782;2027-01;20;2;1\n"
        try await fixture.routes { client in
            let headers = try fixture.headers(.aanbieder("nltraining")).replacing(.contentType, with: "text/csv")
            let first = try await client.execute(uri: "/api/v1/aanbieders/nltraining/rapportages", method: .post, headers: headers, body: ByteBuffer(string: csv))
            #expect(first.status == .ok && (first.body.json as? [String: Int]) == ["verwerkt": 1, "ongewijzigd": 0])
            let again = try await client.execute(uri: "/api/v1/aanbieders/nltraining/rapportages", method: .post, headers: headers, body: ByteBuffer(string: csv))
            #expect((again.body.json as? [String: Int]) == ["verwerkt": 0, "ongewijzigd": 1], "the same report twice changes nothing")
            let other = try fixture.headers(.aanbieder("deltion")).replacing(.contentType, with: "text/csv")
            #expect(try await client.execute(uri: "/api/v1/aanbieders/nltraining/rapportages", method: .post, headers: other, body: ByteBuffer(string: csv)).status == .forbidden)
        }
        let viaWebhook = Rapportage(periode: "2027-01", urenGevolgd: 20, verzuimGeoorloofd: 2, verzuimOngeoorloofd: 1)
        let result = try await fixture.database.write { [store = fixture.store] db in
            try store.ontvang([("plaatsingId", .plaatsing(id), viaWebhook)], van: "nltraining", bron: "webhook", in: db)
        }
        #expect(result.verwerkt == 0 && result.ongewijzigd == 1, "by both paths: one report")
        #expect(try await fixture.plaatsing(id)?.status == .gestart, "the first hours start the placement")
        let events = try await fixture.eventTypes()
        #expect(events.filter { $0 == "nl.inburgering.enrolment.rapportage-ontvangen.v1" }.count == 1)

        let uitval = Rapportage(periode: "2027-02", urenGevolgd: 4, uitvalReden: "verhuisd buiten de regio")
        _ = try await fixture.database.write { [store = fixture.store] db in
            try store.ontvang([("plaatsingId", .plaatsing(id), uitval)], van: "nltraining", bron: "webhook", in: db)
        }
        #expect(try await fixture.plaatsing(id)?.status == .uitgevallen)
    }

    @Test func aBadRowTakesNothingAndNamesLineAndColumn() async throws {
        let fixture = try EnrolmentFixture()
        _ = try await placed(fixture)
        let csv = "bsn;periode;uren_gevolgd\n123456782;2027-01;20\n111222333;2027-01;8\n123456782;2027-02;-3\n"
        try await fixture.routes { client in
            let headers = try fixture.headers(.aanbieder("nltraining")).replacing(.contentType, with: "text/csv")
            let answer = try await client.execute(uri: "/api/v1/aanbieders/nltraining/rapportages", method: .post, headers: headers, body: ByteBuffer(string: csv))
            #expect(answer.status == .badRequest)
            let names = ((answer.body.json as? [String: Any])?["invalidParams"] as? [[String: String]])?.compactMap { $0["name"] }
            #expect(names == ["regels[4].uren_gevolgd"])
            let unknown = try await client.execute(
                uri: "/api/v1/aanbieders/nltraining/rapportages", method: .post, headers: headers, body: ByteBuffer(string: "bsn;periode;uren_gevolgd\n123456782;2027-01;20\n111222333;2027-01;8\n"))
            #expect(unknown.status == .badRequest && String(buffer: unknown.body).contains("regels[3].bsn"), "someone not placed with the provider")
        }
        #expect(try await fixture.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM rapportage")! } == 0, "nothing of the file was taken")
    }

    @Test func hoursTravelWithThePersonAcrossARouteSwitch() async throws {
        var register = RegisterSample.register
        register.percelen.append(Perceel(
            id: "onderwijsroute", naam: "Onderwijsroute", soort: .onderwijsroute, gemeenten: [RegisterSample.zwolle], aandelen: [.init(aanbiederId: "deltion", procent: 100)]))
        var onderwijs = RegisterSample.contract("onderwijs-deltion", aanbiederId: "deltion")
        onderwijs.perceelId = "onderwijsroute"
        register.contracten.append(onderwijs)
        let fixture = try EnrolmentFixture(register: register)
        let (b1, person) = try await placed(fixture)
        _ = try await fixture.database.write { [store = fixture.store] db in
            try store.ontvang([("plaatsingId", .plaatsing(b1), Rapportage(periode: "2027-01", urenGevolgd: 120))], van: "nltraining", bron: "webhook", in: db)
        }
        let switched = try await fixture.vraag(.onderwijs, person: person)
        #expect(try await fixture.plaatsing(b1)?.status == .overgeplaatst)
        try await fixture.database.write { [store = fixture.store] db in
            _ = try store.beantwoord(switched, .init(antwoord: .bevestigd, startdatum: RegisterSample.day.adding(days: 40)), door: "deltion", auteur: "tok_y", in: db)
            _ = try store.ontvang([("plaatsingId", .plaatsing(switched), Rapportage(periode: "2027-02", urenGevolgd: 30))], van: "deltion", bron: "webhook", in: db)
        }
        let uren = try await fixture.database.read { [store = fixture.store] db in try store.uren(of: person, in: db) }
        #expect(uren == 150)
        let last = try await fixture.database.read { db in
            try String.fetchOne(db, sql: "SELECT envelope FROM outbox WHERE type = 'nl.inburgering.enrolment.uren-bijgewerkt.v1' ORDER BY id DESC LIMIT 1")
        }
        #expect(last?.contains(#""urenTotaal":150"#) == true)
    }
}

extension HTTPFields {
    /// These fields with `name` set to `value`.
    func replacing(_ name: HTTPField.Name, with value: String) -> HTTPFields {
        var fields = self
        fields[name] = value
        return fields
    }
}
