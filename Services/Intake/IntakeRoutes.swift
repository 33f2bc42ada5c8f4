import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

/// The case workers' routes under `/api/v1/inburgeraars`, and the operators' audit trail.
/// Every read of a person's file, allowed or refused, is written to the audit trail.
struct IntakeRoutes {
    let store: DossierStore
    let database: DatabasePool

    static let maxPerPage = 200

    func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument, tokens: TokenStore) {
        let group = router.group("/api/v1").add(middleware: BearerAuthMiddleware(tokens: tokens))
        group.get("/inburgeraars") { request, context in try await caseload(request, context) }
        group.get("/inburgeraars/{id}") { _, context in try await dossier(context) }
        group.get("/audit") { request, context in try await audit(request, context) }
        document.add("GET", "/api/v1/inburgeraars", .init(
            operationId: "listCaseload",
            summary: "The caseload of the klantmanager's municipality, earliest PIP deadline first; filters: status, pipDeadlineVoor; paging: pagina, perPagina.",
            tag: "intake", authenticated: true,
            responses: ["200": .init("A page of the caseload."), "400": .init("A filter or paging value is not acceptable.", mediaType: "application/problem+json")]))
        document.add("GET", "/api/v1/inburgeraars/{id}", .init(
            operationId: "getDossier", summary: "One person's file with its history (audited).", tag: "intake", authenticated: true,
            responses: [
                "200": .init("The file."), "403": .init("The file belongs to another municipality.", mediaType: "application/problem+json"),
                "404": .init("No file with this id.", mediaType: "application/problem+json"),
            ]))
        document.add("GET", "/api/v1/audit", .init(
            operationId: "listAudit", summary: "Who read or tried to read which file, newest first (operators); filter: inburgeraar.",
            tag: "intake", authenticated: true, responses: ["200": .init("The audit trail.")]))
    }

    private struct Page<Item: Encodable>: Encodable {
        var items: [Item]
        var pagina: Int
        var perPagina: Int
        var totaal: Int
    }

    private func caseload(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard case .klantmanager(let gemeente) = principal.role else {
            throw ProblemDetails.forbidden("only a klantmanager has a caseload; this token is a \(principal.role.name)")
        }
        let query = request.uri.queryParameters
        let status = try query["status"].map { value in
            guard let status = DossierStatus(rawValue: String(value)) else {
                throw ProblemDetails.invalidInput("status must be one of \(DossierStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                                                  [.init(name: "status", reason: "is not a status")])
            }
            return status
        }
        let before = try query["pipDeadlineVoor"].map { value in
            guard let date = LocalDate(iso8601: String(value)) else {
                throw ProblemDetails.invalidInput("pipDeadlineVoor must be a date like 2027-01-31", [.init(name: "pipDeadlineVoor", reason: "is not a date")])
            }
            return date
        }
        let page = try number(query["pagina"], name: "pagina", default: 1, range: 1...100_000)
        let perPage = try number(query["perPagina"], name: "perPagina", default: 50, range: 1...Self.maxPerPage)
        let (entries, total) = try await database.write { db in
            try audit(principal, action: "caseload", dossier: nil, allowed: true, in: db)
            return try store.caseload(of: gemeente, status: status, deadlineBefore: before, page: page, perPage: perPage, in: db)
        }
        return try json(Page(items: entries, pagina: page, perPagina: perPage, totaal: total))
    }

    /// What a read of one file came to.
    private enum Lookup {
        case found(Dossier)
        case refused
        case missing
    }

    private func dossier(_ context: ServiceRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let uuid = UUID(uuidString: try context.parameters.require("id")) else { throw ProblemDetails.notFound("no file with this id") }
        let id = InburgeraarID(uuid)
        let lookup: Lookup = try await database.write { db in
            guard let gemeente = try store.gemeente(of: id, in: db) else { return .missing }
            let allowed = principal.role == .klantmanager(gemeente)
            try audit(principal, action: "dossier lezen", dossier: id, allowed: allowed, in: db)
            return try allowed ? store.dossier(id, in: db).map(Lookup.found) ?? .missing : .refused
        }
        switch lookup {
        case .found(let dossier): return try json(dossier)
        case .refused: throw ProblemDetails.forbidden("only the person's own klantmanager may read this file")
        case .missing: throw ProblemDetails.notFound("no file with this id")
        }
    }

    private struct AuditEntry: Encodable {
        var at: Date
        var tokenId: String
        var action: String
        var inburgeraarId: String?
        var toegestaan: Bool
    }

    private func audit(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        try context.requirePrincipal().require(.operator)
        let dossier = try request.uri.queryParameters["inburgeraar"].map { value in
            guard let uuid = UUID(uuidString: String(value)) else {
                throw ProblemDetails.invalidInput("inburgeraar must be a file id", [.init(name: "inburgeraar", reason: "is not a file id")])
            }
            return InburgeraarID(uuid).description
        }
        let entries = try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log WHERE (? IS NULL OR dossier_id = ?) ORDER BY id DESC LIMIT 1000", arguments: [dossier, dossier]
            ).map { row in
                AuditEntry(at: row["at"], tokenId: row["token_id"], action: row["action"], inburgeraarId: row["dossier_id"], toegestaan: row["allowed"])
            }
        }
        return try json(entries)
    }

    private func audit(_ principal: Principal, action: String, dossier: InburgeraarID?, allowed: Bool, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, token_id, action, dossier_id, allowed) VALUES (?, ?, ?, ?, ?)",
            arguments: [store.now(), principal.tokenId, action, dossier?.description, allowed])
    }

    private func number(_ value: Substring?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw ProblemDetails.invalidInput("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                                              [.init(name: name, reason: "is out of range")])
        }
        return number
    }

    private func json(_ value: some Encodable) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try ChainJSON.encoder().encode(value))))
    }
}
