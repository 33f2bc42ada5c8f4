import EnrolmentDomain
import GRDB
import Models

extension EnrolmentStore {
    /// One placement with its steps, or nil.
    func plaatsing(_ id: String, withSteps: Bool = false, in db: Database) throws -> Plaatsing? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plaatsing WHERE id = ?", arguments: [id]) else { return nil }
        var plaatsing = try Plaatsing(row: row, today: today)
        if withSteps {
            plaatsing.stappen = try Row.fetchAll(db, sql: "SELECT * FROM plaatsing_stap WHERE plaatsing_id = ? ORDER BY nr", arguments: [id]).map { row in
                guard let status = EnrolmentStatus(rawValue: row["status"]) else { throw EnrolmentStoreError() }
                return Plaatsing.Stap(status: status, aanbiederId: row["aanbieder_id"], reden: row["reden"], auteur: row["auteur"], tijd: row["tijd"])
            }
            plaatsing.duoMeldingen = try duo.meldingen(id, in: db)
        }
        return plaatsing
    }

    /// The person's placement that has not ended, if any.
    func lopende(of person: InburgeraarID, in db: Database) throws -> Plaatsing? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM plaatsing WHERE inburgeraar_id = ? AND status NOT IN ('afgerond', 'uitgevallen', 'overgeplaatst')",
            arguments: [person.description]
        ).map { try Plaatsing(row: $0, today: today) }
    }

    /// The placements of one municipality (or of one provider), newest first, with a status when given.
    func plaatsingen(gemeente: GemeenteCode? = nil, aanbiederId: String? = nil, status: EnrolmentStatus? = nil, in db: Database) throws -> [Plaatsing] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let gemeente { conditions.append("gemeente = ?"); arguments.append(gemeente.rawValue) }
        if let aanbiederId { conditions.append("aanbieder_id = ?"); arguments.append(aanbiederId) }
        if let status { conditions.append("status = ?"); arguments.append(status.rawValue) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT * FROM plaatsing \(filter) ORDER BY created_at DESC, id", arguments: StatementArguments(arguments))
            .map { try Plaatsing(row: $0, today: today) }
    }

    /// The waiting list per perceel and instroommoment: everyone without a seat yet (no
    /// instroommoment) or with a seat at an instroommoment still to come, longest waiting first.
    func wachtlijst(gemeente: GemeenteCode? = nil, in db: Database) throws -> [Wachtrij] {
        let open = try plaatsingen(gemeente: gemeente, in: db).filter { plaatsing in
            plaatsing.status == .wachtlijst || ([.aangemeld, .geplaatst].contains(plaatsing.status) && (plaatsing.instroommoment ?? today) >= today)
        }
        let groups = Dictionary(grouping: open) { WachtrijSleutel(perceelId: $0.perceelId, leerroute: $0.leerroute, instroommoment: $0.instroommoment) }
        return groups.map { key, plaatsingen in
            Wachtrij(
                perceelId: key.perceelId, leerroute: key.leerroute, instroommoment: key.instroommoment,
                personen: plaatsingen.sorted { ($0.wachtdagen, $1.id) > ($1.wachtdagen, $0.id) }.map {
                    .init(plaatsingId: $0.id, inburgeraarId: $0.inburgeraarId, gemeente: $0.gemeente, status: $0.status, aanbiederId: $0.aanbiederId, wachtdagen: $0.wachtdagen)
                })
        }.sorted { ($0.perceelId ?? "", $0.instroommoment ?? .distantPast) < ($1.perceelId ?? "", $1.instroommoment ?? .distantPast) }
    }
}

/// Who waits on one perceel for one instroommoment (nil: no seat yet).
struct Wachtrij: Encodable, Sendable {
    struct Persoon: Encodable, Sendable {
        var plaatsingId: String
        var inburgeraarId: InburgeraarID
        var gemeente: GemeenteCode
        var status: EnrolmentStatus
        var aanbiederId: String?
        var wachtdagen: Int
    }

    var perceelId: String?
    var leerroute: Leerroute
    var instroommoment: LocalDate?
    var personen: [Persoon]
}

private struct WachtrijSleutel: Hashable {
    var perceelId: String?
    var leerroute: Leerroute
    var instroommoment: LocalDate?
}

extension LocalDate {
    static let distantPast = LocalDate(year: 1, month: 1, day: 1)!
}
