import DUO
import Foundation
import GRDB
import Models

/// DUO's list of institutions as contract-monitor last read it: what the next sync compares
/// against, and what an aanbieder's `instellingsnummer` is checked in.
struct DuoInstellingenStore: Sendable {
    /// The institutions by `instellingsnummer`.
    func all(in db: Database) throws -> [String: DuoInstelling] {
        var all: [String: DuoInstelling] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT inhoud FROM duo_instelling") {
            let instelling = try JSONDecoder().decode(DuoInstelling.self, from: Data((row["inhoud"] as String).utf8))
            all[instelling.instellingsnummer] = instelling
        }
        return all
    }

    /// When the list was last read; nil before the first time.
    func gelezenOp(in db: Database) throws -> Date? {
        try Date.fetchOne(db, sql: "SELECT max(gelezen_op) FROM duo_instelling")
    }

    /// Replaces the list with `list`, read at `time`.
    func replace(with list: [DuoInstelling], at time: Date, in db: Database) throws {
        try db.execute(sql: "DELETE FROM duo_instelling")
        for instelling in list {
            try db.execute(
                sql: "INSERT OR REPLACE INTO duo_instelling (instellingsnummer, inhoud, gelezen_op) VALUES (?, ?, ?)",
                arguments: [instelling.instellingsnummer, try ChainJSON.string(instelling), time])
        }
    }
}
