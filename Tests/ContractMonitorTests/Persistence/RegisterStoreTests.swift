import ContractMonitorDomain
import Foundation
import GRDB
import Models
import ServiceKit
import TestSupport
import Testing
@testable import ContractMonitor

/// Every change is a new version with its author and reason; an import is one change,
/// validated as a whole, and an export imports back unchanged.
@Suite struct RegisterStoreTests {
    @Test func aChangeMakesTheNextVersionAndKeepsTheLast() async throws {
        let fixture = try ContractMonitorFixture()
        let store = fixture.app.store
        let contract = RegisterSample.contract("b1-nltraining", aanbiederId: "nltraining")
        let (first, same) = try await fixture.database.write { db in
            (try store.record(contract, reden: "gegund", auteur: "tok_a", in: db), try store.record(contract, reden: "nog eens", auteur: "tok_a", in: db))
        }
        #expect(first?.versie == 1)
        #expect(same == nil, "the same content makes no version")
        fixture.harness.clock.advance(by: 3600)
        var more = contract
        more.capaciteit[0].plaatsen = 150
        let larger = more
        let second = try await fixture.database.write { db in try store.record(larger, reden: "extra plaatsen", auteur: "tok_b", in: db) }
        #expect(second?.versie == 2)
        let versies = try await fixture.database.read { db in try store.versies(Contract.self, id: contract.id, in: db) }
        #expect(versies.map(\.versie) == [1, 2])
        #expect(versies.map(\.auteur) == ["tok_a", "tok_b"] && versies.map(\.reden) == ["gegund", "extra plaatsen"])
        #expect(versies[0].inhoud.capaciteit[0].plaatsen == 120, "version 1 stays readable as it was")
        #expect(versies[1].vastgelegdOp.timeIntervalSince(versies[0].vastgelegdOp) == 3600)
        #expect(try await fixture.eventTypes() == [
            "nl.inburgering.contract-monitor.contract-vastgelegd.v1", "nl.inburgering.contract-monitor.capaciteit-gewijzigd.v1",
            "nl.inburgering.contract-monitor.contract-vastgelegd.v1", "nl.inburgering.contract-monitor.capaciteit-gewijzigd.v1",
        ])
    }

    @Test func anImportWithOneBadFieldChangesNothing() async throws {
        let fixture = try ContractMonitorFixture()
        var broken = RegisterSample.register
        broken.contracten[1].normen.maxUitvalProcent = 101
        let document = broken
        await #expect {
            try await fixture.database.write { db in
                try fixture.app.store.importeer(document, validatie: fixture.app.validatie, reden: "import", auteur: "tok_a", in: db)
            }
        } throws: { error in
            (error as? DomainError)?.fields.map(\.name) == ["register.contracten[1].normen.maxUitvalProcent"]
        }
        let register = try await fixture.database.read { db in try fixture.app.store.register(in: db) }
        let events = try await fixture.eventTypes()
        #expect(register == Register() && events.isEmpty)
    }

    @Test func anExportImportsBackUnchanged() async throws {
        let fixture = try ContractMonitorFixture()
        let store = fixture.app.store
        let first = try await fixture.database.write { db in
            try store.importeer(RegisterSample.register, validatie: fixture.app.validatie, reden: "import", auteur: "tok_a", in: db)
        }
        #expect(first.aangemaakt.count == 5 && first.gewijzigd.isEmpty)
        let exported = try await fixture.database.read { db in try store.register(in: db) }
        let again = try await fixture.database.write { db in
            try store.importeer(exported, validatie: fixture.app.validatie, reden: "opnieuw", auteur: "tok_a", in: db)
        }
        #expect(again.aangemaakt.isEmpty && again.gewijzigd.isEmpty && again.ongewijzigd.count == 5)
        var edited = exported
        edited.contracten[0].normen.minSlagingProcent = 75
        edited.contracten.removeLast()
        let changed = edited
        let third = try await fixture.database.write { db in try store.importeer(changed, validatie: fixture.app.validatie, reden: "norm", auteur: "tok_b", in: db) }
        #expect(third.gewijzigd == [.init(soort: "contract", id: exported.contracten[0].id, versie: 2)])
        #expect(third.nietInBestand == [.init(soort: "contract", id: exported.contracten[1].id)], "left out: kept, and said so")
    }
}
