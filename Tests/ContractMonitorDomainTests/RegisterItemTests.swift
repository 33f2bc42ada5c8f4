import ContractMonitorDomain
import Models
import TestSupport
import Testing

/// What each new version announces: its whole content always, a keurmerk change only when
/// a status changed, a capacity change only when capacity or instroommomenten changed.
@Suite struct RegisterItemTests {
    @Test func aKeurmerkEventOnlyWhenAStatusChanges() throws {
        let first = RegisterSample.deltion.aankondigingen(versie: 1, reden: "nieuw", vorige: nil)
        #expect(first.count == 3, "the entry and both keurmerken, first recorded")
        var renewed = RegisterSample.deltion
        renewed.bowKeurmerk?.vervaldatum = RegisterSample.day.adding(years: 3)
        #expect(renewed.aankondigingen(versie: 2, reden: "verlengd", vorige: RegisterSample.deltion).count == 1)
        var suspended = RegisterSample.deltion
        suspended.bowKeurmerk?.status = .geschorst
        let events = suspended.aankondigingen(versie: 2, reden: "geschorst", vorige: RegisterSample.deltion)
        let keurmerk = try #require(events.last as? KeurmerkGewijzigd)
        #expect(events.count == 2 && keurmerk.soort == .bow && keurmerk.vorigeStatus == .geldig && keurmerk.keurmerk?.status == .geschorst)
    }

    @Test func aCapacityEventOnlyWhenCapacityOrInstroomChanges() {
        let contract = RegisterSample.contract("c", aanbiederId: "nltraining")
        #expect(contract.aankondigingen(versie: 1, reden: "gegund", vorige: nil).contains { $0 is CapaciteitGewijzigd })
        var priced = contract
        priced.prijs.bedragCent += 100
        #expect(!priced.aankondigingen(versie: 2, reden: "index", vorige: contract).contains { $0 is CapaciteitGewijzigd })
        var more = contract
        more.instroommomenten.append(.init(datum: RegisterSample.day.adding(days: 40), plaatsen: 10))
        #expect(more.aankondigingen(versie: 2, reden: "extra groep", vorige: contract).contains { $0 is CapaciteitGewijzigd })
    }
}
