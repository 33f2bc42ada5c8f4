import AsyncHTTPClient
import Crypto
public import Foundation
public import GRDB
import Models
import NIOCore
import NIOHTTP1

/// A webhook the service sends a partner (an aanmelding to a provider), as a durable job:
/// recorded in the caller's transaction with the change it announces, then POSTed to the
/// partner's delivery URL as Standard Webhooks, signed with the partner's newest secret, in
/// the same envelope partners send us (`{"type", "timestamp", "data"}`). Retried while the
/// partner is down or has no URL yet; a 4xx answer other than 408 and 429 fails it for good.
public enum OutgoingWebhook {
    /// The job kind.
    public static let kind = "webhook-uit"

    /// Retried from 5 seconds, doubling to an hour, 100 attempts in all (about four days).
    static let schedule = RetrySchedule.exponential(first: .seconds(5), maximum: .seconds(3600), attempts: 100)

    /// What is sent, and to whom.
    struct Message: Codable {
        var partnerId: String
        var type: String
        var timestamp: Date
        var data: JSONValue
    }

    /// Sends one request: URL, headers, body; returns the status. HTTP by default; tests
    /// give their own.
    public typealias Sender = @Sendable (_ url: String, _ headers: [(String, String)], _ body: [UInt8]) async throws -> Int

    /// Records a webhook of `type` with `data` (ids only: never personal data) to
    /// `partnerId`, in the caller's transaction. `key` makes it once: the same key twice is
    /// one webhook, and its `webhook-id` stays the same on every retry.
    public static func enqueue(
        to partnerId: String, type: String, data: some Encodable, key: String, jobs: JobQueue, in db: Database
    ) throws {
        let value = try ChainJSON.decoder().decode(JSONValue.self, from: try ChainJSON.encoder().encode(data))
        let message = Message(partnerId: partnerId, type: type, timestamp: jobs.clock.now(), data: value)
        try jobs.enqueue(kind, key: "\(partnerId)/\(key)", orderingKey: partnerId, payload: try ChainJSON.encoder().encode(message), in: db)
    }

    /// The job's handler.
    static func handlers(database: DatabasePool, clock: any ServiceClock, send: @escaping Sender = http) -> JobHandlers {
        JobHandlers().on(kind, schedule: schedule) { job in
            let message = try ChainJSON.decoder().decode(Message.self, from: job.payload)
            guard let partner = try PartnerRegistry(database: database).partner(id: message.partnerId) else {
                return .failed("unknown-partner", "no partner '\(message.partnerId)' in this service")
            }
            guard partner.active else { return .retry("partner \(partner.id) is disabled; the webhook waits") }
            guard let url = partner.deliveryURL, let secret = partner.secrets.first else {
                return .retry("partner \(partner.id) has no delivery URL (inburgeringctl partners set-url); the webhook waits")
            }
            let body = try ChainJSON.encoder().encode(Envelope(type: message.type, timestamp: message.timestamp, data: message.data))
            let id = "msg_" + SHA256.hash(data: Data(job.key.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
            let timestamp = Int64(clock.now().timeIntervalSince1970)
            let headers = [
                ("Content-Type", "application/json"), (StandardWebhooks.idHeader, id), (StandardWebhooks.timestampHeader, String(timestamp)),
                (StandardWebhooks.signatureHeader, StandardWebhooks.sign(id: id, timestamp: timestamp, body: Array(body), secret: secret)),
            ]
            let status: Int
            do {
                status = try await send(url, headers, Array(body))
            } catch {
                return .retry("partner \(partner.id) could not be reached (\(type(of: error)))")
            }
            switch status {
            case 200..<300: return .succeeded(responseCode: status)
            case 408, 429, 500...: return .retry("partner \(partner.id) answered \(status)", responseCode: status)
            default: return .failed("partner-\(status)", "partner \(partner.id) refused the webhook (\(status))", responseCode: status)
            }
        }
    }

    /// The body as partners' webhooks have it.
    struct Envelope: Encodable {
        var type: String
        var timestamp: Date
        var data: JSONValue
    }

    /// A POST with async-http-client, 10 seconds at most.
    @Sendable static func http(_ url: String, _ headers: [(String, String)], _ body: [UInt8]) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}
