import EnrolmentDomain
import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

extension EnrolmentRoutes {
    /// `GET /api/v1/aanmeldingen/{id}/persoon`: what the provider needs of the person it is
    /// asked to place (name, BSN, language level, the plan's hours), for its own aanmeldingen
    /// only, every read audited. `GET /api/v1/audit`: the audit trail, for operators.
    func installPersoon(on api: RouterGroup<ServiceRequestContext>) {
        api.get("aanmeldingen/{id}/persoon") { _, context in
            let principal = try context.requirePrincipal()
            guard case .aanbieder(let own) = principal.role else {
                throw DomainError.forbidden("a person's details are for the provider asked to place them; this token is a \(principal.role.name)")
            }
            let id = try context.parameters.require("id")
            let answer = try await database.write { [store, auditTrail] db -> Persoonsgegevens? in
                let plaatsing = try store.plaatsing(id, in: db)
                let own = plaatsing.flatMap { $0.aanbiederId == own ? $0 : nil }
                try auditTrail.record(principal, action: "aanmelding.persoon.lezen", dossier: plaatsing?.inburgeraarId, allowed: own != nil, in: db)
                guard let own, let gegevens = try store.persoonsgegevens(of: own.inburgeraarId, in: db) else { return nil }
                return Persoonsgegevens(
                    inburgeraarId: own.inburgeraarId, naam: gegevens.naam, bsn: gegevens.bsn.digits, taalniveau: gegevens.taalniveau, leerroute: own.leerroute,
                    uren: own.vraag.uren)
            }
            guard let answer else { throw DomainError.notFound("no aanmelding with this id for this provider, or intake has not told enrolment of the person yet") }
            return try Response.json(answer)
        }
        api.get("audit") { request, context in
            let principal = try context.requirePrincipal()
            guard principal.role == .operator else { throw DomainError.forbidden("the audit trail is for operators; this token is a \(principal.role.name)") }
            let person = try request.uri.queryParameters["inburgeraar"].map { value in
                guard let uuid = UUID(uuidString: String(value)) else { throw DomainError.invalid("inburgeraar", "is not a person's id") }
                return InburgeraarID(uuid)
            }
            return try Response.json(try await database.read { [auditTrail] db in try auditTrail.entries(dossier: person, in: db) })
        }
    }
}

/// What a provider reads of the person it places.
struct Persoonsgegevens: Encodable, Sendable {
    var inburgeraarId: InburgeraarID
    var naam: String?
    var bsn: String
    var taalniveau: Taalniveau?
    var leerroute: Leerroute
    var uren: Int?
}
