import Foundation
import GRDB
@testable import Intake
import IntakeDomain
import Models
import ServiceKit
import TestSupport
import Testing

/// The no-show rules and the PIP clock through the store, with an injected clock.
@Suite struct IntakeClockTests {
    @Test func twoMissedInvitationsGiveAWarningThenABoeteSignaal() throws {
        let directory = try TemporaryDirectory()
        let database = try ServiceDatabase.open(path: directory.path + "/intake.sqlite", migrations: IntakeSchema.migrations)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_651_200))  // 2026-11-26T00:00:00Z
        let store = DossierStore(
            outbox: Outbox(source: "/inburgering/test/intake"),
            cipher: try HealthCipher(keyFile: directory.path + "/key", making: true), clock: clock)
        let today = clock.today()
        let id = try database.write { db in
            try store.register(
                Registratie(bsn: try BSN("111222333"), naam: "Lena", geboortedatum: LocalDate(iso8601: "1995-06-01")!,
                            doelgroep: .gezinsmigrant, registratiedatum: today),
                in: try GemeenteCode("GM0193"), by: "tok_1", in: db)
        }
        #expect(try database.read { try String.fetchOne($0, sql: "SELECT pip_deadline FROM dossier") } == today.adding(days: 70).description)

        for (number, expected) in [(1, NoShowGeregistreerd.Gevolg.waarschuwing), (2, .boeteSignaal)] {
            try database.write { db in _ = try store.invite(id, on: today.adding(days: 7 * number), by: "tok_1", in: db) }
            clock.advance(days: 6)
            #expect(throws: DomainError.conflict("invitation \(number) is for a day still to come"), "the day has not come") {
                try database.write { db in _ = try store.recordAttendance(id, invitation: number, came: false, by: "tok_1", in: db) }
            }
            clock.advance(days: 1)
            let gevolg = try database.write { db in try store.recordAttendance(id, invitation: number, came: false, by: "tok_1", in: db) }
            #expect(gevolg == expected)
        }
        let types = try database.read { try String.fetchAll($0, sql: "SELECT type FROM outbox ORDER BY id") }
        #expect(types == [
            "nl.inburgering.intake.uitnodiging-verstuurd.v1", "nl.inburgering.intake.no-show.v1",
            "nl.inburgering.intake.uitnodiging-verstuurd.v1", "nl.inburgering.intake.no-show.v1", "nl.inburgering.intake.boete-signaal.v1",
        ])
    }
}
