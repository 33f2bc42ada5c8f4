public import GRDB
import Foundation

/// Opens a service's SQLite database: one file, WAL, created 0600 in a 0700 directory,
/// with the shared migrations and then the service's own applied in order.
public enum ServiceDatabase {
    /// The migrations every service's database has, before its own.
    static let sharedMigrations: [Migration] = [
        TokenStore.migration, Outbox.migration, Inbox.migration, PartnerRegistry.migration, WebhookInbox.migration,
        JobsSchema.migration, WebhookJob.migration, PartnerRegistry.deliveryURLMigration, AuditTrail.migration,
    ]

    /// Opens (creating if needed) the database at `path` and migrates it.
    public static func open(path: String, migrations: [Migration]) throws(DatabaseOpenError) -> DatabasePool {
        let directory = (path as NSString).deletingLastPathComponent
        try PrivateDirectory.create(directory.isEmpty ? "." : directory)
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = Foundation.open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw DatabaseOpenError("cannot create \(path): \(String(cString: strerror(errno)))") }
            close(descriptor)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            var migrator = DatabaseMigrator()
            for migration in sharedMigrations + migrations {
                migrator.registerMigration(migration.name) { db in try migration.apply(db) }
            }
            try migrator.migrate(pool)
            return pool
        } catch {
            throw DatabaseOpenError("cannot open the database \(path): \(error.sqliteSummary)")
        }
    }
}

/// The database could not be opened or migrated; the message names the file and the cause.
public struct DatabaseOpenError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension Error {
    /// A summary that names SQLite's result code but not the statement's arguments.
    var sqliteSummary: String {
        if let error = self as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "no message")"
        }
        return String(describing: type(of: self))
    }
}
