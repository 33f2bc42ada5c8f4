package import Models

/// How a PIP gets its versions: the decisions of fixing a draft, changing a fixed PIP and
/// following a move, as pure functions of the plan and the day. The store carries out the
/// version they return (stores it, reports it to DUO, announces it).
package enum PipVersioning {
    /// Version 1 from the draft's choices, dated `dagtekening`. Refused, naming every field,
    /// when DUO would refuse it, a deviation from the advice has no reason or the plan misses a part.
    package static func vaststelling(
        _ keuze: PipKeuze, advies: Leerroute, doelgroep: Doelgroep, dagtekening: LocalDate, auteur: String
    ) throws(DomainError) -> PipVersie {
        let problems = keuze.problems(advice: advies, doelgroep: doelgroep, firstPip: true)
        guard problems.isEmpty else { throw DomainError.refused("the PIP cannot be fixed yet", problems) }
        let route = keuze.leerroute ?? advies
        return PipVersie(
            versie: 1, dagtekening: dagtekening, soort: "vaststelling", leerroute: route, niveau: keuze.niveau ?? (route == .z ? .a2 : .b1),
            uren: keuze.uren ?? PipTermijn.defaultHours(route) ?? 0, reden: keuze.afwijkingsreden ?? "", auteur: auteur)
    }

    /// The next version for a change to a fixed PIP whose first version is dated
    /// `eersteDagtekening`; the term does not move. Refused, naming the field, when the
    /// law does not allow the change today.
    package static func wijziging(
        _ wijziging: PipWijziging, current: PipVersie, eersteDagtekening: LocalDate, today: LocalDate, auteur: String, gemeldeUren: Int? = nil
    ) throws(DomainError) -> PipVersie {
        if let problem = wijziging.problem(
            current: current.leerroute, niveau: current.niveau, termStart: PipTermijn.start(dagtekening: eersteDagtekening), today: today,
            gemeldeUren: gemeldeUren)
        {
            throw DomainError.refused("this change cannot be made", [problem])
        }
        let route = wijziging.soort == .schakelen ? wijziging.leerroute ?? current.leerroute : current.leerroute
        let niveau: Taalniveau = wijziging.soort == .afschalen ? .a2 : (route == .z ? .a2 : .b1)
        return PipVersie(
            versie: current.versie + 1, dagtekening: today, soort: wijziging.soort.rawValue, leerroute: route, niveau: niveau,
            uren: wijziging.uren ?? PipTermijn.defaultHours(route) ?? current.uren, reden: wijziging.reden, auteur: auteur)
    }

    /// The next version after a move within the region: the new municipality's PIP keeps the route.
    package static func verhuizing(current: PipVersie, van: GemeenteCode, naar: GemeenteCode, today: LocalDate) -> PipVersie {
        PipVersie(
            versie: current.versie + 1, dagtekening: today, soort: PipGewijzigd.Soort.verhuizing.rawValue, leerroute: current.leerroute,
            niveau: current.niveau, uren: current.uren, reden: "Verhuisd van \(van.rawValue) naar \(naar.rawValue); de leerroute blijft.",
            auteur: "intake")
    }
}
