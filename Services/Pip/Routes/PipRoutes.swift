import Foundation
import GRDB
import Hummingbird
import Models
import PipDomain
import ServiceKit

/// The case workers' routes under `/api/v1/pips` (their own municipality only).
struct PipRoutes {
    let store: PipStore
    let database: DatabasePool

    func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument, tokens: TokenStore) {
        Self.describe(in: &document)
        let group = router.group("/api/v1/pips").add(middleware: BearerAuthMiddleware(tokens: tokens))
        group.get { request, context in
            let gemeente = try klantmanager(context)
            let query = request.uri.queryParameters
            let status = query["status"].map(String.init)
            if let status, !["concept", "vastgesteld"].contains(status) {
                throw ProblemDetails.invalidInput("status must be concept or vastgesteld", [.init(name: "status", reason: "must be concept or vastgesteld")])
            }
            let deadlineVoor = try query["deadlineVoor"].map { text in
                guard let date = LocalDate(iso8601: String(text)) else {
                    throw ProblemDetails.invalidInput("deadlineVoor must be a date (yyyy-MM-dd)", [.init(name: "deadlineVoor", reason: "must be yyyy-MM-dd")])
                }
                return date
            }
            let sort = query["sort"].map(String.init)
            if let sort, sort != "deadline" {
                throw ProblemDetails.invalidInput("sort must be deadline (or left out for newest first)", [.init(name: "sort", reason: "must be deadline")])
            }
            return try Response.json(try await database.read { db in
                try store.pips(of: gemeente, status: status, deadlineVoor: deadlineVoor, sortByDeadline: sort != nil, in: db)
            })
        }
        group.get("{id}") { _, context in
            let gemeente = try klantmanager(context)
            let id = try context.parameters.require("id")
            guard let pip = try await database.read({ db in try store.pip(id, in: db) }) else { throw ProblemDetails.notFound("no PIP with this id") }
            guard pip.gemeente == gemeente else { throw ProblemDetails.forbidden("this PIP belongs to another municipality") }
            return try Response.json(pip)
        }
        group.put("{id}") { request, context in
            try Response.json(try await changeOwn(request, context, body: PipKeuze.self) { keuze, id, _, db in
                try store.choose(keuze, for: id, in: db)
                return keuze
            })
        }
        group.post("{id}/vaststellen") { _, context in
            try Response.json(try await changeOwn(context) { id, author, db in try store.fix(id, by: author, in: db) })
        }
        group.post("{id}/wijzigingen") { request, context in
            try Response.json(
                try await changeOwn(request, context, body: PipWijziging.self) { wijziging, id, author, db in try store.change(id, wijziging, by: author, in: db) },
                status: .created)
        }
        group.post("{id}/bezwaren") { request, context in
            try Response.json(
                try await changeOwn(request, context, body: BezwaarInvoer.self) { invoer, id, author, db in
                    try store.registerBezwaar(invoer, against: id, by: author, in: db)
                },
                status: .created)
        }
        group.get("{id}/beschikking") { request, context in
            let gemeente = try klantmanager(context)
            let id = try context.parameters.require("id")
            guard let pip = try await database.read({ db in try store.pip(id, in: db) }), pip.gemeente == gemeente else {
                throw ProblemDetails.notFound("no PIP with this id in your municipality")
            }
            var versie: PipVersie?
            if let text = request.uri.queryParameters["versie"] {
                guard let number = Int(text), let found = pip.versies.first(where: { $0.versie == number }) else {
                    throw ProblemDetails.invalidInput("versie must be one of this PIP's versions (1 to \(pip.versie))", [.init(name: "versie", reason: "no such version")])
                }
                versie = found
            }
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: PipLetter.html(pip, versie: versie ?? pip.versies.last))))
        }
    }

    /// Changes one PIP of the caller's municipality with the request's body: the caller must be
    /// a klantmanager before the body is read.
    private func changeOwn<Body: Decodable & Sendable, Result: Sendable>(
        _ request: Request, _ context: ServiceRequestContext, body: Body.Type,
        _ change: @escaping @Sendable (Body, String, String, Database) throws -> Result
    ) async throws -> Result {
        let gemeente = try klantmanager(context)
        let input = try await request.decodeJSON(as: body, context: context)
        return try await changeOwn(context, gemeente: gemeente) { id, author, db in try change(input, id, author, db) }
    }

    /// Changes one PIP of the caller's municipality in a write transaction; `change` gets the
    /// PIP's id and the caller's token id as its author.
    private func changeOwn<Result: Sendable>(
        _ context: ServiceRequestContext, gemeente: GemeenteCode? = nil, _ change: @escaping @Sendable (String, String, Database) throws -> Result
    ) async throws -> Result {
        let gemeente = try gemeente ?? klantmanager(context)
        let id = try context.parameters.require("id")
        let author = try context.requirePrincipal().tokenId
        return try await database.write { db in
            try requireOwn(id, gemeente, in: db)
            return try change(id, author, db)
        }
    }

    /// Refuses (404) a PIP that is not of the caller's municipality, without saying whether it exists.
    private func requireOwn(_ id: String, _ gemeente: GemeenteCode, in db: Database) throws {
        guard try store.pip(id, in: db)?.gemeente == gemeente else { throw ProblemDetails.notFound("no PIP with this id in your municipality") }
    }

    private func klantmanager(_ context: ServiceRequestContext) throws -> GemeenteCode {
        let principal = try context.requirePrincipal()
        guard case .klantmanager(let gemeente) = principal.role else {
            throw ProblemDetails.forbidden("PIPs are for the klantmanagers of their municipality; this token is a \(principal.role.name)")
        }
        return gemeente
    }
}
