import EnrolmentDomain
import Foundation
import GRDB
import Models
import ServiceKit
import TestSupport
import Testing
@testable import Enrolment

/// A fixed PIP becomes an aanmelding, a confirmation a placement, a refusal the next
/// provider; without a seat the person waits and is placed when one opens; a new route
/// ends the placement and asks anew. Every step says why.
@Suite struct PlaatsingFlowTests {
    @Test func aFixedPipIsAnAanmeldingAndAConfirmationAPlacement() async throws {
        let fixture = try EnrolmentFixture()
        let id = try await fixture.vraag()
        let aangemeld = try #require(try await fixture.plaatsing(id))
        #expect(aangemeld.status == .aangemeld && aangemeld.aanbiederId == "nltraining" && aangemeld.instroommoment == RegisterSample.day.adding(days: 10))
        let webhook = try await fixture.database.read { db in try JobRecord.find(kind: OutgoingWebhook.kind, key: "nltraining/\(id)/1", in: db) }
        #expect(webhook?.status == .pending, "the provider is told by a signed webhook, recorded with the aanmelding")
        let start = RegisterSample.day.adding(days: 11)
        let placed = try await fixture.database.write { [store = fixture.store] db in
            try store.beantwoord(id, .init(antwoord: .bevestigd, startdatum: start), door: "nltraining", auteur: "tok_x", in: db)
        }
        #expect(placed.status == .geplaatst && placed.startdatum == start && placed.wachtdagen == 11)
        #expect(placed.stappen?.map(\.status) == [.aangemeld, .geplaatst])
        #expect(try await fixture.eventTypes() == ["nl.inburgering.enrolment.aangemeld.v1", "nl.inburgering.enrolment.geplaatst.v1"])
        await #expect(throws: DomainError.self, "another provider cannot answer it") {
            try await fixture.database.write { [store = fixture.store] db in
                try store.beantwoord(id, .init(antwoord: .bevestigd, startdatum: start), door: "deltion", auteur: "tok_y", in: db)
            }
        }
    }

    @Test func aRefusalProposesTheNextProviderAndThenTheWaitingList() async throws {
        let fixture = try EnrolmentFixture()
        let id = try await fixture.vraag()
        let refuse = Aanmeldingsantwoord(antwoord: .geweigerd, reden: "groep vol")
        let next = try await fixture.database.write { [store = fixture.store] db in try store.beantwoord(id, refuse, door: "nltraining", auteur: "tok_x", in: db) }
        #expect(next.status == .aangemeld && next.aanbiederId == "deltion")
        let last = try await fixture.database.write { [store = fixture.store] db in try store.beantwoord(id, refuse, door: "deltion", auteur: "tok_y", in: db) }
        #expect(last.status == .wachtlijst && last.reden.contains("geen vrije plaats"))
        #expect(last.stappen?.count == 5, "aangemeld, refused, aangemeld, refused, wachtlijst: \(String(describing: last.stappen?.map(\.reden)))")
    }

    @Test func aSeatThatOpensPlacesTheLongestWaitingFirst() async throws {
        var register = RegisterSample.register
        register.contracten = [register.contracten[0]]
        register.contracten[0].instroommomenten[0].plaatsen = 1
        let fixture = try EnrolmentFixture(register: register)
        let first = try await fixture.vraag()
        let second = try await fixture.vraag()
        #expect(try await fixture.plaatsing(first)?.status == .aangemeld)
        #expect(try await fixture.plaatsing(second)?.status == .wachtlijst)
        let wachtlijst = try await fixture.database.read { [store = fixture.store] db in try store.wachtlijst(in: db) }
        #expect(wachtlijst.map(\.instroommoment) == [nil, RegisterSample.day.adding(days: 10)], "one waits without a seat, one for the instroommoment")

        register.contracten[0].instroommomenten[0].plaatsen = 2
        let more = register.contracten[0]
        try await fixture.database.write { [store = fixture.store] db in
            try store.recordRegister("contract", id: more.id, versie: 2, inhoud: more, in: db)
            try store.plaatsWachtenden(in: db)
        }
        #expect(try await fixture.plaatsing(second)?.status == .aangemeld)
    }

    @Test func aNewRouteEndsThePlacementAndAsksAnew() async throws {
        let fixture = try EnrolmentFixture()
        let person = InburgeraarID()
        let b1 = try await fixture.vraag(.b1, person: person)
        try await fixture.vraag(.b1, person: person)
        #expect(try await fixture.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM plaatsing")! } == 1, "the same PIP twice is one placement")
        let z = try await fixture.vraag(.z, person: person)
        #expect(z != b1)
        #expect(try await fixture.plaatsing(b1)?.status == .overgeplaatst)
        #expect(try await fixture.plaatsing(z)?.status == .wachtlijst, "the sample register bought no Z-route")
        #expect(try await fixture.eventTypes().contains("nl.inburgering.enrolment.plaatsing-beeindigd.v1"))
    }
}

/// What DUO must hear is checked before anything is sent.
@Suite struct DuoAanbodCheckTests {
    @Test func aMeldingThatBreaksDuosRulesIsStoppedBeforeSending() async throws {
        let fixture = try EnrolmentFixture()
        let id = try await fixture.vraag()
        let early = RegisterSample.day.adding(days: -5)
        let page = try await fixture.database.write { [store = fixture.store] db in
            _ = try store.beantwoord(id, .init(antwoord: .andereStartdatum, startdatum: early, reden: "eerder begonnen"), door: "nltraining", auteur: "tok_x", in: db)
            return try store.plaatsing(id, withSteps: true, in: db)!
        }
        #expect(page.duoMeldingen?.first?.status == "tegengehouden")
        #expect(page.duoMeldingen?.first?.fouten?.first?.contains("voor de dagtekening van het PIP") == true)
        let job = try await fixture.database.read { db in try JobRecord.find(kind: DuoAanbodMeldingen.kind, key: "\(id)/aanmelden", in: db) }
        #expect(job == nil, "nothing is sent that DUO would refuse")
    }
}
