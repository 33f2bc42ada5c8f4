import Foundation
import GRDB
import Models
import PipDomain
import ServiceKit

/// Reading PIPs as case workers see them.
extension PipStore {
    /// One PIP as a case worker sees it.
    struct Pip: Codable, Sendable, Equatable {
        var id: String
        var inburgeraarId: InburgeraarID
        var gemeente: GemeenteCode
        var doelgroep: Doelgroep
        /// `concept` until it is fixed, then `vastgesteld`.
        var status: String
        var advies: RouteAdvice
        var samenvatting: IntakeAfgerond.Samenvatting
        var intakeAfgerondOp: Date
        var aangemaaktOp: Date
        /// What the case worker set in the draft (frozen once fixed).
        var keuze: PipKeuze?
        /// The plan as its newest version (or the draft) has it.
        var inhoud: PipInhoud
        /// 0 for a draft, then the newest version.
        var versie: Int
        /// The first version's dagtekening.
        var dagtekening: LocalDate?
        /// The last day of the inburgeringstermijn, once fixed.
        var termijnEinde: LocalDate?
        /// DUO's term, once DUO reported it, and whether it differs from ours.
        var duoTermijn: DuoTermijn?
        /// Fixed after the PIP deadline.
        var teLaat: Bool
        /// The PIP deadline as intake announced it (provisional, or DUO's), if known.
        var pipDeadline: LocalDate?
        /// The next deadline not yet passed.
        var volgendeDeadline: Deadline?
        /// The melding of the newest version to DUO and DUO's answer, once there is one.
        var duoMelding: DuoMeldingStatus?
        /// Every fixed version, oldest first.
        var versies: [PipVersie]
        var bezwaren: [Bezwaar]

        struct Deadline: Codable, Sendable, Equatable {
            var soort: PipDeadlineSoort
            var datum: LocalDate
        }
    }

    /// Where a melding to DUO stands: `open` (waiting to be sent, or DUO unreachable),
    /// `geregistreerd` (DUO's 201), `geweigerd` with DUO's `fouttekst`s (its 403), or
    /// `mislukt` with DUO's `fouttekst` when DUO could not take it (400, 401, 404).
    struct DuoMeldingStatus: Codable, Sendable, Equatable {
        var status: String
        var fouten: [String]?
    }

    /// A bezwaar registered against a version.
    struct Bezwaar: Codable, Sendable, Equatable {
        var versie: Int
        var ontvangenOp: LocalDate
        var omschrijving: String
        /// Received within six weeks of the version's dagtekening.
        var tijdig: Bool
        var auteur: String
    }

    /// DUO's inburgeringstermijn, with `wijktAf` when its last day is not ours.
    struct DuoTermijn: Codable, Sendable, Equatable {
        var code: String
        var startdatum: LocalDate
        var laatsteDag: LocalDate
        var wijktAf: Bool?
    }

    /// A municipality's PIPs: newest first, or by coming deadline (`sortByDeadline`);
    /// optionally of one status, or with a deadline on or before `deadlineVoor`.
    func pips(of gemeente: GemeenteCode, status: String?, deadlineVoor: LocalDate?, sortByDeadline: Bool, in db: Database) throws -> [Pip] {
        let order = sortByDeadline ? "volgende IS NULL, volgende, p.created_at DESC" : "p.created_at DESC"
        let ids = try String.fetchAll(
            db, sql: """
                SELECT p.id, (SELECT min(s.deadline) FROM pip_signaal s
                              WHERE s.inburgeraar_id = p.inburgeraar_id AND s.moment = 'verstreken' AND s.fired_at IS NULL) AS volgende
                FROM pip p WHERE p.gemeente = ? AND (? IS NULL OR p.status = ?) AND (? IS NULL OR volgende <= ?)
                ORDER BY \(order) LIMIT 500
                """,
            arguments: [gemeente.rawValue, status, status, deadlineVoor?.description, deadlineVoor?.description])
        return try ids.compactMap { try pip($0, in: db) }
    }

    /// One PIP, or nil.
    func pip(_ id: String, in db: Database) throws -> Pip? {
        guard let row = try Row.fetchOne(
            db, sql: """
                SELECT p.*, d.deadline AS pip_deadline, m.status AS melding_status, m.fouten AS melding_fouten,
                       t.code AS duo_code, t.startdatum AS duo_start, t.laatste_dag AS duo_laatste_dag FROM pip p
                LEFT JOIN pip_deadline d ON d.inburgeraar_id = p.inburgeraar_id
                LEFT JOIN duo_melding m ON m.pip_id = p.id AND m.versie = p.versie
                LEFT JOIN duo_termijn t ON t.inburgeraar_id = p.inburgeraar_id
                WHERE p.id = ?
                """,
            arguments: [id])
        else { return nil }
        let decoder = ChainJSON.decoder()
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
            try (row[column] as String?).map { try decoder.decode(T.self, from: Data($0.utf8)) }
        }
        guard let uuid = UUID(uuidString: row["inburgeraar_id"]), let advies = try decode(RouteAdvice.self, "advies"),
            let samenvatting = try decode(IntakeAfgerond.Samenvatting.self, "samenvatting")
        else { throw PipStoreError() }
        let person = InburgeraarID(uuid)
        let keuze = try decode(PipKeuze.self, "keuze")
        let versies = try PipVersie.fetchAll(db, sql: "SELECT * FROM pip_versie WHERE pip_id = ? ORDER BY versie", arguments: [id])
        let termijnEinde = (row["termijn_einde"] as String?).flatMap(LocalDate.init(iso8601:))
        let dagtekening = (row["dagtekening"] as String?).flatMap(LocalDate.init(iso8601:))
        return Pip(
            id: id, inburgeraarId: person, gemeente: try GemeenteCode(row["gemeente"] as String),
            doelgroep: Doelgroep(rawValue: row["doelgroep"]) ?? .asielstatushouder, status: row["status"], advies: advies, samenvatting: samenvatting,
            intakeAfgerondOp: row["intake_afgerond_op"], aangemaaktOp: row["created_at"], keuze: keuze,
            inhoud: PipInhoud(keuze: keuze, advies: advies.route, versie: versies.last, dagtekening: dagtekening, termijnEinde: termijnEinde,
                              voortgangsgesprekMaanden: voortgangsgesprekMaanden),
            versie: row["versie"], dagtekening: dagtekening, termijnEinde: termijnEinde,
            duoTermijn: try (row["duo_code"] as String?).map { code in
                guard let start = LocalDate(iso8601: row["duo_start"]), let laatste = LocalDate(iso8601: row["duo_laatste_dag"]) else { throw PipStoreError() }
                return DuoTermijn(code: code, startdatum: start, laatsteDag: laatste, wijktAf: termijnEinde.map { $0 != laatste })
            },
            teLaat: row["te_laat"], pipDeadline: (row["pip_deadline"] as String?).flatMap(LocalDate.init(iso8601:)),
            volgendeDeadline: try nextDeadline(for: person, in: db),
            duoMelding: try (row["melding_status"] as String?).map { DuoMeldingStatus(status: $0, fouten: try decode([String].self, "melding_fouten")) },
            versies: versies,
            bezwaren: try Bezwaar.fetchAll(db, sql: "SELECT * FROM pip_bezwaar WHERE pip_id = ? ORDER BY versie", arguments: [id]))
    }
}

extension PipVersie: FetchableRecord {}

extension PipStore.Bezwaar: FetchableRecord {
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}
