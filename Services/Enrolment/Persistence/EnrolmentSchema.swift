import GRDB
import ServiceKit

/// Enrolment's database: its copy of the contract register (from contract-monitor's events),
/// one placement per person and route with every step it took, and the providers that
/// refused a placement.
enum EnrolmentSchema {
    static let migrations = [
        Migration("create-plaatsingen") { db in
            try db.execute(sql: """
                CREATE TABLE register_entry (
                    soort TEXT NOT NULL,
                    id TEXT NOT NULL,
                    versie INTEGER NOT NULL,
                    inhoud TEXT NOT NULL,
                    PRIMARY KEY (soort, id)
                ) WITHOUT ROWID;
                CREATE TABLE plaatsing (
                    id TEXT PRIMARY KEY,
                    inburgeraar_id TEXT NOT NULL,
                    pip_id TEXT NOT NULL,
                    gemeente TEXT NOT NULL,
                    vraag TEXT NOT NULL,
                    status TEXT NOT NULL,
                    perceel_id TEXT,
                    contract_id TEXT,
                    aanbieder_id TEXT,
                    instroommoment TEXT,
                    startdatum TEXT,
                    reden TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE UNIQUE INDEX plaatsing_lopend ON plaatsing (inburgeraar_id) WHERE status NOT IN ('afgerond', 'uitgevallen', 'overgeplaatst');
                CREATE INDEX plaatsing_status ON plaatsing (status, gemeente);
                CREATE INDEX plaatsing_aanbieder ON plaatsing (aanbieder_id, status);
                CREATE TABLE plaatsing_stap (
                    plaatsing_id TEXT NOT NULL REFERENCES plaatsing(id),
                    nr INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    aanbieder_id TEXT,
                    reden TEXT NOT NULL,
                    auteur TEXT NOT NULL,
                    tijd DATETIME NOT NULL,
                    PRIMARY KEY (plaatsing_id, nr)
                ) WITHOUT ROWID;
                CREATE TABLE plaatsing_weigering (
                    plaatsing_id TEXT NOT NULL REFERENCES plaatsing(id),
                    aanbieder_id TEXT NOT NULL,
                    PRIMARY KEY (plaatsing_id, aanbieder_id)
                ) WITHOUT ROWID;
                """)
        },
        Migration("add-duo-inburgeringsaanbod") { db in
            // The person's BSN from intake.afgerond, for DUO alone; and the meldingen of an
            // Inburgeringsaanbod to DUO (aanmelden on placement, intrekken when it ends).
            try db.execute(sql: """
                CREATE TABLE persoon (
                    inburgeraar_id TEXT PRIMARY KEY,
                    bsn TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE duo_aanbod_melding (
                    plaatsing_id TEXT NOT NULL REFERENCES plaatsing(id),
                    actie TEXT NOT NULL,
                    instellingsnummer TEXT NOT NULL,
                    melding TEXT NOT NULL,
                    status TEXT NOT NULL,
                    fouten TEXT,
                    PRIMARY KEY (plaatsing_id, actie)
                ) WITHOUT ROWID;
                """)
        },
        Migration("seal-persoon-bsn") { db in
            // BSNs sealed and keyed, never as text (BsnKluis); those held as text before are
            // dropped: intake's next completed intake for the person brings them again.
            try db.execute(sql: """
                DROP TABLE persoon;
                CREATE TABLE persoon (
                    inburgeraar_id TEXT PRIMARY KEY,
                    bsn_sleutel BLOB NOT NULL,
                    bsn_verzegeld BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX persoon_sleutel ON persoon (bsn_sleutel);
                """)
        },
        Migration("create-rapportages") { db in
            // Providers' reports, one per provider, person and month (the business key: the
            // same report by CSV and webhook is one), and the onderdelen reported completed.
            try db.execute(sql: """
                CREATE TABLE rapportage (
                    aanbieder_id TEXT NOT NULL,
                    inburgeraar_id TEXT NOT NULL,
                    periode TEXT NOT NULL,
                    plaatsing_id TEXT NOT NULL REFERENCES plaatsing(id),
                    inhoud TEXT NOT NULL,
                    bron TEXT NOT NULL,
                    ontvangen_op DATETIME NOT NULL,
                    PRIMARY KEY (aanbieder_id, inburgeraar_id, periode)
                ) WITHOUT ROWID;
                CREATE INDEX rapportage_persoon ON rapportage (inburgeraar_id);
                CREATE TABLE onderdeel_afgerond (
                    inburgeraar_id TEXT NOT NULL,
                    onderdeel TEXT NOT NULL,
                    datum TEXT NOT NULL,
                    aanbieder_id TEXT NOT NULL,
                    PRIMARY KEY (inburgeraar_id, onderdeel)
                ) WITHOUT ROWID;
                """)
        },
        Migration("add-persoon-gegevens") { db in
            // What the provider reads of the person it places: the name (sealed) and language level.
            try db.execute(sql: """
                ALTER TABLE persoon ADD COLUMN naam_verzegeld BLOB;
                ALTER TABLE persoon ADD COLUMN taalniveau TEXT;
                """)
        },
    ]
}
