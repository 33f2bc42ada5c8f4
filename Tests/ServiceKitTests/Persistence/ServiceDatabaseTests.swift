import Foundation
import GRDB
import ServiceKit
import TestSupport
import Testing

@Suite struct ServiceDatabaseTests {
    let directory: TemporaryDirectory
    var path: String { directory.path + "/state/svc.sqlite" }

    init() throws { directory = try TemporaryDirectory() }

    static let first = Migration("create-dossiers") { db in
        try db.execute(sql: "CREATE TABLE dossiers (id TEXT PRIMARY KEY, status TEXT NOT NULL)")
    }
    static let second = Migration("add-dossier-gemeente") { db in
        try db.execute(sql: "ALTER TABLE dossiers ADD COLUMN gemeente TEXT")
    }

    /// The migrations every service's database has, in order, before its own.
    static let shared = [
        "create-api-tokens", "create-outbox", "create-inbox", "create-partners", "create-webhook-inbox", "create-jobs", "move-webhook-inbox-to-jobs",
        "add-partner-delivery-url", "create-audit-log",
    ]

    @Test func aFreshDatabaseGetsEveryMigrationInWALMode() throws {
        let pool = try ServiceDatabase.open(path: path, migrations: [Self.first])
        let (journal, applied) = try pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(journal == "wal")
        #expect(applied == Self.shared + ["create-dossiers"])
    }

    @Test func anExistingDatabaseKeepsItsDataAndGetsOnlyNewMigrations() throws {
        do {
            let pool = try ServiceDatabase.open(path: path, migrations: [Self.first])
            try pool.write { try $0.execute(sql: "INSERT INTO dossiers VALUES ('d1', 'gekoppeld')") }
        }
        let pool = try ServiceDatabase.open(path: path, migrations: [Self.first, Self.second])
        let (rows, applied) = try pool.read { db in
            (try Row.fetchAll(db, sql: "SELECT id, status, gemeente FROM dossiers"), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(rows.count == 1)
        #expect(rows.first?["status"] == "gekoppeld")
        #expect(applied == Self.shared + ["create-dossiers", "add-dossier-gemeente"])
    }

    @Test func filesArePrivate() throws {
        _ = try ServiceDatabase.open(path: path, migrations: [])
        let directoryMode = try FileManager.default.attributesOfItem(atPath: directory.path + "/state")[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func aPathThatCannotHoldADatabaseGivesAClearError() throws {
        _ = FileManager.default.createFile(atPath: directory.path + "/bestand", contents: Data())
        do {
            _ = try ServiceDatabase.open(path: directory.path + "/bestand/svc.sqlite", migrations: [])
            Issue.record("opened a database below a file")
        } catch {
            #expect(error.description.contains("not a directory"))
        }
    }
}
