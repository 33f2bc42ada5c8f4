public import Models

/// A small valid contract register for tests of contract-monitor and its consumers: two
/// municipalities of the demo region, two providers, one B1 perceel they share and one
/// contract each.
public enum RegisterSample {
    public static let zwolle = try! GemeenteCode("GM0193")
    public static let dalfsen = try! GemeenteCode("GM0148")
    public static let day = LocalDate(iso8601: "2027-01-01")!

    public static let nltraining = Aanbieder(
        id: "nltraining", naam: "NLtraining BV", instellingsnummer: "DEMO000001", bowNummer: "10001",
        contact: .init(naam: "Planning", email: "rapportage@nltraining.example"),
        bowKeurmerk: Keurmerk(status: .geldig, ingangsdatum: day.adding(years: -1), vervaldatum: day.adding(years: 2)))

    public static let deltion = Aanbieder(
        id: "deltion", naam: "Stichting Deltion", instellingsnummer: "DEMO000002", bowNummer: "10002", brin: "00AA",
        contact: .init(naam: "Team inburgering", email: "inburgering@deltion.example"),
        bowKeurmerk: Keurmerk(status: .geldig, ingangsdatum: day.adding(years: -1)), tstKeurmerk: Keurmerk(status: .geldig, ingangsdatum: day))

    public static let b1 = Perceel(
        id: "b1-route", naam: "B1-route", soort: .b1Route, gemeenten: [zwolle, dalfsen],
        aandelen: [.init(aanbiederId: "nltraining", procent: 60), .init(aanbiederId: "deltion", procent: 40)])

    public static let normen = Contractnormen(
        maxWachttijdDagen: 42, minAanwezigheidProcent: 85, maxVerzuimProcent: 10, minSlagingProcent: 70, maxUitvalProcent: 15, minTevredenheid: 7,
        rapportageTermijnDagen: 10)

    /// A two-year contract on the B1 perceel for `aanbiederId`.
    public static func contract(_ id: String, aanbiederId: String) -> Contract {
        Contract(
            id: id, perceelId: "b1-route", aanbiederId: aanbiederId, startdatum: day, einddatum: day.adding(years: 2).adding(days: -1),
            verlengingen: [day.adding(years: 3).adding(days: -1)], prijs: .init(eenheid: .traject, bedragCent: 1_150_000),
            capaciteit: [.init(van: day, tot: day.adding(years: 1).adding(days: -1), plaatsen: 120)],
            instroommomenten: [.init(datum: day.adding(days: 10), plaatsen: 30)], normen: normen)
    }

    public static let register = Register(
        gemeenten: [.init(code: zwolle, naam: "Zwolle"), .init(code: dalfsen, naam: "Dalfsen")], aanbieders: [nltraining, deltion], percelen: [b1],
        contracten: [contract("b1-nltraining", aanbiederId: "nltraining"), contract("b1-deltion", aanbiederId: "deltion")])
}
