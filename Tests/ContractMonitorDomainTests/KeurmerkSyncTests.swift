import ContractMonitorDomain
import Models
import Testing

/// How DUO's yes-or-no indicators move the register's keurmerk statuses.
@Suite struct KeurmerkSyncTests {
    let today = LocalDate(iso8601: "2027-03-01")!
    let geldig = Keurmerk(status: .geldig, ingangsdatum: LocalDate(iso8601: "2026-01-01")!)

    @Test func duoWithdrawingAValidKeurmerkWithdrawsIt() throws {
        let change = try #require(KeurmerkSync.wijziging(.bow, huidig: geldig, vorige: true, indicatie: false, vandaag: today))
        #expect(change.status == .ingetrokken && change.bron == .duo && change.ingangsdatum == today)
        #expect(KeurmerkSync.wijziging(.bow, huidig: geldig, vorige: nil, indicatie: false, vandaag: today)?.status == .ingetrokken, "also at the first sync")
    }

    @Test func anUnchangedIndicatorLeavesTheRegistersDecisionStanding() {
        let geschorst = Keurmerk(status: .geschorst, ingangsdatum: today)
        #expect(KeurmerkSync.wijziging(.bow, huidig: geschorst, vorige: true, indicatie: true, vandaag: today) == nil)
        #expect(KeurmerkSync.wijziging(.bow, huidig: geschorst, vorige: nil, indicatie: true, vandaag: today) == nil, "a suspension stands at the first sync")
        #expect(KeurmerkSync.wijziging(.tst, huidig: geldig, vorige: nil, indicatie: nil, vandaag: today) == nil, "DUO does not say")
    }

    @Test func duoGrantingAKeurmerkMakesItValid() {
        let ingetrokken = Keurmerk(status: .ingetrokken, ingangsdatum: today.adding(days: -30))
        #expect(KeurmerkSync.wijziging(.tst, huidig: ingetrokken, vorige: false, indicatie: true, vandaag: today)?.status == .geldig)
        #expect(KeurmerkSync.wijziging(.tst, huidig: nil, vorige: nil, indicatie: true, vandaag: today)?.status == .geldig, "one the register did not hold")
        #expect(KeurmerkSync.wijziging(.tst, huidig: nil, vorige: nil, indicatie: false, vandaag: today) == nil, "nothing to withdraw")
    }
}
