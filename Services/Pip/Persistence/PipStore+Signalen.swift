import Foundation
import GRDB
import Models
import PipDomain
import ServiceKit

/// The persistent deadline schedule: one row per deadline and moment in `pip_signaal`, sent
/// once as an event through the outbox and kept, so a restart neither loses nor repeats one.
extension PipStore {
    /// Sets the deadlines of one kind for a person: unsent signals of deadlines no longer in
    /// `deadlines` are dropped, new ones added; sent ones stay sent.
    func schedule(_ soort: PipDeadlineSoort, _ deadlines: [LocalDate], for person: InburgeraarID, gemeente: GemeenteCode, pipId: String?, in db: Database) throws {
        let keep = Set(deadlines.map(\.description))
        let pending = try String.fetchAll(
            db, sql: "SELECT DISTINCT deadline FROM pip_signaal WHERE inburgeraar_id = ? AND soort = ? AND fired_at IS NULL",
            arguments: [person.description, soort.rawValue])
        for stale in pending where !keep.contains(stale) {
            try db.execute(
                sql: "DELETE FROM pip_signaal WHERE inburgeraar_id = ? AND soort = ? AND deadline = ? AND fired_at IS NULL",
                arguments: [person.description, soort.rawValue, stale])
        }
        for signaal in deadlines.flatMap({ PipSchedule.signalen(soort, deadline: $0) }) {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO pip_signaal (inburgeraar_id, soort, deadline, moment, fire_on, gemeente, pip_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [person.description, soort.rawValue, signaal.deadline.description, signaal.moment, signaal.fireOn.description, gemeente.rawValue, pipId])
        }
    }

    /// Drops a person's unsent signals: of one kind, or all (the file was closed).
    func cancelSignals(for person: InburgeraarID, _ soort: PipDeadlineSoort? = nil, in db: Database) throws {
        try db.execute(
            sql: "DELETE FROM pip_signaal WHERE inburgeraar_id = ? AND (? IS NULL OR soort = ?) AND fired_at IS NULL",
            arguments: [person.description, soort?.rawValue, soort?.rawValue])
    }

    /// Sends the signals due today or earlier, at most `limit`; returns how many were due. A
    /// lead-time signal whose deadline has passed already is marked sent without an event:
    /// its `verstreken` says more.
    @discardableResult
    func fireDueSignals(limit: Int = 200, in db: Database) throws -> Int {
        let today = LocalDate(now())
        let due = try Row.fetchAll(
            db, sql: "SELECT * FROM pip_signaal WHERE fired_at IS NULL AND fire_on <= ? ORDER BY fire_on LIMIT ?",
            arguments: [today.description, limit])
        for row in due {
            guard let uuid = UUID(uuidString: row["inburgeraar_id"]), let soort = PipDeadlineSoort(rawValue: row["soort"]),
                let deadline = LocalDate(iso8601: row["deadline"]), let gemeente = try? GemeenteCode(row["gemeente"] as String)
            else { throw PipStoreError() }
            let person = InburgeraarID(uuid)
            let moment: String = row["moment"]
            if moment == PipSchedule.verstreken {
                try outbox.add(
                    PipDeadlineVerstreken(pipId: row["pip_id"], inburgeraarId: person, gemeente: gemeente, soort: soort, deadline: deadline),
                    in: db, time: now())
            } else if deadline >= today {
                try outbox.add(
                    PipDeadlineNadert(pipId: row["pip_id"], inburgeraarId: person, gemeente: gemeente, soort: soort, deadline: deadline, vooraf: moment),
                    in: db, time: now())
            }
            try db.execute(
                sql: "UPDATE pip_signaal SET fired_at = ? WHERE inburgeraar_id = ? AND soort = ? AND deadline = ? AND moment = ?",
                arguments: [now(), row["inburgeraar_id"], row["soort"], row["deadline"], moment])
        }
        return due.count
    }

    /// The next deadline not yet passed for a person, if any.
    func nextDeadline(for person: InburgeraarID, in db: Database) throws -> Pip.Deadline? {
        try Row.fetchOne(
            db, sql: """
                SELECT soort, deadline FROM pip_signaal WHERE inburgeraar_id = ? AND moment = ? AND fired_at IS NULL
                ORDER BY deadline, soort LIMIT 1
                """,
            arguments: [person.description, PipSchedule.verstreken]
        ).flatMap { row in
            guard let soort = PipDeadlineSoort(rawValue: row["soort"]), let datum = LocalDate(iso8601: row["deadline"]) else { return nil }
            return Pip.Deadline(soort: soort, datum: datum)
        }
    }
}
