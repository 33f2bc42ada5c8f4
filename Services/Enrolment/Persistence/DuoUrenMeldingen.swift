import Foundation
import GRDB
import Models
import ServiceKit

/// The hours DUO must hear (`PUT /personen/{bsn}/uren/participatietaalles`, the cumulative
/// total): a durable job per change (kind `duo-uren`, key `<person>/<total>`, in order per
/// person); the job sends the total as it stands when it runs, so a late one never lowers it.
struct DuoUrenMeldingen: Sendable {
    static let kind = "duo-uren"
    static let schedule = RetrySchedule.exponential(first: .seconds(5), maximum: .seconds(6 * 3600))

    /// Records that DUO must hear `person`'s new total.
    static func enqueue(_ person: InburgeraarID, totaal: Int, jobs: JobQueue, in db: Database) throws {
        try jobs.enqueue(kind, key: "\(person)/\(totaal)", orderingKey: person.description, in: db)
    }

    /// The person of a job's key.
    static func person(ofKey key: String) -> InburgeraarID? {
        key.split(separator: "/").first.flatMap { UUID(uuidString: String($0)) }.map(InburgeraarID.init)
    }
}
