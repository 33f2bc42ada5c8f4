import Foundation
package import Models

/// One provider's report on one person for one period (a month, `yyyy-MM`), by CSV or
/// webhook: what providers already send DUO (course, dates, hours bought and followed) and
/// verzuim (geoorloofd and ongeoorloofd, the GGM's names), progress per skill, PVT/MAP/KNM
/// completion, uitval with its reason, and completion (docs/enrolment.md, "Reports").
package struct Rapportage: Sendable, Hashable, Codable {
    package var periode: String
    package var cursus: String?
    package var startdatum: LocalDate?
    package var einddatum: LocalDate?
    package var urenIngekocht: Int?
    /// Hours followed in the period; enrolment adds them up across periods and providers.
    package var urenGevolgd: Int
    package var verzuimGeoorloofd: Int
    package var verzuimOngeoorloofd: Int
    package var voortgangLezen: Taalniveau?
    package var voortgangLuisteren: Taalniveau?
    package var voortgangSchrijven: Taalniveau?
    package var voortgangSpreken: Taalniveau?
    package var pvtAfgerond: LocalDate?
    package var mapAfgerond: LocalDate?
    package var knmAfgerond: LocalDate?
    /// Why the person dropped out; the placement ends as `uitgevallen`.
    package var uitvalReden: String?
    /// The day the route was completed; the placement ends as `afgerond`.
    package var afgerond: LocalDate?

    package init(
        periode: String, cursus: String? = nil, startdatum: LocalDate? = nil, einddatum: LocalDate? = nil, urenIngekocht: Int? = nil, urenGevolgd: Int,
        verzuimGeoorloofd: Int = 0, verzuimOngeoorloofd: Int = 0, voortgangLezen: Taalniveau? = nil, voortgangLuisteren: Taalniveau? = nil,
        voortgangSchrijven: Taalniveau? = nil, voortgangSpreken: Taalniveau? = nil, pvtAfgerond: LocalDate? = nil, mapAfgerond: LocalDate? = nil,
        knmAfgerond: LocalDate? = nil, uitvalReden: String? = nil, afgerond: LocalDate? = nil
    ) {
        self.periode = periode
        self.cursus = cursus
        self.startdatum = startdatum
        self.einddatum = einddatum
        self.urenIngekocht = urenIngekocht
        self.urenGevolgd = urenGevolgd
        self.verzuimGeoorloofd = verzuimGeoorloofd
        self.verzuimOngeoorloofd = verzuimOngeoorloofd
        self.voortgangLezen = voortgangLezen
        self.voortgangLuisteren = voortgangLuisteren
        self.voortgangSchrijven = voortgangSchrijven
        self.voortgangSpreken = voortgangSpreken
        self.pvtAfgerond = pvtAfgerond
        self.mapAfgerond = mapAfgerond
        self.knmAfgerond = knmAfgerond
        self.uitvalReden = uitvalReden
        self.afgerond = afgerond
    }

    /// The onderdelen it reports completed, with their day.
    package var afgerondeOnderdelen: [(PipOnderdeel, LocalDate)] {
        [(PipOnderdeel.pvt, pvtAfgerond), (.map, mapAfgerond), (.knm, knmAfgerond)].compactMap { onderdeel, datum in datum.map { (onderdeel, $0) } }
    }

    /// What is wrong with it, by field (camelCase, as the webhook names them).
    package var problemen: [DomainError.FieldProblem] {
        var problemen: [DomainError.FieldProblem] = []
        func check(_ ok: Bool, _ field: String, _ reason: String) { if !ok { problemen.append(.init(name: field, reason: reason)) } }
        let parts = periode.split(separator: "-")
        check(
            periode.count == 7 && parts.count == 2 && Int(parts[0]).map { (2000...2100).contains($0) } == true && Int(parts[1]).map { (1...12).contains($0) } == true,
            "periode", "must be a month as yyyy-MM, e.g. 2027-03")
        check((0...744).contains(urenGevolgd), "urenGevolgd", "must be 0 to 744 hours (a month)")
        check((0...744).contains(verzuimGeoorloofd), "verzuimGeoorloofd", "must be 0 to 744 hours")
        check((0...744).contains(verzuimOngeoorloofd), "verzuimOngeoorloofd", "must be 0 to 744 hours")
        if let urenIngekocht { check((0...9999).contains(urenIngekocht), "urenIngekocht", "must be 0 to 9999 hours") }
        if let startdatum, let einddatum { check(einddatum >= startdatum, "einddatum", "must not lie before the startdatum") }
        if let uitvalReden { check(!uitvalReden.trimmingCharacters(in: .whitespaces).isEmpty && uitvalReden.count <= 500, "uitvalReden", "must say why in 1 to 500 characters") }
        if let cursus { check(cursus.count <= 100, "cursus", "must be at most 100 characters") }
        return problemen
    }
}
