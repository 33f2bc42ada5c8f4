import GRDB
import ServiceKit

/// The intake database: one file per person, its history and the audit trail.
enum IntakeSchema {
    static let migrations = [
        Migration("create-dossiers") { db in
            try db.execute(sql: """
                CREATE TABLE dossier (
                    id TEXT PRIMARY KEY,
                    koppeling_id TEXT UNIQUE,
                    bsn TEXT NOT NULL,
                    v_nummer TEXT,
                    naam TEXT NOT NULL,
                    geboortedatum TEXT NOT NULL,
                    nationaliteit TEXT,
                    talen TEXT NOT NULL,
                    gezinsleden TEXT NOT NULL,
                    gemeente TEXT NOT NULL,
                    doelgroep TEXT NOT NULL,
                    status TEXT NOT NULL,
                    koppeldatum TEXT,
                    azc TEXT,
                    pip_deadline TEXT NOT NULL,
                    pip_deadline_bron TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE INDEX dossier_caseload ON dossier (gemeente, status, pip_deadline);
                CREATE INDEX dossier_bsn ON dossier (bsn);
                CREATE TABLE dossier_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    dossier_id TEXT NOT NULL REFERENCES dossier(id),
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    change TEXT NOT NULL,
                    status TEXT NOT NULL,
                    note TEXT
                );
                CREATE INDEX dossier_history_dossier ON dossier_history (dossier_id, id);
                CREATE TABLE IF NOT EXISTS audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DATETIME NOT NULL,
                    token_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    dossier_id TEXT,
                    allowed INTEGER NOT NULL
                );
                CREATE INDEX IF NOT EXISTS audit_log_dossier ON audit_log (dossier_id, id);
                """)
        },
        Migration("create-brede-intake") { db in
            // One row per part; `invoer` is JSON, AES-GCM sealed when `versleuteld` (health).
            try db.execute(sql: """
                CREATE TABLE brede_intake (
                    dossier_id TEXT NOT NULL REFERENCES dossier(id),
                    onderdeel TEXT NOT NULL,
                    invoer BLOB NOT NULL,
                    versleuteld INTEGER NOT NULL,
                    recorded_at DATETIME NOT NULL,
                    recorded_by TEXT NOT NULL,
                    PRIMARY KEY (dossier_id, onderdeel)
                ) WITHOUT ROWID
                """)
        },
        Migration("create-uitnodigingen") { db in
            try db.execute(sql: """
                CREATE TABLE uitnodiging (
                    dossier_id TEXT NOT NULL REFERENCES dossier(id),
                    nummer INTEGER NOT NULL,
                    datum TEXT NOT NULL,
                    verstuurd_at DATETIME NOT NULL,
                    verstuurd_by TEXT NOT NULL,
                    verschenen INTEGER,
                    opkomst_at DATETIME,
                    PRIMARY KEY (dossier_id, nummer)
                ) WITHOUT ROWID
                """)
        },
        Migration("create-duo-notificaties") { db in
            // As DUO sent them; `handled_at` is set once the details were asked of DUO and applied.
            try db.execute(sql: """
                CREATE TABLE duo_notificatie (
                    bericht_id TEXT PRIMARY KEY,
                    doel TEXT NOT NULL,
                    gebeurtenis_id TEXT NOT NULL,
                    bsn TEXT,
                    v_nummer INTEGER,
                    registratie_datum_tijd DATETIME NOT NULL,
                    received_at DATETIME NOT NULL,
                    handled_at DATETIME
                ) WITHOUT ROWID;
                CREATE INDEX duo_notificatie_open ON duo_notificatie (received_at) WHERE handled_at IS NULL;
                """)
        },
        Migration("add-duo-notificatie-verwerking") { db in
            // How handling went: attempts, when to try again, and the outcome in words (no personal data).
            try db.execute(sql: """
                ALTER TABLE duo_notificatie ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE duo_notificatie ADD COLUMN next_attempt_at DATETIME;
                ALTER TABLE duo_notificatie ADD COLUMN uitkomst TEXT;
                """)
        },
        DuoNotificatieStore.migration,
    ]
}
