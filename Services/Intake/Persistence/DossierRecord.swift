import Foundation
import GRDB
import IntakeDomain
import Models

/// A row of the `dossier` table as a Codable record: the person's file without its
/// history, parts and invitations.
struct DossierRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "dossier"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: InburgeraarID
    var koppelingId: String?
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
    var pipDeadlineBron: String
    var createdAt: Date
    var updatedAt: Date
}

extension Dossier.Change: FetchableRecord {}

extension Uitnodiging: FetchableRecord {}
