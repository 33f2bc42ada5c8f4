import EnrolmentDomain
import Foundation
import GRDB
import Models
import ServiceKit
import TestSupport
import Testing
@testable import Enrolment

/// Re-placing a provider's people: the proposal changes nothing; carrying it out ends each
/// placement as overgeplaatst, tells the old provider and makes a new one elsewhere; a
/// keurmerk that stops admitting while the provider holds people is signalled.
@Suite struct HerplaatsingFlowTests {
    @Test func everyoneAtAProviderIsReplacedAndNobodyIsLost() async throws {
        let fixture = try EnrolmentFixture()
        let first = try await fixture.vraag()
        #expect(try await fixture.plaatsing(first)?.aanbiederId == "nltraining")
        let store = fixture.store
        let plan = try await fixture.database.read { db in try store.herplaatsingsplan(weg: "nltraining", in: db) }
        #expect(plan.map(\.aanbiederId) == ["deltion"] && plan.first?.nieuwePlaatsingId == nil)
        #expect(try await fixture.plaatsing(first)?.status == .aangemeld, "a proposal changes nothing")

        try await fixture.database.write { db in try store.signaleerHerplaatsing("nltraining", aanleiding: "bow-keurmerk ingetrokken", in: db) }
        let done = try await fixture.database.write { db in try store.herplaats(weg: "nltraining", reden: "keurmerk ingetrokken", auteur: "tok_cm", in: db) }
        #expect(done.count == 1 && done.first?.status == .aangemeld && done.first?.aanbiederId == "deltion")
        #expect(try await fixture.plaatsing(first)?.status == .overgeplaatst)
        let webhook = try await fixture.database.read { db in try JobRecord.find(kind: OutgoingWebhook.kind, key: "nltraining/\(first)/beeindigd", in: db) }
        #expect(webhook != nil, "the old provider is told")
        #expect(try await fixture.eventTypes().contains("nl.inburgering.enrolment.herplaatsing-nodig.v1"))
        let again = try await fixture.database.write { db in try store.herplaats(weg: "nltraining", reden: "nog eens", auteur: "tok_cm", in: db) }
        #expect(again.isEmpty, "nothing left at nltraining")
    }
}
