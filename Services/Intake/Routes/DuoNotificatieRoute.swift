import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import IntakeDomain
import Logging
import ServiceKit

/// `POST /duo/v1/notificaties`, exactly as DUO's Notificatie API 1.8 has the municipality
/// serve it: headers `bron` (DUO's OIN), `doel` (one of the region's municipalities' OINs)
/// and `berichtId`; the body `{registratieDatumTijd, bsn, vNummer, gebeurtenisId}`; `201`
/// without a body once the notification is durable; errors as `{"fouttekst"}`; `API-Version`
/// on every answer. Idempotent on `berichtId`. DUO authenticates with its PKIoverheid
/// certificate at the region's Digikoppeling gateway, so the route takes no bearer token.
struct DuoNotificatieRoute {
    let database: DatabasePool
    let notificaties: DuoNotificatieStore
    let duoOIN: String
    let doelOINs: Set<String>
    let logger: Logger
    /// The version of DUO's Notificatie API this route follows.
    static let apiVersion = "1.8.0"

    func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument, tokens: TokenStore) {
        router.post("/duo/v1/notificaties") { request, context in await receive(request, context) }
        router.group("/api/v1/duo").add(middleware: BearerAuthMiddleware(tokens: tokens)).get("/notificaties") { request, context in
            try await list(request, context)
        }
        let fout = JSONSchema.object(["fouttekst": .string(maxLength: 200)], required: ["fouttekst"])
        document.add("GET", "/api/v1/duo/notificaties", .init(
            operationId: "listDuoNotificaties",
            summary: "DUO's notifications, newest first (operators): code, meaning or 'onbekende code', whether handled, the file it concerns; never the BSN.",
            tag: "duo", authenticated: true, parameters: [.query("onbekend", .oneOf(["true", "false"]), "true: only codes intake does not handle yet.")],
            responses: ["200": .init("The notifications.")]))
        document.add("POST", "/duo/v1/notificaties", .init(
            operationId: "opvoerenNotificatie",
            summary: "DUO's notification of an event (Notificatie API 1.8): stored before the 201, idempotent on berichtId.",
            tag: "duo", authenticated: false,
            parameters: [
                .header("bron", .string(pattern: "^[0-9]{20}$"), "DUO's OIN."),
                .header("doel", .string(pattern: "^[0-9]{20}$"), "The OIN of a municipality of the region."),
                .header("berichtId", .uuid, "The message's id; a message sent again carries the same."),
            ],
            body: .object(
                [
                    "registratieDatumTijd": .dateTime, "gebeurtenisId": .string(pattern: "^[0-9A-Z]{1,6}$"), "bsn": .bsn,
                    "vNummer": .integer(minimum: 0, maximum: 9_999_999_999),
                ],
                required: ["registratieDatumTijd", "gebeurtenisId"]),
            responses: [
                "201": .init("Stored.", mediaType: nil),
                "400": .init("Not as the Notificatie API has it (fouttekst).", schema: fout),
                "413": .init("The body is larger than the limit (fouttekst).", schema: fout),
                "415": .init("The body is not declared as JSON (fouttekst).", schema: fout),
                "403": .init("bron is not DUO, or doel is not a municipality of this region (fouttekst).", schema: fout),
                "503": .init("The service cannot store it now; DUO sends it again (fouttekst).", schema: fout),
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
            let stored = try await database.write { [notificaties] db in
                try notificaties.store(notificatie, berichtId: berichtId.uuidString.lowercased(), doel: doel, in: db)
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

    private func list(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        try context.requirePrincipal().require(.operator)
        let onlyUnknown = request.uri.queryParameters["onbekend"] == "true"
        return try Response.json(try await database.read { [notificaties] db in try notificaties.list(onlyUnknown: onlyUnknown, in: db) })
    }

    private func answer(_ status: HTTPResponse.Status, _ fout: DuoFout) -> Response {
        let body = (try? JSONEncoder().encode(fout)) ?? Data()
        return Response(
            status: status, headers: [.apiVersion: Self.apiVersion, .contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
