import Foundation
import GRDB
import Models
import ServiceKit
import TestSupport
import Testing
@testable import ContractMonitor

/// A keurmerk DUO withdraws becomes, within one sync, a new version of the aanbieder by
/// `duo` and a keurmerk-gewijzigd event; a suspension the region recorded stands while
/// DUO's answer does not change.
@Suite struct InstellingenSyncTests {
    @Test func aKeurmerkDuoWithdrawsIsAnEventWithinOneSync() async throws {
        let fixture = try ContractMonitorFixture()
        try await fixture.database.write { db in
            _ = try fixture.app.store.importeer(RegisterSample.register, validatie: fixture.app.validatie, reden: "import", auteur: "tok_a", in: db)
        }
        #expect(try await fixture.sync.run() == 0, "DUO agrees with the register")
        let before = try await fixture.eventTypes().count

        fixture.instellingen.change("DEMO000001") { $0.indicatieBowKeurmerk = false }
        #expect(try await fixture.sync.run() == 1)
        let nltraining = try await fixture.database.read { db in try fixture.app.store.current(Aanbieder.self, id: "nltraining", in: db) }
        #expect(nltraining?.versie == 2 && nltraining?.auteur == "duo")
        #expect(nltraining?.inhoud.bowKeurmerk?.status == .ingetrokken && nltraining?.inhoud.bowKeurmerk?.bron == .duo)
        let events = try await fixture.eventTypes().dropFirst(before)
        #expect(Array(events) == ["nl.inburgering.contract-monitor.aanbieder-vastgelegd.v1", "nl.inburgering.contract-monitor.keurmerk-gewijzigd.v1"])
        #expect(try await fixture.sync.run() == 0, "the next sync finds nothing new")
    }

    @Test func aSuspensionStandsWhileDuoKeepsSayingYes() async throws {
        let fixture = try ContractMonitorFixture()
        var suspended = RegisterSample.register
        suspended.aanbieders[1].bowKeurmerk?.status = .geschorst
        let register = suspended
        try await fixture.database.write { db in
            _ = try fixture.app.store.importeer(register, validatie: fixture.app.validatie, reden: "import", auteur: "tok_a", in: db)
        }
        #expect(try await fixture.sync.run() == 0)
        #expect(try await fixture.sync.run() == 0)
        let deltion = try await fixture.database.read { db in try fixture.app.store.current(Aanbieder.self, id: "deltion", in: db) }
        #expect(deltion?.inhoud.bowKeurmerk?.status == .geschorst)
    }

    @Test func aSyncAskedForIsADurableJob() async throws {
        let fixture = try ContractMonitorFixture()
        try await fixture.routes { client in
            let asked = try await client.execute(
                uri: "/api/v1/instellingen/synchronisaties", method: .post, headers: try fixture.headers(.contractmanager))
            #expect(asked.status == .accepted)
            let klantmanager = try await client.execute(
                uri: "/api/v1/instellingen/synchronisaties", method: .post, headers: try fixture.headers(.klantmanager(RegisterSample.zwolle)))
            #expect(klantmanager.status == .forbidden)
        }
        let jobs = try await fixture.database.read { db in try JobRecord.list(in: db) }
        #expect(jobs.map(\.kind) == [InstellingenSync.kind])
    }
}
