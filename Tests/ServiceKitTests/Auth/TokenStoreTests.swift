import Foundation
import GRDB
import Models
import ServiceKit
import Testing

@Suite struct TokenStoreTests {
    let service: TestService
    var tokens: TokenStore { service.dependencies.tokens }

    init() throws { service = try TestService() }

    @Test func aTokenAuthenticatesAsItsRole() throws {
        let (token, secret) = try tokens.create(role: .aanbieder("nltraining"), label: "NLtraining koppeling")
        #expect(secret.hasPrefix("ibt_") && secret.count > 40)
        #expect(try tokens.authenticate(secret: secret) == Principal(tokenId: token.id, role: .aanbieder("nltraining")))
        #expect(try tokens.authenticate(secret: secret + "x") == nil)
        #expect(try tokens.authenticate(secret: "") == nil)
    }

    @Test func onlyTheHashIsStored() throws {
        let (_, secret) = try tokens.create(role: .operator, label: "beheer")
        let stored = try service.dependencies.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_tokens").flatMap { row in row.databaseValues.map(\.description) }
        }
        #expect(!stored.contains { $0.contains(secret) || $0.contains(secret.dropFirst(4)) })
        _ = try service.dependencies.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        let raw = try Data(contentsOf: URL(fileURLWithPath: service.dependencies.configuration.databasePath(for: TestService.descriptor)))
        #expect(raw.range(of: Data(secret.utf8)) == nil)
    }

    @Test func aRevokedTokenStopsWorking() throws {
        let (token, secret) = try tokens.create(role: .contractmanager, label: "contractbeheer")
        #expect(try tokens.revoke(id: token.id))
        #expect(try tokens.authenticate(secret: secret) == nil)
        #expect(try !tokens.revoke(id: token.id))
        #expect(try tokens.list().first { $0.id == token.id }?.isActive == false)
    }

    @Test func listShowsRolesAndScopes() throws {
        _ = try tokens.create(role: .klantmanager(try GemeenteCode("GM0166")), label: "Kampen")
        let listed = try #require(try tokens.list().first)
        #expect(listed.role == .klantmanager(try GemeenteCode("GM0166")))
        #expect(listed.label == "Kampen")
    }

    @Test func rolesNeedTheRightScope() throws {
        #expect(throws: RoleError.self) { try Role(name: "klantmanager", scope: nil) }
        #expect(throws: RoleError.self) { try Role(name: "klantmanager", scope: "Zwolle") }
        #expect(throws: RoleError.self) { try Role(name: "operator", scope: "GM0193") }
        #expect(throws: RoleError.self) { try Role(name: "beheerder", scope: nil) }
        #expect(try Role(name: "aanbieder", scope: "deltion") == .aanbieder("deltion"))
    }

    @Test func scopeIsEnforced() throws {
        let zwolle = try GemeenteCode("GM0193")
        let principal = Principal(tokenId: "tok_1", role: .klantmanager(zwolle))
        try principal.requireKlantmanager(of: zwolle)
        #expect(throws: ProblemDetails.self) { try principal.requireKlantmanager(of: try GemeenteCode("GM0166")) }
        #expect(throws: ProblemDetails.self) { try Principal(tokenId: "tok_2", role: .operator).requireKlantmanager(of: zwolle) }
        #expect(throws: ProblemDetails.self) { try principal.require(.contractmanager) }
    }
}
