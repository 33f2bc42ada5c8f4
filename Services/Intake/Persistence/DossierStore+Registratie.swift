import Foundation
import GRDB
import IntakeDomain
import Models
import ServiceKit

extension DossierStore {
    /// Opens a file for a person registered by hand in `gemeente`; refused while the region
    /// has an open file for the same BSN.
    func register(_ registratie: Registratie, in gemeente: GemeenteCode, by actor: String, in db: Database) throws -> InburgeraarID {
        guard try openFile(bsn: registratie.bsn, in: db) == nil else {
            throw DomainError.conflict("the region has an open file for this person already")
        }
        let id = InburgeraarID()
        let time = now()
        try db.execute(
            sql: """
                INSERT INTO dossier (id, bsn, naam, geboortedatum, talen, gezinsleden, gemeente, doelgroep, status,
                    pip_deadline, pip_deadline_bron, created_at, updated_at)
                VALUES (?, ?, ?, ?, '[]', '[]', ?, ?, ?, ?, 'registratie', ?, ?)
                """,
            arguments: [
                id.description, registratie.bsn.digits, registratie.naam, registratie.geboortedatum.description, gemeente.rawValue,
                registratie.doelgroep.rawValue, DossierStatus.gekoppeld.rawValue,
                PipDeadline.deadline(from: registratie.registratiedatum).description, time, time,
            ])
        try record(id, actor: actor, change: "geregistreerd door de gemeente", status: .gekoppeld, in: db)
        return id
    }
}
