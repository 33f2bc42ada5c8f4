import DUO
import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

extension RegisterRoutes {
    /// `GET /api/v1/instellingen` shows DUO's list as last read; `POST
    /// /api/v1/instellingen/synchronisaties` asks for a sync now.
    func installInstellingen(on api: RouterGroup<ServiceRequestContext>) {
        api.get("instellingen") { _, context in
            _ = try context.requirePrincipal()
            return try Response.json(try await database.read { db in
                let stored = DuoInstellingenStore()
                return InstellingenLijst(
                    gelezenOp: try stored.gelezenOp(in: db), instellingen: try stored.all(in: db).values.sorted { $0.instellingsnummer < $1.instellingsnummer })
            })
        }
        api.post("instellingen/synchronisaties") { _, context in
            try context.requirePrincipal().require(.contractmanager, .operator)
            guard instellingen != nil else {
                throw DomainError.conflict("this service is not connected to DUO (duo.base-url is empty): there is no list to read")
            }
            let key = "gevraagd-" + UUID().uuidString.lowercased()
            try await database.write { [jobs] db in try InstellingenSync.enqueue(key: key, jobs: jobs, in: db) }
            return try Response.json(SyncGevraagd(job: key), status: .accepted)
        }
    }
}

/// DUO's list as last read.
struct InstellingenLijst: Encodable {
    var gelezenOp: Date?
    var instellingen: [DuoInstelling]
}

/// A sync asked for: the durable job that carries it out (`inburgeringctl jobs show`).
struct SyncGevraagd: Encodable {
    var job: String
}
