import EnrolmentDomain
import Models
import TestSupport
import Testing

/// The placement rules on the sample register: perceel B1 for Zwolle and Dalfsen, shared
/// 60/40 by NLtraining and Deltion, one contract each with one instroommoment of 30 seats
/// (2027-01-11) and 120 seats in the first year.
@Suite struct PlaatsingsRegelTests {
    let vandaag = RegisterSample.day
    let moment = RegisterSample.day.adding(days: 10)

    func vraag(_ route: Leerroute = .b1, gemeente: GemeenteCode = RegisterSample.zwolle) -> Plaatsingsvraag {
        Plaatsingsvraag(inburgeraarId: InburgeraarID(), pipId: "pip-1", gemeente: gemeente, doelgroep: .asielstatushouder, leerroute: route, dagtekening: vandaag)
    }

    func bezet(_ aanbiederId: String, _ count: Int, at date: LocalDate? = nil) -> [Bezet] {
        Array(repeating: Bezet(perceelId: "b1-route", contractId: "b1-\(aanbiederId)", aanbiederId: aanbiederId, instroommoment: date ?? moment), count: count)
    }

    func aanbieder(of besluit: Plaatsingsbesluit) -> String? {
        guard case .aanmelden(let aanmelding) = besluit else { return nil }
        return aanmelding.aanbiederId
    }

    @Test(arguments: [
        // (nltraining placed, deltion placed, expected): the one furthest below its share of 60/40.
        (0, 0, "nltraining"), (1, 0, "deltion"), (2, 1, "deltion"), (3, 2, "nltraining"), (6, 3, "deltion"), (6, 4, "nltraining"),
    ])
    func theSharesDecideBetweenProviders(_ nltraining: Int, _ deltion: Int, _ expected: String) throws {
        let besluit = try PlaatsingsRegel.besluit(vraag(), register: RegisterSample.register, bezet: bezet("nltraining", nltraining) + bezet("deltion", deltion), vandaag: vandaag)
        #expect(aanbieder(of: besluit) == expected)
        #expect(besluit.reden.contains("aandeel"), "the reason names the share")
    }

    @Test(arguments: [
        (Keurmerk.Status.geldig, "nltraining"), (.geschorst, "deltion"), (.ingetrokken, "deltion"), (.verlopen, "deltion"),
    ])
    func onlyAValidKeurmerkAdmitsNewCursisten(_ status: Keurmerk.Status, _ expected: String) throws {
        var register = RegisterSample.register
        register.aanbieders[0].bowKeurmerk?.status = status
        #expect(aanbieder(of: try PlaatsingsRegel.besluit(vraag(), register: register, bezet: [], vandaag: vandaag)) == expected)
    }

    @Test func aFullInstroommomentMovesToTheNextOrTheWaitingList() throws {
        var register = RegisterSample.register
        register.contracten[0].instroommomenten.append(.init(datum: moment.adding(days: 90), plaatsen: 10))
        let full = bezet("nltraining", 30) + bezet("deltion", 30)
        let next = try PlaatsingsRegel.besluit(vraag(), register: register, bezet: full, vandaag: vandaag)
        guard case .aanmelden(let aanmelding) = next else { Issue.record("expected an aanmelding, got \(next)"); return }
        #expect(aanmelding.aanbiederId == "nltraining" && aanmelding.instroommoment == moment.adding(days: 90))
        let none = try PlaatsingsRegel.besluit(vraag(), register: RegisterSample.register, bezet: full, vandaag: vandaag)
        #expect(none == .wachtlijst(perceelId: "b1-route", reden: none.reden) && none.reden.contains("geen vrije plaats"))
    }

    @Test func theContractsCapacityCapsItsInstroommomenten() throws {
        var register = RegisterSample.register
        register.contracten[0].capaciteit[0].plaatsen = 2
        let besluit = try PlaatsingsRegel.besluit(vraag(), register: register, bezet: bezet("nltraining", 2), vandaag: vandaag)
        #expect(aanbieder(of: besluit) == "deltion", "nltraining's capacity for the year is used up")
        let past = try PlaatsingsRegel.besluit(vraag(), register: RegisterSample.register, bezet: [], vandaag: moment.adding(days: 1))
        #expect(past.reden.contains("geen vrije plaats"), "an instroommoment in the past offers no seat")
    }

    @Test func theMunicipalityAndRouteChooseThePerceel() throws {
        let amsterdam = try PlaatsingsRegel.besluit(vraag(gemeente: try GemeenteCode("GM0363")), register: RegisterSample.register, bezet: [], vandaag: vandaag)
        #expect(amsterdam == .wachtlijst(perceelId: nil, reden: amsterdam.reden))
        let zRoute = try PlaatsingsRegel.besluit(vraag(.z), register: RegisterSample.register, bezet: [], vandaag: vandaag)
        #expect(zRoute.reden.contains("geen perceel voor de Z-route"))
    }

    @Test func aKlantmanagersChoiceOverridesTheSharesWithAReason() throws {
        let chosen = try PlaatsingsRegel.besluit(
            vraag(), register: RegisterSample.register, bezet: [], vandaag: vandaag, keuze: .init(aanbiederId: "deltion", reden: "dichter bij huis"))
        #expect(aanbieder(of: chosen) == "deltion" && chosen.reden.contains("keuze van de klantmanager: dichter bij huis"))
        #expect(throws: DomainError.self) {
            try PlaatsingsRegel.besluit(vraag(), register: RegisterSample.register, bezet: [], vandaag: vandaag, keuze: .init(aanbiederId: "deltion", reden: " "))
        }
        var register = RegisterSample.register
        register.aanbieders[1].bowKeurmerk?.status = .geschorst
        #expect(throws: DomainError.self, "a choice cannot pass a suspended keurmerk") {
            try PlaatsingsRegel.besluit(vraag(), register: register, bezet: [], vandaag: vandaag, keuze: .init(aanbiederId: "deltion", reden: "voorkeur"))
        }
    }

    @Test func aProviderThatRefusedIsNotProposedAgain() throws {
        let besluit = try PlaatsingsRegel.besluit(vraag(), register: RegisterSample.register, bezet: [], vandaag: vandaag, uitgesloten: ["nltraining"])
        #expect(aanbieder(of: besluit) == "deltion")
        let nobody = try PlaatsingsRegel.besluit(vraag(), register: RegisterSample.register, bezet: [], vandaag: vandaag, uitgesloten: ["nltraining", "deltion"])
        #expect(aanbieder(of: nobody) == nil)
    }

    @Test(arguments: [
        (Aanmeldingsantwoord(antwoord: .bevestigd, startdatum: RegisterSample.day), nil),
        (Aanmeldingsantwoord(antwoord: .bevestigd), "startdatum"),
        (Aanmeldingsantwoord(antwoord: .geweigerd), "reden"),
        (Aanmeldingsantwoord(antwoord: .andereStartdatum, startdatum: RegisterSample.day), "reden"),
        (Aanmeldingsantwoord(antwoord: .geweigerd, reden: "vol"), nil),
    ])
    func anAnswerCarriesWhatItNeeds(_ antwoord: Aanmeldingsantwoord, _ field: String?) {
        #expect(antwoord.probleem?.name == field)
    }
}
