package import Models

/// What a fixed PIP asks of enrolment: a seat in the person's leerroute, in their municipality.
package struct Plaatsingsvraag: Sendable, Hashable, Codable {
    package var inburgeraarId: InburgeraarID
    package var pipId: String
    package var gemeente: GemeenteCode
    package var doelgroep: Doelgroep
    package var leerroute: Leerroute
    /// The PIP's dagtekening: waiting days count from it (a contract KPI).
    package var dagtekening: LocalDate
    /// The plan's hours, for the provider.
    package var uren: Int?

    package init(
        inburgeraarId: InburgeraarID, pipId: String, gemeente: GemeenteCode, doelgroep: Doelgroep, leerroute: Leerroute, dagtekening: LocalDate, uren: Int? = nil
    ) {
        self.inburgeraarId = inburgeraarId
        self.pipId = pipId
        self.gemeente = gemeente
        self.doelgroep = doelgroep
        self.leerroute = leerroute
        self.dagtekening = dagtekening
        self.uren = uren
    }

    /// Days waited from the dagtekening to `date` (never negative).
    package func wachtdagen(op date: LocalDate) -> Int { max(0, dagtekening.days(until: date)) }
}
