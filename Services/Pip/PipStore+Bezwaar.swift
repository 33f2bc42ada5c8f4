import Foundation
import GRDB
import Models
import ServiceKit

/// What a case worker registers when a bezwaar against a version arrives.
struct BezwaarInvoer: Codable, Sendable, Equatable {
    /// The version objected to; the newest when left out.
    var versie: Int?
    /// The day the municipality received it; today when left out.
    var ontvangenOp: LocalDate?
    /// What the bezwaar is about, in a few sentences (no copy of the letter).
    var omschrijving: String
}

extension PipStore {
    /// The bezwaartermijn: six weeks from the dagtekening (Awb art. 6:7).
    static let bezwaarWeken = 6

    /// Registers a bezwaar against a fixed version: one per version; a late one is
    /// registered and flagged (the municipality decides whether it is admissible).
    func registerBezwaar(_ invoer: BezwaarInvoer, against id: String, by author: String, in db: Database) throws -> Pip {
        guard let pip = try pip(id, in: db) else { throw ProblemDetails.notFound("no PIP with this id") }
        guard pip.status == "vastgesteld" else { throw ProblemDetails.conflict("a bezwaar is against a fixed version; this PIP is a draft") }
        let omschrijving = invoer.omschrijving.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !omschrijving.isEmpty, omschrijving.count <= PipKeuze.maximumTekst else {
            throw invalid("omschrijving", "must be 1 to \(PipKeuze.maximumTekst) characters")
        }
        let nummer = invoer.versie ?? pip.versie
        guard let versie = pip.versies.first(where: { $0.versie == nummer }) else {
            throw invalid("versie", "this PIP has versions 1 to \(pip.versie)")
        }
        let today = LocalDate(now())
        let ontvangen = invoer.ontvangenOp ?? today
        guard ontvangen >= versie.dagtekening, ontvangen <= today else {
            throw invalid("ontvangenOp", "must lie between the version's dagtekening (\(versie.dagtekening)) and today")
        }
        guard !pip.bezwaren.contains(where: { $0.versie == nummer }) else {
            throw ProblemDetails.conflict("a bezwaar against version \(nummer) is registered already")
        }
        let tijdig = ontvangen <= versie.dagtekening.adding(days: 7 * Self.bezwaarWeken)
        try db.execute(
            sql: "INSERT INTO pip_bezwaar (pip_id, versie, ontvangen_op, omschrijving, tijdig, auteur, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, nummer, ontvangen.description, omschrijving, tijdig, author, now()])
        try outbox.add(
            PipBezwaarIngediend(pipId: id, inburgeraarId: pip.inburgeraarId, gemeente: pip.gemeente, versie: nummer, ontvangenOp: ontvangen, tijdig: tijdig),
            in: db, time: now())
        return try self.pip(id, in: db)!
    }

    private func invalid(_ name: String, _ reason: String) -> ProblemDetails {
        .invalidInput("\(name) \(reason)", [.init(name: name, reason: reason)])
    }
}
