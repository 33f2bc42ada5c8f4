import GRDB
import ServiceKit

/// The PIP database: one draft per person for now; versions come with fixing.
enum PipSchema {
    static let migrations = [
        Migration("create-pips") { db in
            try db.execute(sql: """
                CREATE TABLE pip (
                    id TEXT PRIMARY KEY,
                    inburgeraar_id TEXT NOT NULL UNIQUE,
                    gemeente TEXT NOT NULL,
                    doelgroep TEXT NOT NULL,
                    status TEXT NOT NULL,
                    advies TEXT NOT NULL,
                    samenvatting TEXT NOT NULL,
                    intake_afgerond_op DATETIME NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX pip_gemeente_status ON pip (gemeente, status, created_at);
                """)
        },
        Migration("add-pip-vaststelling") { db in
            try db.execute(sql: """
                ALTER TABLE pip ADD COLUMN keuze TEXT;
                ALTER TABLE pip ADD COLUMN versie INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE pip ADD COLUMN dagtekening TEXT;
                ALTER TABLE pip ADD COLUMN termijn_einde TEXT;
                ALTER TABLE pip ADD COLUMN te_laat INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE pip_deadline (
                    inburgeraar_id TEXT PRIMARY KEY,
                    deadline TEXT NOT NULL,
                    bron TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        },
        Migration("add-duo-meldingen") { db in
            // The PIP's BSN (from intake.afgerond, for DUO alone) and the meldingen to DUO, written
            // in the transaction that fixes a version: an outbox towards DUO.
            try db.execute(sql: """
                ALTER TABLE pip ADD COLUMN bsn TEXT;
                CREATE TABLE duo_melding (
                    pip_id TEXT NOT NULL REFERENCES pip(id),
                    versie INTEGER NOT NULL,
                    melding TEXT NOT NULL,
                    status TEXT NOT NULL,
                    fouten TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at DATETIME,
                    PRIMARY KEY (pip_id, versie)
                ) WITHOUT ROWID;
                """)
        },
        Migration("create-pip-versies") { db in
            // Versions after the first: what changed, why and by whom.
            try db.execute(sql: """
                CREATE TABLE pip_versie (
                    pip_id TEXT NOT NULL REFERENCES pip(id),
                    versie INTEGER NOT NULL,
                    dagtekening TEXT NOT NULL,
                    leerroute TEXT NOT NULL,
                    niveau TEXT NOT NULL,
                    uren INTEGER NOT NULL,
                    soort TEXT NOT NULL,
                    reden TEXT NOT NULL,
                    auteur TEXT NOT NULL,
                    PRIMARY KEY (pip_id, versie)
                ) WITHOUT ROWID;
                """)
        },
    ]
}
