import Foundation
import GRDB
import IntakeDomain
import Models

/// A row of the `dossier` table as a Codable record: the person's file as a case worker
/// reads it, without its history, parts and invitations (``Dossier`` adds those).
struct DossierRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "dossier"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: InburgeraarID
    var bsn: BSN
    var vNummer: String?
    var naam: String
    var geboortedatum: LocalDate
    var nationaliteit: String?
    /// JSON in the column.
    var talen: [String]
    /// JSON in the column.
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
}

extension Dossier.Change: FetchableRecord {}

extension Uitnodiging: FetchableRecord {}
