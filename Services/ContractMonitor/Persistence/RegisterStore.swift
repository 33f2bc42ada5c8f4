import ContractMonitorDomain
import Foundation
import GRDB
import Models
import ServiceKit

/// The contract register: every version of every aanbieder, perceel and contract, written in
/// the caller's transaction with the events that announce it through the outbox.
struct RegisterStore: Sendable {
    let outbox: Outbox
    let clock: any ServiceClock

    /// The current version of every entry of `T`'s kind, by id.
    func current<T: RegisterItem>(_ type: T.Type, in db: Database) throws -> [RegisterVersie<T>] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM register_versie r WHERE soort = ?
                AND versie = (SELECT max(versie) FROM register_versie WHERE soort = r.soort AND id = r.id) ORDER BY id
                """,
            arguments: [T.soort.rawValue]
        ).map(Self.versie)
    }

    /// The current version of one entry, or nil.
    func current<T: RegisterItem>(_ type: T.Type, id: String, in db: Database) throws -> RegisterVersie<T>? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM register_versie WHERE soort = ? AND id = ? ORDER BY versie DESC LIMIT 1", arguments: [T.soort.rawValue, id]
        ).map(Self.versie)
    }

    /// Every version of one entry, oldest first; empty when there is none.
    func versies<T: RegisterItem>(_ type: T.Type, id: String, in db: Database) throws -> [RegisterVersie<T>] {
        try Row.fetchAll(db, sql: "SELECT * FROM register_versie WHERE soort = ? AND id = ? ORDER BY versie", arguments: [T.soort.rawValue, id])
            .map(Self.versie)
    }

    /// Records `item` as its entry's next version (the first when new), by `auteur` for
    /// `reden`, with the events it announces. Nil, and nothing written, when it equals the
    /// current version.
    @discardableResult
    func record<T: RegisterItem>(_ item: T, reden: String, auteur: String, in db: Database) throws -> RegisterVersie<T>? {
        let vorige = try current(T.self, id: item.id, in: db)
        guard vorige?.inhoud != item else { return nil }
        let versie = RegisterVersie(versie: (vorige?.versie ?? 0) + 1, auteur: auteur, reden: reden, vastgelegdOp: clock.now(), inhoud: item)
        try db.execute(
            sql: "INSERT INTO register_versie (soort, id, versie, inhoud, auteur, reden, vastgelegd_op) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [T.soort.rawValue, item.id, versie.versie, try ChainJSON.string(item), auteur, reden, versie.vastgelegdOp])
        for event in item.aankondigingen(versie: versie.versie, reden: reden, vorige: vorige?.inhoud) {
            try outbox.add(event, in: db, time: versie.vastgelegdOp)
        }
        return versie
    }

    /// The region's municipalities by name, as the register last recorded them.
    func gemeenten(in db: Database) throws -> [Gemeente] {
        try Row.fetchAll(db, sql: "SELECT code, naam FROM register_gemeente ORDER BY code").map { row in
            Gemeente(code: try GemeenteCode(row["code"] as String), naam: row["naam"])
        }
    }

    /// Records the municipalities' names; those left out keep theirs.
    func recordGemeenten(_ gemeenten: [Gemeente], in db: Database) throws {
        for gemeente in gemeenten {
            try db.execute(
                sql: "INSERT INTO register_gemeente (code, naam) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET naam = excluded.naam",
                arguments: [gemeente.code.rawValue, gemeente.naam])
        }
    }

    /// The whole register as it stands: the current version of every entry.
    func register(in db: Database) throws -> Register {
        Register(
            gemeenten: try gemeenten(in: db), aanbieders: try current(Aanbieder.self, in: db).map(\.inhoud),
            percelen: try current(Perceel.self, in: db).map(\.inhoud), contracten: try current(Contract.self, in: db).map(\.inhoud))
    }

    private static func versie<T: RegisterItem>(_ row: Row) throws -> RegisterVersie<T> {
        RegisterVersie(
            versie: row["versie"], auteur: row["auteur"], reden: row["reden"], vastgelegdOp: row["vastgelegd_op"],
            inhoud: try ChainJSON.decoder().decode(T.self, from: Data((row["inhoud"] as String).utf8)))
    }
}
