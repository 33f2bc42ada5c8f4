import Foundation
import IntakeDomain
import Models

/// One person's file as a case worker sees it.
struct Dossier: Codable, Sendable, Equatable {
    /// One change of the file: when, by whom (a token id, or `coa`), what, and the status after.
    struct Change: Codable, Sendable, Equatable {
        var at: Date
        var actor: String
        var change: String
        var status: DossierStatus
        var note: String?
    }

    var id: InburgeraarID
    var bsn: BSN
    var vNummer: String?
    var naam: String
    var geboortedatum: LocalDate
    var nationaliteit: String?
    var talen: [String]
    var gezinsleden: [CoaKoppeling.Gezinslid]
    var gemeente: GemeenteCode
    var doelgroep: Doelgroep
    var status: DossierStatus
    var koppeldatum: LocalDate?
    var azc: String?
    var pipDeadline: LocalDate
    /// Where the deadline comes from: `koppeling` or `registratie` (provisional, 10 weeks
    /// from that day), `verlengd` (extended by the case worker), `duo` once DUO's SS139 fixed it.
    var pipDeadlineBron: String
    /// The recorded parts of the brede intake, by part (`gezondheid` included: only the
    /// person's own klantmanager reads a file).
    var bredeIntake: [String: BredeIntakeInvoer]
    var uitnodigingen: [Uitnodiging]
    var history: [Change]
}
