import ContractMonitorDomain
import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

extension RegisterRoutes {
    /// `GET /api/v1/register` exports the whole register; `PUT` imports a document as one
    /// change (what `inburgeringctl contracts export` and `import` call).
    func installRegister(on api: RouterGroup<ServiceRequestContext>) {
        api.get("register") { _, context in
            try context.requirePrincipal().require(.contractmanager, .operator)
            return try Response.json(try await database.read { [store] db in try store.register(in: db) })
        }
        api.put("register") { request, context in
            let principal = try context.requirePrincipal()
            try principal.require(.contractmanager, .operator)
            let body = try await request.decodeJSON(as: RegisterImport.self, context: context)
            try requireReden(body.reden)
            let unknown = try await unknownToDuo(body.register.aanbieders.map(\.instellingsnummer))
            try requireNoProblems(
                body.register.aanbieders.enumerated().filter { unknown.contains($0.element.instellingsnummer) }
                    .map { unknownProblem("register.aanbieders[\($0.offset)]") })
            return try Response.json(try await database.write { [store, validatie] db in
                try store.importeer(body.register, validatie: validatie, reden: body.reden, auteur: principal.tokenId, in: db)
            })
        }
    }
}
