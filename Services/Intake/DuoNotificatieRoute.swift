import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Logging
import Models
import ServiceKit

/// `POST /duo/v1/notificaties`, exactly as DUO's Notificatie API 1.8 has the municipality
/// serve it: headers `bron` (DUO's OIN), `doel` (one of the region's municipalities' OINs)
/// and `berichtId`; the body `{registratieDatumTijd, bsn, vNummer, gebeurtenisId}`; `201`
/// without a body once the notification is durable; errors as `{"fouttekst"}`; `API-Version`
/// on every answer. Idempotent on `berichtId`. DUO authenticates with its PKIoverheid
/// certificate at the region's Digikoppeling gateway, so the route takes no bearer token.
struct DuoNotificatieRoute {
    let database: DatabasePool
    let duoOIN: String
    let doelOINs: Set<String>
    let logger: Logger
    let now: @Sendable () -> Date
    /// The version of DUO's Notificatie API this route follows.
    static let apiVersion = "1.8.0"

    /// The OINs DUO may address: the region's municipalities'.
    static let doelOINsSetting = ServiceSetting(
        ConfigurationKey("duo.doel-oins", help: "The OINs of the region's municipalities DUO may address as 'doel', comma-separated."),
        defaultDescription: "00000001001234567000 (the demo municipality)", default: { _, _ in "00000001001234567000" })

    func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument, tokens: TokenStore) {
        router.post("/duo/v1/notificaties") { request, context in await receive(request, context) }
        router.group("/api/v1/duo").add(middleware: BearerAuthMiddleware(tokens: tokens)).get("/notificaties") { request, context in
            try await list(request, context)
        }
        document.add("GET", "/api/v1/duo/notificaties", .init(
            operationId: "listDuoNotificaties",
            summary: "DUO's notifications, newest first (operators): code, meaning or 'onbekende code', whether handled, the file it concerns; never the BSN.",
            tag: "duo", authenticated: true, responses: ["200": .init("The notifications.")]))
        document.add("POST", "/duo/v1/notificaties", .init(
            operationId: "opvoerenNotificatie",
            summary: "DUO's notification of an event (Notificatie API 1.8): stored before the 201, idempotent on berichtId.",
            tag: "duo", authenticated: false,
            responses: [
                "201": .init("Stored.", mediaType: nil),
                "400": .init("Not as the Notificatie API has it (fouttekst).", mediaType: "application/json"),
                "413": .init("The body is larger than the limit (fouttekst).", mediaType: "application/json"),
                "403": .init("bron is not DUO, or doel is not a municipality of this region (fouttekst).", mediaType: "application/json"),
                "503": .init("The service cannot store it now; DUO sends it again (fouttekst).", mediaType: "application/json"),
            ]))
    }

    private func receive(_ request: Request, _ context: ServiceRequestContext) async -> Response {
        let headers = request.headers
        let bron = headers[HTTPField.Name("bron")!]
        let doel = headers[HTTPField.Name("doel")!]
        guard let berichtText = headers[HTTPField.Name("berichtId")!], let berichtId = UUID(uuidString: berichtText) else {
            return answer(.badRequest, DuoFout("berichtId ontbreekt of is geen UUID"))
        }
        guard let bron, bron.count == 20, let doel, doel.count == 20 else {
            return answer(.badRequest, DuoFout("bron en doel moeten elk een OIN van 20 tekens zijn"))
        }
        guard bron == duoOIN else { return answer(.forbidden, DuoFout("bron is niet DUO")) }
        guard doelOINs.contains(doel) else { return answer(.forbidden, DuoFout("doel is geen gemeente van deze regio")) }
        let notificatie: DuoNotificatie
        do {
            let body = Array(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
            notificatie = try DuoNotificatie.parse(body)
        } catch let fout as DuoFout {
            return answer(.badRequest, fout)
        } catch {
            return answer(.contentTooLarge, DuoFout("de body is te groot"))
        }
        do {
            let stored = try await database.write { [now] db in
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO duo_notificatie (bericht_id, doel, gebeurtenis_id, bsn, v_nummer, registratie_datum_tijd, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        berichtId.uuidString.lowercased(), doel, notificatie.gebeurtenisId, notificatie.bsn, notificatie.vNummer,
                        notificatie.registratieDatumTijd, now(),
                    ])
                return db.changesCount == 1
            }
            logger.info(
                stored ? "DUO notification stored" : "DUO notification received again",
                metadata: ["berichtId": "\(berichtId.uuidString.lowercased())", "gebeurtenisId": "\(notificatie.gebeurtenisId)"])
            return Response(status: .created, headers: [.apiVersion: Self.apiVersion])
        } catch {
            logger.error("cannot store a DUO notification", metadata: ["error.type": "\(type(of: error))"])
            return answer(.serviceUnavailable, DuoFout("de melding kan nu niet worden opgeslagen; probeer het later opnieuw"))
        }
    }

    /// One notification as an operator sees it.
    private struct Listed: Encodable, Sendable {
        var berichtId: String
        var gebeurtenisId: String
        /// What the code means, or that intake does not handle it yet.
        var omschrijving: String
        var registratieDatumTijd: Date
        var ontvangen: Date
        var verwerkt: Bool
        /// How handling went, or why it waits.
        var uitkomst: String?
        /// The file of the person it concerns, when the region has one.
        var inburgeraarId: String?
    }

    private func list(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        try context.requirePrincipal().require(.operator)
        let onlyUnknown = request.uri.queryParameters["onbekend"] == "true"
        let known = DuoNotificatie.handled.keys.map { "'\($0)'" }.joined(separator: ", ")
        let rows = try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.bericht_id, n.gebeurtenis_id, n.registratie_datum_tijd, n.received_at, n.handled_at, n.uitkomst,
                    (SELECT d.id FROM dossier d WHERE d.bsn = n.bsn ORDER BY d.created_at DESC LIMIT 1) AS dossier_id
                FROM duo_notificatie n \(onlyUnknown ? "WHERE n.gebeurtenis_id NOT IN (\(known))" : "")
                ORDER BY n.received_at DESC LIMIT 1000
                """).map { row in
                let code: String = row["gebeurtenis_id"]
                return Listed(
                    berichtId: row["bericht_id"], gebeurtenisId: code,
                    omschrijving: DuoNotificatie.handled[code] ?? "onbekende code: bewaard, nog niet verwerkt",
                    registratieDatumTijd: row["registratie_datum_tijd"], ontvangen: row["received_at"], verwerkt: (row["handled_at"] as Date?) != nil,
                    uitkomst: row["uitkomst"], inburgeraarId: row["dossier_id"])
            }
        }
        return try Response.json(rows)
    }

    private func answer(_ status: HTTPResponse.Status, _ fout: DuoFout) -> Response {
        let body = (try? JSONEncoder().encode(fout)) ?? Data()
        return Response(
            status: status, headers: [.apiVersion: Self.apiVersion, .contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
