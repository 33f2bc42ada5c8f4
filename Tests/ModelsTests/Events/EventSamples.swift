import Foundation
import Models

/// One realistic value of every known event, for round-trip tests.
enum EventSamples {
    static let instant = Date(timeIntervalSince1970: 1_795_512_600)  // 2026-11-24T09:30:00Z
    static let person = InburgeraarID(UUID(uuidString: "5B1F0E43-8A34-4D0C-9C53-1D7E1A5C2F10")!)
    static let zwolle = try! GemeenteCode("GM0193")
    static let day = LocalDate(iso8601: "2026-12-01")!

    static let keurmerk = KeurmerkGewijzigd(
        aanbiederId: "nltraining", soort: .bow, vorigeStatus: .geldig,
        keurmerk: Keurmerk(status: .geschorst, ingangsdatum: day, bron: .duo, toelichting: "indicatieBowKeurmerk werd false"))
    static let aanbieder = Aanbieder(
        id: "nltraining", naam: "NLtraining BV", instellingsnummer: "30RT000001", bowNummer: "1234", contact: .init(naam: "Planning", email: "planning@example.nl"),
        bowKeurmerk: Keurmerk(status: .geldig, ingangsdatum: day, vervaldatum: day.adding(years: 3)))
    static let contract = Contract(
        id: "b1-nltraining-2027", perceelId: "b1-route", aanbiederId: "nltraining", startdatum: day, einddatum: day.adding(years: 2),
        verlengingen: [day.adding(years: 3)], prijs: .init(eenheid: .traject, bedragCent: 1_050_000),
        capaciteit: [.init(van: day, tot: day.adding(years: 1), plaatsen: 120)], instroommomenten: [.init(datum: day.adding(months: 1), plaatsen: 15)],
        normen: .init(
            maxWachttijdDagen: 42, minAanwezigheidProcent: 80, maxVerzuimProcent: 10, minSlagingProcent: 70, maxUitvalProcent: 15, minTevredenheid: 7.0,
            rapportageTermijnDagen: 10))

    static let all: [any DomainEvent] = [
        KoppelingGewijzigd(inburgeraarId: person, gemeente: zwolle, koppeldatum: day, voorlopigePipDeadline: day.adding(days: 70)),
        KoppelingIngetrokken(inburgeraarId: person, gemeente: zwolle),
        IntakeGestart(inburgeraarId: person, gemeente: zwolle, gestartOp: instant),
        PipConceptAangemaakt(pipId: "pip-1", inburgeraarId: person, gemeente: zwolle, geadviseerdeRoute: .onderwijs),
        UitnodigingVerstuurd(inburgeraarId: person, gemeente: zwolle, nummer: 2, datum: day),
        NoShowGeregistreerd(inburgeraarId: person, gemeente: zwolle, uitnodigingNummer: 2, aantalNoShows: 2, gevolg: .boeteSignaal),
        BoeteSignaal(inburgeraarId: person, gemeente: zwolle),
        DossierGecorrigeerd(inburgeraarId: person, gemeente: zwolle, reden: "Verblijfsdoel gewijzigd"),
        PipTermijnGestart(inburgeraarId: person, gemeente: zwolle, startdatum: day, pipDeadline: day.adding(days: 70)),
        Verhuisd(inburgeraarId: person, vanGemeente: zwolle, naarGemeente: try! GemeenteCode("GM0166")),
        KoppelingOntvangen(
            inburgeraarId: person, gemeente: zwolle, doelgroep: .asielstatushouder, koppeldatum: day,
            voorlopigePipDeadline: day.adding(days: 70)),
        IntakeAfgerond(
            inburgeraarId: person, gemeente: zwolle, doelgroep: .asielstatushouder, afgerondOp: instant,
            samenvatting: .init(
                opleidingsniveau: "vo", werkervaringJaren: 4, taalniveau: .a1, leerbaarheidsscore: nil, hoofddoel: .werk,
                leeftijd: 31, huishoudenGrootte: 3)),
        PipVastgesteld(
            pipId: "pip-1", inburgeraarId: person, gemeente: zwolle, doelgroep: .asielstatushouder, versie: 1, dagtekening: day, leerroute: .b1, niveau: .b1, uren: 900,
            onderdelen: Leerroute.b1.onderdelen, termijnEinddatum: day.adding(days: 1).adding(years: 3)),
        PipGewijzigd(
            pipId: "pip-1", inburgeraarId: person, gemeente: zwolle, doelgroep: .asielstatushouder, versie: 2, soort: .schakelen, dagtekening: day.adding(months: 3),
            leerroute: .z, niveau: .a2, uren: 1600, onderdelen: Leerroute.z.onderdelen, termijnEinddatum: day.adding(days: 1).adding(years: 3)),
        PipBezwaarIngediend(pipId: "pip-1", inburgeraarId: person, gemeente: zwolle, versie: 1, ontvangenOp: day.adding(days: 20), tijdig: true),
        PipDeadlineNadert(pipId: nil, inburgeraarId: person, gemeente: zwolle, soort: .pip, deadline: day, vooraf: "P14D"),
        PipDeadlineVerstreken(pipId: "pip-1", inburgeraarId: person, gemeente: zwolle, soort: .termijn, deadline: day),
        InburgeringstermijnGemeld(inburgeraarId: person, gemeente: zwolle, code: "SS102", startdatum: day, laatsteDag: day.adding(years: 3).adding(days: -1)),
        AanbiederAangemeld(
            plaatsingId: "plt-1", inburgeraarId: person, gemeente: zwolle, aanbiederId: "nltraining", perceelId: "b1-route", contractId: "b1-nltraining-2027",
            leerroute: .b1, instroommoment: day.adding(days: 40), dagtekeningPip: day, keuzeKlantmanager: false),
        AanbiederGeplaatst(
            plaatsingId: "plt-1", inburgeraarId: person, gemeente: zwolle, aanbiederId: "nltraining", perceelId: "b1-route", contractId: "b1-nltraining-2027",
            leerroute: .b1, instroommoment: day.adding(days: 40), startdatum: day.adding(days: 41), dagtekeningPip: day),
        OpWachtlijstGezet(plaatsingId: "plt-2", inburgeraarId: person, gemeente: zwolle, leerroute: .z, perceelId: nil, dagtekeningPip: day),
        AanmeldingGeweigerd(plaatsingId: "plt-1", inburgeraarId: person, aanbiederId: "deltion", contractId: "b1-deltion-2027"),
        PlaatsingBeeindigd(plaatsingId: "plt-1", inburgeraarId: person, aanbiederId: "nltraining", status: .overgeplaatst),
        HerplaatsingNodig(aanbiederId: "nltraining", aanleiding: "Blik op Werk keurmerk ingetrokken", plaatsingen: 12),
        RapportageOntvangen(
            plaatsingId: "plt-1", inburgeraarId: person, aanbiederId: "nltraining", contractId: "b1-nltraining-2027", perceelId: "b1-route", periode: "2027-02",
            urenIngekocht: 600, urenGevolgd: 48, verzuimGeoorloofd: 4, verzuimOngeoorloofd: 2, voortgangLezen: .a2, voortgangLuisteren: .a2,
            voortgangSchrijven: .a1, voortgangSpreken: nil, uitgevallen: false, afgerond: nil),
        UrenBijgewerkt(inburgeraarId: person, urenTotaal: 148),
        OnderdeelAfgerond(inburgeraarId: person, onderdeel: .knm, datum: day.adding(months: 4), aanbiederId: "nltraining"),
        keurmerk,
        AanbiederVastgelegd(versie: 1, reden: "aanbesteding 2027", aanbieder: aanbieder),
        PerceelVastgelegd(
            versie: 2, reden: "aandelen herzien",
            perceel: Perceel(id: "b1-route", naam: "B1-route", soort: .b1Route, gemeenten: [zwolle], aandelen: [.init(aanbiederId: "nltraining", procent: 100)])),
        ContractVastgelegd(versie: 1, reden: "gegund", contract: contract),
        CapaciteitGewijzigd(
            contractId: contract.id, perceelId: contract.perceelId, aanbiederId: contract.aanbiederId, capaciteit: contract.capaciteit,
            instroommomenten: contract.instroommomenten),
        NotificatieVerzonden(notificatieId: "n-1", aanleidingEventId: "e-1", kanaal: .email, verzondenOp: instant),
    ]
}
