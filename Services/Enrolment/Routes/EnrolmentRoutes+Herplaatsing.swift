import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

extension EnrolmentRoutes {
    /// `GET /api/v1/aanbieders/{id}/herplaatsing` proposes re-placing everyone the provider
    /// holds; `POST` carries it out (what `inburgeringctl enrolment replace` calls).
    /// Contractmanagers and operators.
    func installHerplaatsing(on api: RouterGroup<ServiceRequestContext>) {
        api.get("aanbieders/{id}/herplaatsing") { _, context in
            try context.requirePrincipal().require(.contractmanager, .operator)
            let id = try context.parameters.require("id")
            return try Response.json(try await database.read { [store] db in try store.herplaatsingsplan(weg: id, in: db) })
        }
        api.post("aanbieders/{id}/herplaatsing") { request, context in
            let principal = try context.requirePrincipal()
            try principal.require(.contractmanager, .operator)
            let body = try await request.decodeJSON(as: HerplaatsingVerzoek.self, context: context)
            guard !body.reden.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, body.reden.count <= 2000 else {
                throw DomainError.invalid("reden", "must say why (1 to 2000 characters), e.g. 'Blik op Werk keurmerk ingetrokken'")
            }
            let id = try context.parameters.require("id")
            return try Response.json(try await database.write { [store] db in
                try store.herplaats(weg: id, reden: body.reden, auteur: principal.tokenId, in: db)
            })
        }
    }
}

/// Why a provider's people are re-placed.
struct HerplaatsingVerzoek: Decodable, Sendable {
    var reden: String
}
