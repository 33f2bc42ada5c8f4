import Foundation
import GRDB
@testable import ServiceKit
import TestSupport
import Testing

@Suite struct PartnerRegistryTests {
    let directory: TemporaryDirectory
    let database: DatabasePool
    let registry: PartnerRegistry

    init() throws {
        directory = try TemporaryDirectory()
        database = try ServiceDatabase.open(path: directory.path + "/state/intake.sqlite", migrations: [])
        registry = PartnerRegistry(database: database)
    }

    func failure(_ body: () throws -> Void) -> PartnerRegistryError.Code? {
        do {
            try body()
            return nil
        } catch let error as PartnerRegistryError {
            #expect(!error.description.contains("\n"))
            return error.code
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func anAddedPartnerIsListedWithItsSecret() throws {
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        let secret = try registry.add(id: "coa", name: "COA", eventTypes: ["koppeling.created", "koppeling.withdrawn"], now: created)
        #expect(secret.encoded.hasPrefix("whsec_") && secret.key.count == 32)
        _ = try registry.add(id: "nltraining", name: "NLtraining B.V.", eventTypes: ["placement.started"])

        let coa = try #require(try registry.partner(id: "coa"))
        #expect(coa == Partner(
            id: "coa", name: "COA", eventTypes: ["koppeling.created", "koppeling.withdrawn"], active: true, createdAt: created, secrets: [secret]))
        #expect(try registry.partners().map(\.id) == ["coa", "nltraining"])
        #expect(try registry.partner(id: "duo") == nil)
    }

    @Test func aDuplicateOrInvalidPartnerIsRefused() throws {
        _ = try registry.add(id: "coa", name: "COA", eventTypes: ["koppeling.created"])
        #expect(failure { _ = try registry.add(id: "coa", name: "COA again", eventTypes: ["koppeling.created"]) } == .duplicatePartner)
        for id in ["", "COA", "co a", "coa_1", "coä", "../coa", String(repeating: "a", count: 65)] {
            #expect(failure { _ = try registry.add(id: id, name: "x", eventTypes: ["a.b"]) } == .invalidId, "\(id)")
        }
        #expect(try registry.add(id: String(repeating: "a", count: 64), name: "x", eventTypes: ["a.b"]).key.count == 32)
        #expect(failure { _ = try registry.add(id: "deltion", name: " ", eventTypes: ["a.b"]) } == .invalidName)
        #expect(failure { _ = try registry.add(id: "deltion", name: "Deltion", eventTypes: []) } == .invalidEventType)
        #expect(failure { _ = try registry.add(id: "deltion", name: "Deltion", eventTypes: ["a b"]) } == .invalidEventType)
        #expect(try registry.partners().map(\.id) == [String(repeating: "a", count: 64), "coa"])
    }

    @Test func rotationKeepsExactlyTheNewestTwoSecrets() throws {
        let first = try registry.add(id: "coa", name: "COA", eventTypes: ["koppeling.created"])
        let second = try registry.rotateSecret(id: "coa")
        #expect(try registry.partner(id: "coa")?.secrets == [second, first])
        let third = try registry.rotateSecret(id: "coa")
        #expect(try registry.partner(id: "coa")?.secrets == [third, second])
        let fourth = try registry.rotateSecret(id: "coa")
        #expect(try registry.partner(id: "coa")?.secrets == [fourth, third])
        let stored = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM partner_secrets") }
        #expect(stored == 2)
        #expect(failure { _ = try registry.rotateSecret(id: "duo") } == .unknownPartner)
    }

    @Test func aDisabledPartnerCanBeEnabledAgain() throws {
        let secret = try registry.add(id: "coa", name: "COA", eventTypes: ["koppeling.created"])
        try registry.disable(id: "coa")
        #expect(try registry.partner(id: "coa")?.active == false)
        try registry.disable(id: "coa")
        try registry.enable(id: "coa")
        #expect(try registry.partner(id: "coa")?.active == true)
        #expect(try registry.partner(id: "coa")?.secrets == [secret])
        #expect(failure { try registry.disable(id: "duo") } == .unknownPartner)
        #expect(failure { try registry.enable(id: "duo") } == .unknownPartner)
    }

    @Test func theLogIsNewestFirstAndPerPartner() throws {
        _ = try registry.add(id: "coa", name: "COA", eventTypes: ["koppeling.created"])
        _ = try registry.add(id: "nltraining", name: "NLtraining", eventTypes: ["placement.started"])
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try database.write { db in
            try registry.record(PartnerLogEntry(at: start, partnerId: "coa", webhookId: "msg_1", eventType: "koppeling.created", outcome: .accepted), in: db)
            try registry.record(PartnerLogEntry(at: start, partnerId: "nltraining", webhookId: "msg_x", outcome: .accepted), in: db)
        }
        try registry.record(PartnerLogEntry(at: start + 1, partnerId: "coa", webhookId: "msg_1", eventType: "koppeling.created", outcome: .duplicate))
        try registry.record(PartnerLogEntry(at: start + 2, partnerId: "coa", webhookId: "msg_2", outcome: .rejected, reason: "no valid signature"))

        let log = try registry.log(partnerId: "coa")
        #expect(log.map(\.outcome) == [.rejected, .duplicate, .accepted])
        #expect(log.first == PartnerLogEntry(at: start + 2, partnerId: "coa", webhookId: "msg_2", outcome: .rejected, reason: "no valid signature"))
        #expect(try registry.log(partnerId: "coa", limit: 2).map(\.webhookId) == ["msg_2", "msg_1"])
        #expect(try registry.log(partnerId: "nltraining").count == 1)
        #expect(failure { _ = try registry.log(partnerId: "duo") } == .unknownPartner)

        #expect(try registry.pruneLog(before: start + 1) == 2)
        #expect(try registry.log(partnerId: "coa").map(\.webhookId) == ["msg_2", "msg_1"], "only the older entries went")
    }

    @Test func aRolledBackTransactionTakesItsLogEntryWithIt() throws {
        _ = try registry.add(id: "coa", name: "COA", eventTypes: ["koppeling.created"])
        struct Abort: Error {}
        do {
            try database.write { db in
                try registry.record(PartnerLogEntry(at: Date(), partnerId: "coa", outcome: .accepted), in: db)
                throw Abort()
            }
        } catch is Abort {}
        #expect(try registry.log(partnerId: "coa").isEmpty)
    }
}
