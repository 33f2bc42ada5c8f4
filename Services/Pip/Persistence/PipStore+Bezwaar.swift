import Foundation
import GRDB
import Models
import PipDomain
import ServiceKit

extension PipStore {
    /// Registers a bezwaar against a fixed version (``BezwaarRegistratie`` decides which,
    /// and whether it came in time).
    func registerBezwaar(_ invoer: BezwaarInvoer, against id: String, by author: String, in db: Database) throws -> Pip {
        guard let pip = try pip(id, in: db) else { throw DomainError.notFound("no PIP with this id") }
        guard pip.status == "vastgesteld" else { throw DomainError.conflict("a bezwaar is against a fixed version; this PIP is a draft") }
        let bezwaar = try BezwaarRegistratie(invoer, versies: pip.versies, metBezwaar: Set(pip.bezwaren.map(\.versie)), today: LocalDate(now()))
        try db.execute(
            sql: "INSERT INTO pip_bezwaar (pip_id, versie, ontvangen_op, omschrijving, tijdig, auteur, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, bezwaar.versie, bezwaar.ontvangenOp.description, bezwaar.omschrijving, bezwaar.tijdig, author, now()])
        try outbox.add(
            PipBezwaarIngediend(
                pipId: id, inburgeraarId: pip.inburgeraarId, gemeente: pip.gemeente, versie: bezwaar.versie, ontvangenOp: bezwaar.ontvangenOp,
                tijdig: bezwaar.tijdig),
            in: db, time: now())
        return try self.pip(id, in: db)!
    }
}
