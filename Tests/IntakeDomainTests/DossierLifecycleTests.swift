import IntakeDomain
import Models
import Testing

/// The file's life as a state machine: every step from every status.
@Suite struct DossierLifecycleTests {
    typealias Step = DossierLifecycle.Step

    @Test(arguments: [
        (DossierStatus.gekoppeld, Step.uitnodigen, DossierLifecycle.Action.move(to: .uitgenodigd), DossierStatus.uitgenodigd),
        (.uitgenodigd, .uitnodigen, .stay, .uitgenodigd),
        (.inIntake, .uitnodigen, .stay, .inIntake),
        (.gekoppeld, .intakeBegonnen, .startIntake, .inIntake),
        (.uitgenodigd, .intakeBegonnen, .startIntake, .inIntake),
        (.inIntake, .intakeBegonnen, .stay, .inIntake),
        (.inIntake, .afronden, .move(to: .afgerond), .afgerond),
        (.gekoppeld, .intrekken, .move(to: .ingetrokken), .ingetrokken),
        (.inIntake, .corrigeren, .move(to: .gecorrigeerd), .gecorrigeerd),
        (.uitgenodigd, .wijzigen, .stay, .uitgenodigd),
        (.afgerond, .intrekken, .noteOnly, .afgerond),
        (.gecorrigeerd, .intrekken, .noteOnly, .gecorrigeerd),
    ])
    func anOpenFileMovesOn(_ from: DossierStatus, _ step: Step, _ action: DossierLifecycle.Action, _ to: DossierStatus) throws {
        var lifecycle = DossierLifecycle(from)
        #expect(try lifecycle.apply(step) == action)
        #expect(lifecycle.status == to)
    }

    @Test(arguments: [DossierStatus.afgerond, .ingetrokken, .gecorrigeerd])
    func aClosedFileRefusesEveryStepButCOAsWithdrawal(_ closed: DossierStatus) {
        for step in [Step.uitnodigen, .intakeBegonnen, .afronden, .corrigeren, .wijzigen] {
            var lifecycle = DossierLifecycle(closed)
            #expect(throws: DomainError.conflict("the file is closed (\(closed.rawValue)) and changes no more")) { try lifecycle.apply(step) }
            #expect(lifecycle.status == closed)
        }
    }
}

/// COA's koppelingen: one open file per person; COA's municipality counts until it is taken up.
@Suite struct KoppelingRuleTests {
    @Test func aKoppelingOpensAFileUnlessKnownOrThePersonHasOne() {
        let open = InburgeraarID()
        #expect(KoppelingRule.besluit(koppelingKnown: false, openFile: nil) == .openFile)
        #expect(KoppelingRule.besluit(koppelingKnown: false, openFile: open) == .noteOn(open))
        #expect(KoppelingRule.besluit(koppelingKnown: true, openFile: open) == .known)
    }

    @Test func coaNamesTheMunicipalityOnlyUntilItTookTheFileUp() throws {
        let (zwolle, kampen) = (try GemeenteCode("GM0193"), try GemeenteCode("GM0166"))
        #expect(KoppelingRule.gemeente(afterCorrectionTo: kampen, current: zwolle, status: .gekoppeld, moved: false) == kampen)
        #expect(KoppelingRule.gemeente(afterCorrectionTo: kampen, current: zwolle, status: .uitgenodigd, moved: false) == zwolle)
        #expect(KoppelingRule.gemeente(afterCorrectionTo: kampen, current: zwolle, status: .gekoppeld, moved: true) == zwolle)
    }
}

/// Invitations: one open at a time, attendance once and not before the day.
@Suite struct UitnodigingTests {
    let day = LocalDate(iso8601: "2027-01-10")!

    @Test func theNextInvitationWaitsForTheLastOnesAttendance() throws {
        #expect(try Uitnodiging.nextNumber(after: []) == 1)
        #expect(try Uitnodiging.nextNumber(after: [.init(nummer: 1, datum: day, verschenen: false)]) == 2)
        #expect(throws: DomainError.self) { try Uitnodiging.nextNumber(after: [.init(nummer: 1, datum: day)]) }
    }

    @Test func attendanceIsRecordedOnceOnOrAfterTheDay() throws {
        try Uitnodiging(nummer: 1, datum: day).checkAttendance(today: day)
        #expect(throws: DomainError.conflict("invitation 1 is for a day still to come")) {
            try Uitnodiging(nummer: 1, datum: day).checkAttendance(today: day.adding(days: -1))
        }
        #expect(throws: DomainError.conflict("attendance for invitation 1 is recorded already")) {
            try Uitnodiging(nummer: 1, datum: day, verschenen: true).checkAttendance(today: day)
        }
    }

    @Test func completingNamesEveryMissingPart() throws {
        let parts: [BredeIntakeOnderdeel: BredeIntakeInvoer] = [.opleiding: .init(niveau: "mbo"), .werkervaring: .init(jaren: 2)]
        do {
            _ = try BredeIntakeAfronding.samenvatting(parts, geboortedatum: day.adding(years: -30), huishoudenGrootte: 1, today: day)
            Issue.record("an incomplete intake was completed")
        } catch {
            #expect(error.code == .conflict)
            #expect(error.fields.map(\.name) == ["gezondheid", "hoofddoel", "leerbaarheidstoets", "persoonlijkeOmstandigheden", "taalniveau"])
        }
    }
}
