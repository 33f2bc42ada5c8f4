import GRDB
import ServiceKit

/// The PIP database: one PIP per person, its versions, bezwaren, meldingen to DUO and the
/// schedule of its deadlines.
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
        Migration("add-versions-bezwaren-deadlines") { db in
            // Every fixed version in pip_versie, the first included (backfilled from the draft);
            // bezwaren; DUO's term; and the deadline schedule: one row per deadline and lead
            // time, fired once (fired_at), kept afterwards so that nothing fires twice.
            try db.execute(sql: """
                INSERT OR IGNORE INTO pip_versie (pip_id, versie, dagtekening, leerroute, niveau, uren, soort, reden, auteur)
                SELECT id, 1, dagtekening,
                       coalesce(json_extract(keuze, '$.leerroute'), json_extract(advies, '$.route')),
                       coalesce(json_extract(keuze, '$.niveau'),
                                CASE coalesce(json_extract(keuze, '$.leerroute'), json_extract(advies, '$.route')) WHEN 'z' THEN 'A2' ELSE 'B1' END),
                       coalesce(json_extract(keuze, '$.uren'),
                                CASE coalesce(json_extract(keuze, '$.leerroute'), json_extract(advies, '$.route')) WHEN 'z' THEN 1600 WHEN 'onderwijs' THEN 1500 ELSE 0 END),
                       'vaststelling', coalesce(json_extract(keuze, '$.afwijkingsreden'), ''), 'onbekend'
                FROM pip WHERE status = 'vastgesteld';
                ALTER TABLE pip_deadline ADD COLUMN gemeente TEXT;
                CREATE TABLE pip_bezwaar (
                    pip_id TEXT NOT NULL REFERENCES pip(id),
                    versie INTEGER NOT NULL,
                    ontvangen_op TEXT NOT NULL,
                    omschrijving TEXT NOT NULL,
                    tijdig INTEGER NOT NULL,
                    auteur TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    PRIMARY KEY (pip_id, versie)
                ) WITHOUT ROWID;
                CREATE TABLE duo_termijn (
                    inburgeraar_id TEXT PRIMARY KEY,
                    code TEXT NOT NULL,
                    startdatum TEXT NOT NULL,
                    laatste_dag TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE pip_signaal (
                    inburgeraar_id TEXT NOT NULL,
                    soort TEXT NOT NULL,
                    deadline TEXT NOT NULL,
                    moment TEXT NOT NULL,
                    fire_on TEXT NOT NULL,
                    gemeente TEXT NOT NULL,
                    pip_id TEXT,
                    fired_at DATETIME,
                    PRIMARY KEY (inburgeraar_id, soort, deadline, moment)
                ) WITHOUT ROWID;
                CREATE INDEX pip_signaal_due ON pip_signaal (fire_on) WHERE fired_at IS NULL;
                """)
        },
        DuoPipMeldingen.migration,
        Migration("add-gemelde-uren") { db in
            // The hours the providers reported through enrolment (uren-bijgewerkt), for afschalen.
            try db.execute(sql: "CREATE TABLE gemelde_uren (inburgeraar_id TEXT PRIMARY KEY, uren INTEGER NOT NULL) WITHOUT ROWID")
        },
    ]
}
