import GRDB
import ServiceKit

/// The probe's tables: the state changes it made, and the effects of the events it handled.
enum ProbeSchema {
    static let migration = Migration("create-probe-tables") { db in
        try db.execute(sql: """
            CREATE TABLE probe_change (number INTEGER PRIMARY KEY, made_at DATETIME NOT NULL);
            CREATE TABLE probe_effect (id INTEGER PRIMARY KEY AUTOINCREMENT, change INTEGER NOT NULL);
            """)
    }

    /// One row per handled event; deliberately without a unique key, so that a doubled
    /// effect shows.
    static func recordEffect(of event: ProbeChanged, in db: Database) throws {
        try db.execute(sql: "INSERT INTO probe_effect (change) VALUES (?)", arguments: [event.change])
    }
}
