package import Models

/// Completing the brede intake: which parts it needs, and the summary without health that
/// `intake.afgerond` carries for the PIP.
package enum BredeIntakeAfronding {
    /// The parts the intake needs before it can be completed: the legal minimum and what
    /// the PIP's advice needs.
    package static let requiredParts = BredeIntakeOnderdeel.verplicht.union([.taalniveau, .hoofddoel])

    /// The summary of a complete intake; refused, naming every missing part, when one is not recorded.
    package static func samenvatting(
        _ parts: [BredeIntakeOnderdeel: BredeIntakeInvoer], geboortedatum: LocalDate, huishoudenGrootte: Int, today: LocalDate
    ) throws(DomainError) -> IntakeAfgerond.Samenvatting {
        let missing = requiredParts.filter { parts[$0] == nil }.sorted { $0.rawValue < $1.rawValue }
        guard missing.isEmpty, let opleiding = parts[.opleiding]?.niveau, let jaren = parts[.werkervaring]?.jaren,
            let taal = parts[.taalniveau]?.niveau.flatMap(Taalniveau.init(rawValue:)), let doel = parts[.hoofddoel]?.doel
        else {
            throw DomainError.refused(
                "the brede intake is not complete: record \(missing.map(\.rawValue).joined(separator: ", ")) first",
                missing.map { .init(name: $0.rawValue, reason: "is not recorded yet") })
        }
        return IntakeAfgerond.Samenvatting(
            opleidingsniveau: opleiding, werkervaringJaren: jaren, taalniveau: taal, leerbaarheidsscore: parts[.leerbaarheidstoets]?.score,
            hoofddoel: doel, leeftijd: age(born: geboortedatum, on: today), huishoudenGrootte: huishoudenGrootte)
    }

    /// Whole years between `born` and `day`.
    package static func age(born: LocalDate, on day: LocalDate) -> Int {
        let years = day.year - born.year
        return (day.month, day.day) < (born.month, born.day) ? years - 1 : years
    }
}
