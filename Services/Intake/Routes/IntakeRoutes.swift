import Foundation
import GRDB
import Hummingbird
import IntakeDomain
import Models
import ServiceKit

/// The case workers' routes under `/api/v1/inburgeraars`, and the operators' audit trail.
/// Every attempt to read or change a person's file, allowed or refused, is written to the
/// audit trail before it is carried out.
struct IntakeRoutes {
    let store: DossierStore
    let auditTrail: AuditTrail
    let database: DatabasePool
    /// The region's municipalities: a file moves only between them.
    let gemeenten: [GemeenteCode]

    static let maxPerPage = 200

    func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument, tokens: TokenStore) {
        let group = router.group("/api/v1").add(middleware: BearerAuthMiddleware(tokens: tokens))
        group.get("/inburgeraars") { request, context in try await caseload(request, context) }
        group.get("/inburgeraars/{id}") { _, context in
            try Response.json(try await withFile(context, action: "dossier lezen") { id, db in
                guard let dossier = try store.dossier(id, in: db) else { throw ProblemDetails.notFound("no file with this id") }
                return dossier
            })
        }
        group.put("/inburgeraars/{id}/brede-intake/{onderdeel}") { request, context in try await recordPart(request, context) }
        group.post("/inburgeraars/{id}/afronden") { _, context in try await complete(context) }
        group.post("/inburgeraars") { request, context in try await register(request, context) }
        group.post("/inburgeraars/{id}/uitnodigingen") { request, context in
            let (principal, id) = try await authorize(context, action: "uitnodigen")
            let body = try await request.decodeJSON(as: UitnodigingVerzoek.self, context: context)
            let today = LocalDate(store.now())
            guard body.datum >= today.adding(days: -365), body.datum <= today.adding(days: 365) else {
                throw ProblemDetails.invalidInput("datum must lie within a year of today", [.init(name: "datum", reason: "is not within a year of today")])
            }
            let made = try await database.write { db in try store.invite(id, on: body.datum, by: principal.tokenId, in: db) }
            return try Response.json(made, status: .created)
        }
        group.post("/inburgeraars/{id}/uitnodigingen/{nummer}/opkomst") { request, context in
            let (principal, id) = try await authorize(context, action: "opkomst vastleggen")
            let body = try await request.decodeJSON(as: Opkomst.self, context: context)
            guard let nummer = Int(try context.parameters.require("nummer")) else { throw ProblemDetails.notFound("no such invitation") }
            let gevolg = try await database.write { db in
                try store.recordAttendance(id, invitation: nummer, came: body.verschenen, by: principal.tokenId, in: db)
            }
            return try Response.json(OpkomstGevolg(gevolg: gevolg))
        }
        group.post("/inburgeraars/{id}/verhuizing") { request, context in
            let (principal, id) = try await authorize(context, action: "verhuizen")
            let body = try await request.decodeJSON(as: Verhuizing.self, context: context)
            guard gemeenten.contains(body.gemeente) else {
                throw ProblemDetails.invalidInput("gemeente is not a municipality of this region", [.init(name: "gemeente", reason: "is not in the region")])
            }
            try await database.write { db in try store.move(id, to: body.gemeente, by: principal.tokenId, in: db) }
            return try Response.json(body)
        }
        group.post("/inburgeraars/{id}/pip-deadline") { request, context in
            let (principal, id) = try await authorize(context, action: "PIP-deadline verlengen")
            let body = try await request.decodeJSON(as: Verlenging.self, context: context)
            guard (1...2000).contains(body.reden.trimmingCharacters(in: .whitespacesAndNewlines).count) else {
                throw ProblemDetails.invalidInput("an extension needs its reason", [.init(name: "reden", reason: "is required")])
            }
            try await database.write { db in try store.extendDeadline(id, to: body.deadline, reason: body.reden, by: principal.tokenId, in: db) }
            return try Response.json(body)
        }
        group.get("/audit") { request, context in try await audit(request, context) }
        Self.describe(in: &document, gemeenten: gemeenten)
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
            try await database.write { db in try audit(principal, action: "caseload", dossier: nil, allowed: false, in: db) }
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
        return try Response.json(Page(items: entries, pagina: page, perPagina: perPage, totaal: total))
    }

    /// Checks that the caller is a klantmanager of the municipality of the file in the path,
    /// and writes the attempt to the audit trail — allowed or refused — in a transaction of
    /// its own, so that it stays whatever the action then comes to.
    private func authorize(_ context: ServiceRequestContext, action: String) async throws -> (Principal, InburgeraarID) {
        let principal = try context.requirePrincipal()
        guard let uuid = UUID(uuidString: try context.parameters.require("id")) else { throw ProblemDetails.notFound("no file with this id") }
        let id = InburgeraarID(uuid)
        let allowed: Bool? = try await database.write { db in
            guard let gemeente = try store.gemeente(of: id, in: db) else { return nil }
            let allowed = principal.role == .klantmanager(gemeente)
            try audit(principal, action: action, dossier: id, allowed: allowed, in: db)
            return allowed
        }
        guard let allowed else { throw ProblemDetails.notFound("no file with this id") }
        guard allowed else { throw ProblemDetails.forbidden("only a klantmanager of the person's municipality may do this") }
        return (principal, id)
    }

    /// Authorizes (see ``authorize(_:action:)``), then runs `body` on the file in one transaction.
    private func withFile<Value: Sendable>(
        _ context: ServiceRequestContext, action: String, _ body: @escaping @Sendable (InburgeraarID, Database) throws -> Value
    ) async throws -> Value {
        let (_, id) = try await authorize(context, action: action)
        return try await database.write { db in try body(id, db) }
    }

    private func recordPart(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let name = try context.parameters.require("onderdeel")
        guard let onderdeel = BredeIntakeOnderdeel(rawValue: name) else {
            throw ProblemDetails.notFound("no part '\(name)': the parts are \(BredeIntakeOnderdeel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (principal, id) = try await authorize(context, action: "brede intake: \(onderdeel.rawValue) vastleggen")
        let invoer = try await request.decodeJSON(as: BredeIntakeInvoer.self, context: context)
        if let problem = invoer.problem(for: onderdeel, today: LocalDate(store.now())) {
            throw ProblemDetails.invalidInput("field '\(problem.name)' \(problem.reason)", [problem])
        }
        try await database.write { db in try store.recordPart(invoer, for: onderdeel, of: id, by: principal.tokenId, in: db) }
        return try Response.json(invoer)
    }

    private struct UitnodigingVerzoek: Decodable {
        var datum: LocalDate
    }

    private struct Opkomst: Decodable {
        var verschenen: Bool
    }

    private struct OpkomstGevolg: Encodable {
        var gevolg: NoShowGeregistreerd.Gevolg?
    }

    private struct Verhuizing: Codable {
        var gemeente: GemeenteCode
    }

    private struct Verlenging: Codable {
        var deadline: LocalDate
        var reden: String
    }

    private struct Geregistreerd: Encodable {
        var id: InburgeraarID
    }

    private func register(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard case .klantmanager(let gemeente) = principal.role, gemeenten.contains(gemeente) else {
            try await database.write { db in try audit(principal, action: "registreren", dossier: nil, allowed: false, in: db) }
            throw ProblemDetails.forbidden("only a klantmanager of a municipality of this region registers people")
        }
        let registratie = try await request.decodeJSON(as: Registratie.self, context: context)
        if let problem = registratie.problem(today: LocalDate(store.now())) {
            throw ProblemDetails.invalidInput("field '\(problem.name)' \(problem.reason)", [problem])
        }
        let id = try await database.write { db in
            let id = try store.register(registratie, in: gemeente, by: principal.tokenId, in: db)
            try audit(principal, action: "registreren", dossier: id, allowed: true, in: db)
            return id
        }
        return try Response.json(Geregistreerd(id: id), status: .created)
    }

    private struct Completed: Encodable {
        var status = DossierStatus.afgerond
    }

    private func complete(_ context: ServiceRequestContext) async throws -> Response {
        let actor = try context.requirePrincipal().tokenId
        try await withFile(context, action: "intake afronden") { id, db in try store.complete(id, by: actor, in: db) }
        return try Response.json(Completed())
    }

    private func audit(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        try context.requirePrincipal().require(.operator)
        let dossier = try request.uri.queryParameters["inburgeraar"].map { value in
            guard let uuid = UUID(uuidString: String(value)) else {
                throw ProblemDetails.invalidInput("inburgeraar must be a file id", [.init(name: "inburgeraar", reason: "is not a file id")])
            }
            return InburgeraarID(uuid)
        }
        return try Response.json(try await database.read { [auditTrail] db in try auditTrail.entries(dossier: dossier, in: db) })
    }

    private func audit(_ principal: Principal, action: String, dossier: InburgeraarID?, allowed: Bool, in db: Database) throws {
        try auditTrail.record(principal, action: action, dossier: dossier, allowed: allowed, in: db)
    }

    private func number(_ value: Substring?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw ProblemDetails.invalidInput("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                                              [.init(name: name, reason: "is out of range")])
        }
        return number
    }

}
