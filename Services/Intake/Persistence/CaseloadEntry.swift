import IntakeDomain
import Models

/// One line of a caseload.
struct CaseloadEntry: Codable, Sendable, Equatable {
    var id: InburgeraarID
    var naam: String
    var status: DossierStatus
    var gemeente: GemeenteCode
    var pipDeadline: LocalDate
    /// The PIP deadline has passed while the file is still open.
    var laat: Bool

    init(id: InburgeraarID, naam: String, status: DossierStatus, gemeente: GemeenteCode, pipDeadline: LocalDate, today: LocalDate) {
        self.id = id
        self.naam = naam
        self.status = status
        self.gemeente = gemeente
        self.pipDeadline = pipDeadline
        self.laat = !status.isClosed && pipDeadline < today
    }
}
