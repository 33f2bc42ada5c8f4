import ContractMonitorDomain
import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

/// The contract register's routes under `/api/v1`: aanbieders, percelen and contracten, each
/// listed, read, created, changed (a new version) and with its versions; a contract ended;
/// the whole register exported and imported; DUO's list of institutions.
struct RegisterRoutes {
    let store: RegisterStore
    let database: DatabasePool
    let validatie: RegisterValidatie
    /// DUO's list, or nil when the service is not connected to DUO (no instellingsnummer check).
    let instellingen: InstellingenSync?
    let jobs: JobQueue

    func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument, tokens: TokenStore) {
        Self.describe(in: &document)
        let api = router.group("/api/v1").add(middleware: BearerAuthMiddleware(tokens: tokens))
        entries(Aanbieder.self, on: api) { aanbieder, path in try await unknownToDuo([aanbieder.instellingsnummer]).isEmpty ? [] : [unknownProblem(path)] }
        entries(Perceel.self, on: api)
        entries(Contract.self, on: api)
        api.post("contracten/{id}/beeindiging") { request, context in
            let principal = try context.requirePrincipal()
            try principal.require(.contractmanager)
            let beeindiging = try await request.decodeJSON(as: Contract.Beeindiging.self, context: context)
            try requireReden(beeindiging.reden)
            let id = try context.parameters.require("id")
            return try Response.json(
                try await database.write { [store, validatie] db in
                    guard var contract = try store.current(Contract.self, id: id, in: db)?.inhoud else { throw DomainError.notFound("no contract with this id") }
                    guard contract.beeindiging == nil else { throw DomainError.conflict("contract \(id) was ended already") }
                    contract.beeindiging = beeindiging
                    let problemen = contract.problemen(in: try store.register(in: db), validatie: validatie, at: "contract")
                    guard problemen.isEmpty else { throw DomainError.invalid(.init(name: "datum", reason: problemen[0].reason)) }
                    return try store.record(contract, reden: beeindiging.reden, auteur: principal.tokenId, in: db)
                })
        }
        installRegister(on: api)
        installInstellingen(on: api)
    }

    /// The five routes of one kind of entry under its plural. `precheck` finds what needs
    /// asking elsewhere (DUO) before the write, for the entry at a path.
    private func entries<T: RegisterItem>(
        _ type: T.Type, on api: RouterGroup<ServiceRequestContext>,
        precheck: @escaping @Sendable (T, String) async throws -> [DomainError.FieldProblem] = { _, _ in [] }
    ) {
        let name = T.soort.rawValue
        let group = api.group(RouterPath(T.soort.meervoud))
        group.get { _, context in
            let principal = try context.requirePrincipal()
            return try Response.json(try await database.read { [store] db in
                try store.current(T.self, in: db).filter { RegisterAccess.isReadable($0.inhoud, by: principal) }
            })
        }
        group.get("{id}") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            guard let versie = try await database.read({ [store] db in try store.current(T.self, id: id, in: db) }) else {
                throw DomainError.notFound("no \(name) with this id")
            }
            try RegisterAccess.requireReadable(versie.inhoud, by: principal)
            return try Response.json(versie)
        }
        group.get("{id}/versies") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            let versies = try await database.read { [store] db in try store.versies(T.self, id: id, in: db) }
            guard let last = versies.last else { throw DomainError.notFound("no \(name) with this id") }
            try RegisterAccess.requireReadable(last.inhoud, by: principal)
            return try Response.json(versies)
        }
        group.post { request, context in
            let (wijziging, principal) = try await decode(T.self, request, context)
            try await requireNoProblems(try await precheck(wijziging.inhoud, "inhoud"))
            let versie = try await database.write { [store, validatie] db in
                guard try store.current(T.self, id: wijziging.inhoud.id, in: db) == nil else {
                    throw DomainError.conflict("a \(name) with id \(wijziging.inhoud.id) exists already: change it with PUT")
                }
                try requireNoProblems(wijziging.inhoud.problemen(in: try store.register(in: db), validatie: validatie, at: "inhoud"))
                return try store.record(wijziging.inhoud, reden: wijziging.reden, auteur: principal.tokenId, in: db)
            }
            return try Response.json(versie, status: .created)
        }
        group.put("{id}") { request, context in
            let (wijziging, principal) = try await decode(T.self, request, context)
            let id = try context.parameters.require("id")
            guard wijziging.inhoud.id == id else { throw DomainError.invalid("inhoud.id", "must be the id in the path (\(id)); an id does not change") }
            try await requireNoProblems(try await precheck(wijziging.inhoud, "inhoud"))
            let versie = try await database.write { [store, validatie] db in
                guard let current = try store.current(T.self, id: id, in: db) else { throw DomainError.notFound("no \(name) with this id") }
                try requireNoProblems(wijziging.inhoud.problemen(in: try store.register(in: db), validatie: validatie, at: "inhoud"))
                return try store.record(wijziging.inhoud, reden: wijziging.reden, auteur: principal.tokenId, in: db) ?? current
            }
            return try Response.json(versie)
        }
    }

    /// A change's body, read once the caller is known to be a contractmanager.
    private func decode<T: RegisterItem>(
        _ type: T.Type, _ request: Request, _ context: ServiceRequestContext
    ) async throws -> (Wijziging<T>, Principal) {
        let principal = try context.requirePrincipal()
        try principal.require(.contractmanager)
        let wijziging = try await request.decodeJSON(as: Wijziging<T>.self, context: context)
        try requireReden(wijziging.reden)
        return (wijziging, principal)
    }

    /// The `instellingsnummer`s among `numbers` DUO does not list; none when not connected to DUO.
    func unknownToDuo(_ numbers: [String]) async throws -> Set<String> {
        guard let instellingen else { return [] }
        do {
            return try await instellingen.unknown(numbers)
        } catch {
            throw ProblemDetails(
                status: .serviceUnavailable, detail: "DUO's list of institutions cannot be read to check the instellingsnummer; try again in a few minutes")
        }
    }

    func unknownProblem(_ path: String) -> DomainError.FieldProblem {
        .init(name: path + ".instellingsnummer", reason: "is not known to DUO (GET /instellingen): check the number with the provider")
    }
}

/// Throws one invalid-input error naming every problem, when there are any.
func requireNoProblems(_ problemen: [DomainError.FieldProblem]) throws {
    guard !problemen.isEmpty else { return }
    throw problemen.count == 1
        ? DomainError.invalid(problemen[0])
        : DomainError(.invalidInput, "\(problemen.count) fields are not acceptable, each named below", fields: problemen)
}
