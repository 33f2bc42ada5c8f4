import Models
import PipDomain
import Testing

/// The versions of a PIP: fixing, changing and moving, as pure decisions.
@Suite struct PipVersioningTests {
    let day = LocalDate(iso8601: "2027-01-01")!

    @Test func fixingTakesTheAdviceAndItsDefaults() throws {
        let z = try PipVersioning.vaststelling(PipKeuze(bijstand: false), advies: .z, doelgroep: .asielstatushouder, dagtekening: day, auteur: "tok_1")
        #expect(z == PipVersie(versie: 1, dagtekening: day, soort: "vaststelling", leerroute: .z, niveau: .a2, uren: 1600, reden: "", auteur: "tok_1"))
        #expect(throws: DomainError.self, "B1 needs its hours") {
            try PipVersioning.vaststelling(PipKeuze(bijstand: false), advies: .b1, doelgroep: .gezinsmigrant, dagtekening: day, auteur: "tok_1")
        }
    }

    @Test func aRefusalNamesEveryField() {
        do {
            _ = try PipVersioning.vaststelling(
                PipKeuze(leerroute: .b1, niveau: .a2), advies: .z, doelgroep: .asielstatushouder, dagtekening: day, auteur: "tok_1")
            Issue.record("fixed")
        } catch {
            #expect(error.code == .conflict && error.detail.hasPrefix("the PIP cannot be fixed yet: "))
            #expect(Set(error.fields.map(\.name)) == ["afwijkingsreden", "niveau", "uren", "bijstand"])
        }
    }

    @Test func schakelenWithinEighteenMonthsAndAfschalenFromSixHundredHours() throws {
        let b1 = PipVersie(versie: 1, dagtekening: day, soort: "vaststelling", leerroute: .b1, niveau: .b1, uren: 900, reden: "", auteur: "a")
        let switched = try PipVersioning.wijziging(
            PipWijziging(soort: .schakelen, leerroute: .z, reden: "te zwaar"), current: b1, eersteDagtekening: day, today: day.adding(months: 6),
            auteur: "b")
        #expect(switched.versie == 2 && switched.leerroute == .z && switched.niveau == .a2 && switched.uren == 1600)
        #expect(throws: DomainError.self, "after 18 months") {
            try PipVersioning.wijziging(
                PipWijziging(soort: .schakelen, leerroute: .z, reden: "x"), current: b1, eersteDagtekening: day, today: day.adding(months: 19), auteur: "b")
        }
        let afgeschaald = try PipVersioning.wijziging(
            PipWijziging(soort: .afschalen, gevolgdeLesuren: 600, bewijs: "verklaring", reden: "x"), current: b1, eersteDagtekening: day,
            today: day.adding(months: 20), auteur: "b")
        #expect(afgeschaald.niveau == .a2 && afgeschaald.leerroute == .b1)
    }

    @Test func afschalenReadsTheHoursTheProvidersReported() throws {
        let b1 = PipVersie(versie: 1, dagtekening: day, soort: "vaststelling", leerroute: .b1, niveau: .b1, uren: 600, reden: "", auteur: "a")
        let typed = PipWijziging(soort: .afschalen, gevolgdeLesuren: 700, bewijs: "verklaring", reden: "x")
        #expect(throws: DomainError.self, "reported hours count instead of a typed number") {
            try PipVersioning.wijziging(typed, current: b1, eersteDagtekening: day, today: day.adding(months: 20), auteur: "b", gemeldeUren: 420)
        }
        let reported = PipWijziging(soort: .afschalen, reden: "600 uur gevolgd")
        let afgeschaald = try PipVersioning.wijziging(reported, current: b1, eersteDagtekening: day, today: day.adding(months: 20), auteur: "b", gemeldeUren: 612)
        #expect(afgeschaald.niveau == .a2, "no typed hours or bewijs needed when the providers reported them")
    }

    @Test func aMoveKeepsTheRoute() throws {
        let current = PipVersie(versie: 2, dagtekening: day, soort: "schakelen", leerroute: .onderwijs, niveau: .b1, uren: 1500, reden: "", auteur: "a")
        let moved = PipVersioning.verhuizing(current: current, van: try GemeenteCode("GM0193"), naar: try GemeenteCode("GM0166"), today: day)
        #expect(moved.versie == 3 && moved.leerroute == .onderwijs && moved.soort == "verhuizing" && moved.auteur == "intake")
    }
}

/// A bezwaar: one per version, within its window, flagged when late.
@Suite struct BezwaarRegistratieTests {
    let day = LocalDate(iso8601: "2027-01-01")!
    var versies: [PipVersie] { [PipVersie(versie: 1, dagtekening: day, soort: "vaststelling", leerroute: .z, niveau: .a2, uren: 1600, reden: "", auteur: "a")] }

    @Test func inTimeUpToSixWeeksThenFlagged() throws {
        let onTime = try BezwaarRegistratie(.init(omschrijving: "x"), versies: versies, metBezwaar: [], today: day.adding(days: 42))
        #expect(onTime.tijdig && onTime.versie == 1)
        let late = try BezwaarRegistratie(.init(omschrijving: "x"), versies: versies, metBezwaar: [], today: day.adding(days: 43))
        #expect(!late.tijdig)
    }

    @Test func refusalsNameTheirField() {
        #expect(throws: DomainError.invalid("omschrijving", "must be 1 to 2000 characters")) {
            try BezwaarRegistratie(.init(omschrijving: " \n"), versies: versies, metBezwaar: [], today: day)
        }
        #expect(throws: DomainError.conflict("a bezwaar against version 1 is registered already")) {
            try BezwaarRegistratie(.init(omschrijving: "x"), versies: versies, metBezwaar: [1], today: day)
        }
    }
}
