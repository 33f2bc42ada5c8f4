import EnrolmentDomain
import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

/// Enrolment's routes under `/api/v1`: klantmanagers see and steer their municipality's
/// placements; providers see and answer their own aanmeldingen; contractmanagers see the
/// waiting list of the whole region.
struct EnrolmentRoutes {
    let store: EnrolmentStore
    let database: DatabasePool
    /// Who read which person's details.
    let auditTrail: AuditTrail

    func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument, tokens: TokenStore) {
        Self.describe(in: &document)
        let api = router.group("/api/v1").add(middleware: BearerAuthMiddleware(tokens: tokens))
        api.get("plaatsingen") { request, context in
            let gemeente = try klantmanager(context)
            let status = try Self.status(request)
            return try Response.json(try await database.read { [store] db in try store.plaatsingen(gemeente: gemeente, status: status, in: db) })
        }
        api.get("plaatsingen/{id}") { _, context in
            let gemeente = try klantmanager(context)
            let id = try context.parameters.require("id")
            return try Response.json(try await database.read { [store] db in
                guard let plaatsing = try store.plaatsing(id, withSteps: true, in: db), plaatsing.gemeente == gemeente else {
                    throw DomainError.notFound("no placement with this id in your municipality")
                }
                return plaatsing
            })
        }
        api.post("plaatsingen/{id}/keuze") { request, context in
            let gemeente = try klantmanager(context)
            let keuze = try await request.decodeJSON(as: Aanbiederkeuze.self, context: context)
            let id = try context.parameters.require("id")
            let author = try context.requirePrincipal().tokenId
            return try Response.json(try await database.write { [store] db in
                guard let plaatsing = try store.plaatsing(id, in: db), plaatsing.gemeente == gemeente else {
                    throw DomainError.notFound("no placement with this id in your municipality")
                }
                guard [.wachtlijst, .aangemeld].contains(plaatsing.status) else {
                    throw DomainError.conflict("the placement is \(plaatsing.status.rawValue): a provider can be chosen while it waits or is aangemeld")
                }
                try store.plaats(id, keuze: keuze, auteur: author, in: db)
                return try store.plaatsing(id, withSteps: true, in: db)!
            })
        }
        api.get("aanmeldingen") { request, context in
            let aanbieder = try aanbieder(context)
            let status = try Self.status(request)
            return try Response.json(try await database.read { [store] db in
                try store.plaatsingen(aanbiederId: aanbieder, status: status, in: db).map(Aanmelding.init)
            })
        }
        api.post("aanmeldingen/{id}/antwoord") { request, context in
            let aanbieder = try aanbieder(context)
            let antwoord = try await request.decodeJSON(as: Aanmeldingsantwoord.self, context: context)
            let id = try context.parameters.require("id")
            let author = try context.requirePrincipal().tokenId
            return try Response.json(Aanmelding(try await database.write { [store] db in
                try store.beantwoord(id, antwoord, door: aanbieder, auteur: author, in: db)
            }))
        }
        api.get("wachtlijst") { _, context in
            let principal = try context.requirePrincipal()
            let gemeente: GemeenteCode?
            switch principal.role {
            case .klantmanager(let own): gemeente = own
            case .contractmanager: gemeente = nil
            default: throw DomainError.forbidden("the waiting list is for klantmanagers (their municipality) and contractmanagers; this token is a \(principal.role.name)")
            }
            return try Response.json(try await database.read { [store] db in try store.wachtlijst(gemeente: gemeente, in: db) })
        }
        installHerplaatsing(on: api)
        installRapportages(on: api)
        installPersoon(on: api)
    }

    private static func status(_ request: Request) throws -> EnrolmentStatus? {
        guard let text = request.uri.queryParameters["status"] else { return nil }
        guard let status = EnrolmentStatus(rawValue: String(text)) else {
            throw DomainError.invalid("status", "must be one of \(EnrolmentStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return status
    }

    private func klantmanager(_ context: ServiceRequestContext) throws -> GemeenteCode {
        let principal = try context.requirePrincipal()
        guard case .klantmanager(let gemeente) = principal.role else {
            throw DomainError.forbidden("placements are for the klantmanagers of their municipality; this token is a \(principal.role.name)")
        }
        return gemeente
    }

    private func aanbieder(_ context: ServiceRequestContext) throws -> String {
        let principal = try context.requirePrincipal()
        guard case .aanbieder(let id) = principal.role else {
            throw DomainError.forbidden("aanmeldingen are for the provider they are sent to; this token is a \(principal.role.name)")
        }
        return id
    }
}

/// An aanmelding as its provider sees it: ids, route and dates only.
struct Aanmelding: Encodable, Sendable {
    var id: String
    var inburgeraarId: InburgeraarID
    var gemeente: GemeenteCode
    var leerroute: Leerroute
    var status: EnrolmentStatus
    var perceelId: String?
    var contractId: String?
    var instroommoment: LocalDate?
    var startdatum: LocalDate?

    init(_ plaatsing: Plaatsing) {
        id = plaatsing.id
        inburgeraarId = plaatsing.inburgeraarId
        gemeente = plaatsing.gemeente
        leerroute = plaatsing.leerroute
        status = plaatsing.status
        perceelId = plaatsing.perceelId
        contractId = plaatsing.contractId
        instroommoment = plaatsing.instroommoment
        startdatum = plaatsing.startdatum
    }
}
