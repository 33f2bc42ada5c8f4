import GRDB
import ServiceKit

/// The contract register's database: every version of every entry, the region's
/// municipalities by name, and DUO's list of institutions as last read.
enum ContractMonitorSchema {
    static let migrations = [
        Migration("create-register") { db in
            // One row per version of an aanbieder, perceel or contract; the newest is current.
            try db.execute(sql: """
                CREATE TABLE register_versie (
                    soort TEXT NOT NULL,
                    id TEXT NOT NULL,
                    versie INTEGER NOT NULL,
                    inhoud TEXT NOT NULL,
                    auteur TEXT NOT NULL,
                    reden TEXT NOT NULL,
                    vastgelegd_op DATETIME NOT NULL,
                    PRIMARY KEY (soort, id, versie)
                ) WITHOUT ROWID;
                CREATE TABLE register_gemeente (
                    code TEXT PRIMARY KEY,
                    naam TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE duo_instelling (
                    instellingsnummer TEXT PRIMARY KEY,
                    inhoud TEXT NOT NULL,
                    gelezen_op DATETIME NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    ]
}
