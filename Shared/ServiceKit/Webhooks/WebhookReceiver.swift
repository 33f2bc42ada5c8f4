public import Foundation
public import GRDB
public import Hummingbird
import HTTPTypes
public import Logging
import Models
import Queue

/// `POST /api/v1/webhooks/{partnerId}`: partners' webhooks, verified as Standard Webhooks,
/// stored durably before the 2xx with a durable job that handles it afterwards
/// (``WebhookJob``), idempotent on `webhook-id`. Every acceptance and refusal is written to
/// the partner's delivery log.
public struct WebhookReceiver: Sendable {
    private let handlers: WebhookHandlers
    private let registry: PartnerRegistry
    private let database: DatabasePool
    private let logger: Logger
    private let jobs: JobQueue
    /// The longest `webhook-id` accepted.
    static let maxWebhookIdLength = 255

    public init(handlers: WebhookHandlers, database: DatabasePool, jobs: JobQueue, logger: Logger) {
        self.handlers = handlers
        self.registry = PartnerRegistry(database: database)
        self.database = database
        self.jobs = jobs
        self.logger = logger
    }

    /// The durable job that handles stored deliveries, for the process's ``JobRunner``.
    public var jobHandlers: JobHandlers {
        WebhookJob.handlers(handlers, database: database, clock: jobs.clock)
    }

    private func now() -> Date { jobs.clock.now() }

    /// Adds the route to `router` and describes it in `document`.
    public func install(on router: Router<ServiceRequestContext>, document: inout OpenAPIDocument) {
        router.post("/api/v1/webhooks/{partnerId}") { request, context in
            try await receive(request, context: context)
        }
        document.add("POST", "/api/v1/webhooks/{partnerId}", .init(
            operationId: "receiveWebhook",
            summary: "A partner's webhook, signed as Standard Webhooks (docs/webhooks.md). Event types this service takes: "
                + handlers.entries.keys.sorted().joined(separator: ", ") + ".",
            tag: "webhooks", authenticated: false,
            parameters: [
                .path("partnerId", .string(minLength: 1)),
                .header(StandardWebhooks.idHeader, .string(pattern: "^[!-~]{1,255}$"), "Unique per message; the same on redeliveries."),
                .header(StandardWebhooks.timestampHeader, .string(pattern: "^[0-9]{1,12}$"), "Seconds since 1970-01-01T00:00:00Z."),
                .header(StandardWebhooks.signatureHeader, .string(minLength: 1), "v1,<base64 HMAC-SHA256 of id.timestamp.body>"),
            ],
            body: .object(["type": .string(), "timestamp": .dateTime, "data": .any], required: ["type", "timestamp", "data"]),
            responses: [
                "202": .init(
                    "Stored; handled shortly. A redelivery of the same webhook-id gets the same answer and changes nothing.",
                    schema: .object(["status": .oneOf(["accepted"]), "webhookId": .string()], required: ["status", "webhookId"])),
                "400": .init("Not the {type, timestamp, data} shape, or an event type this partner may not send.", mediaType: "application/problem+json"),
                "401": .init("Unknown or disabled partner, or a missing or invalid signature or timestamp.", mediaType: "application/problem+json"),
                "413": .init("The body is larger than the limit.", mediaType: "application/problem+json"),
                "415": .init("The body is not declared as JSON.", mediaType: "application/problem+json"),
            ]))
    }

    /// The body's shape, as the Standard Webhooks specification recommends.
    private struct Body: Decodable {
        var type: String
        var timestamp: Date
        var data: JSONValue
    }

    private func receive(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let partnerId = try context.parameters.require("partnerId")
        try request.requireJSONMediaType()
        let body = Array(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
        let known = try registry.partner(id: partnerId)
        guard let partner = known, partner.active else {
            if known != nil { try reject(partnerId, webhookId: nil, type: nil, "the partner is disabled") }
            logger.notice("webhook from an unknown or disabled partner", metadata: ["partner": "\(partnerId.prefix(64))"])
            throw ProblemDetails.unauthenticated("this partner is unknown or disabled; ask the region's operator")
        }
        let webhookId = request.headers[HTTPField.Name(StandardWebhooks.idHeader)!]
        do {
            try StandardWebhooks.verify(
                id: webhookId, timestamp: request.headers[HTTPField.Name(StandardWebhooks.timestampHeader)!],
                signature: request.headers[HTTPField.Name(StandardWebhooks.signatureHeader)!], body: body, secrets: partner.secrets,
                now: now())
        } catch {
            try reject(partnerId, webhookId: webhookId, type: nil, error.description)
            throw ProblemDetails.unauthenticated(error.description)
        }
        guard let webhookId, webhookId.utf8.count <= Self.maxWebhookIdLength, webhookId.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            try reject(partnerId, webhookId: nil, type: nil, "webhook-id is not 1–255 printable ASCII characters")
            throw ProblemDetails.invalidInput("webhook-id must be 1 to 255 printable ASCII characters without spaces")
        }
        let parsed: Body
        do {
            parsed = try ChainJSON.decoder().decode(Body.self, from: Data(body))
        } catch let error as DecodingError {
            try reject(partnerId, webhookId: webhookId, type: nil, "the body is not {type, timestamp, data}: \(error.invalidParam.name) \(error.invalidParam.reason)")
            throw ProblemDetails.invalidInput(
                "the body must be {\"type\", \"timestamp\", \"data\"}: " + error.problemSummary, [error.invalidParam])
        }
        guard partner.eventTypes.contains(parsed.type), let entry = handlers.entries[parsed.type] else {
            let reason = partner.eventTypes.contains(parsed.type)
                ? "this service does not handle event type '\(parsed.type)'" : "partner '\(partnerId)' may not send event type '\(parsed.type)'"
            try reject(partnerId, webhookId: webhookId, type: parsed.type, reason)
            throw ProblemDetails.invalidInput(reason, [.init(name: "type", reason: reason)])
        }
        let data = try ChainJSON.encoder().encode(parsed.data)
        let refused: DomainError.FieldProblem?
        do {
            refused = try entry.validate(data)
        } catch let error as DecodingError {
            refused = error.invalidParam
        }
        if let refused {
            let field = ProblemDetails.InvalidParam(name: refused.name.isEmpty ? "data" : "data." + refused.name, reason: refused.reason)
            try reject(partnerId, webhookId: webhookId, type: parsed.type, "field '\(field.name)' \(field.reason)")
            throw ProblemDetails.invalidInput("field '\(field.name)' \(field.reason)", [field])
        }
        let delivery = WebhookDelivery(partnerId: partnerId, webhookId: webhookId, type: parsed.type, timestamp: parsed.timestamp, data: data)
        let receivedAt = now()
        let registry = registry
        let jobs = jobs
        try await database.write { db in
            let row = try WebhookInbox.store(delivery, receivedAt: receivedAt, in: db)
            if let row { try WebhookJob.enqueue(inboxRow: row, partnerId: partnerId, webhookId: webhookId, jobs: jobs, in: db) }
            try registry.record(
                PartnerLogEntry(at: receivedAt, partnerId: partnerId, webhookId: webhookId, eventType: parsed.type, outcome: row == nil ? .duplicate : .accepted),
                in: db)
        }
        return try Response.json(Accepted(webhookId: webhookId), status: .accepted)
    }

    /// The answer to an accepted (or redelivered) webhook.
    private struct Accepted: Encodable {
        var status = "accepted"
        var webhookId: String
    }

    /// Writes a refusal to the partner's delivery log; the reason names no personal data.
    /// The id and type are cut to a sane length: before verification they are anyone's input.
    private func reject(_ partnerId: String, webhookId: String?, type: String?, _ reason: String) throws {
        try registry.record(PartnerLogEntry(
            at: now(), partnerId: partnerId, webhookId: webhookId.map { String($0.prefix(Self.maxWebhookIdLength)) },
            eventType: type.map { String($0.prefix(100)) }, outcome: .rejected, reason: reason))
    }
}
