import AsyncHTTPClient
import Foundation
import HTTPTypes
import Models
import NIOCore
import NIOHTTP1
import ServiceKit

/// The providers' side, in memory: the placements each holds and how far its reports got.
actor SimulatedProviders {
    struct Placement {
        let aanbieder: String
        let instroommoment: LocalDate
        var maanden = 0
        var actief = true
    }

    let enrolment: String
    let secrets: [String: WebhookSecret]
    private var placements: [String: Placement] = [:]

    init(enrolment: String, secrets: [String: WebhookSecret]) {
        self.enrolment = enrolment
        self.secrets = secrets
    }

    /// One webhook from enrolment: verified, then an aanmelding is confirmed and an ended
    /// placement no longer reported on. Answers 2xx once taken, 401 for a bad signature.
    func receive(_ aanbieder: String, body: [UInt8], id: String?, timestamp: String?, signature: String?) async -> HTTPResponse.Status {
        guard let secret = secrets[aanbieder] else { return .notFound }
        do {
            try StandardWebhooks.verify(id: id, timestamp: timestamp, signature: signature, body: body, secrets: [secret], now: Date())
        } catch {
            return .unauthorized
        }
        struct Envelope: Decodable {
            struct Data: Decodable {
                var plaatsingId: String
                var instroommoment: LocalDate?
            }
            var type: String
            var data: Data
        }
        guard let envelope = try? ChainJSON.decoder().decode(Envelope.self, from: Foundation.Data(body)) else { return .badRequest }
        switch envelope.type {
        case "enrolment.aanmelding.aangemaakt":
            guard let moment = envelope.data.instroommoment else { return .badRequest }
            placements[envelope.data.plaatsingId] = Placement(aanbieder: aanbieder, instroommoment: moment)
            let plaatsingId = envelope.data.plaatsingId
            Task { try? await send(aanbieder, "aanbieder.aanmelding.beantwoord", ["plaatsingId": .string(plaatsingId), "antwoord": .string("bevestigd"), "startdatum": .string(moment.description)]) }
        case "enrolment.plaatsing.beeindigd":
            placements[envelope.data.plaatsingId]?.actief = false
        default:
            break
        }
        return .noContent
    }

    /// One simulated month: a report on each person still following a course.
    func reportMonth() async {
        for (plaatsingId, placement) in placements where placement.actief {
            let month = placement.maanden
            let seed = abs(plaatsingId.hashValue)
            let periode = placement.instroommoment.adding(months: month)
            var data: [String: JSONValue] = [
                "plaatsingId": .string(plaatsingId), "periode": .string(String(periode.description.prefix(7))),
                "urenGevolgd": .integer(Int64(30 + (seed + month) % 20)), "verzuimGeoorloofd": .integer(Int64((seed + month) % 4)),
                "verzuimOngeoorloofd": .integer(Int64((seed / 7 + month) % 3)),
                "voortgangLezen": .string(month < 4 ? "A1" : month < 8 ? "A2" : "B1"), "voortgangLuisteren": .string(month < 3 ? "A1" : month < 7 ? "A2" : "B1"),
            ]
            if month == 5 { data["knmAfgerond"] = .string(periode.adding(days: 14).description) }
            if seed % 12 == 0 && month == 3 { data["uitvalReden"] = .string("gestopt op eigen verzoek") }
            if month == 11 { data["afgerond"] = .string(periode.adding(days: 20).description) }
            placements[plaatsingId]?.maanden = month + 1
            if data["uitvalReden"] != nil || data["afgerond"] != nil { placements[plaatsingId]?.actief = false }
            try? await send(placement.aanbieder, "aanbieder.rapportage", data)
        }
    }

    /// A signed webhook to enrolment as `aanbieder`.
    private func send(_ aanbieder: String, _ type: String, _ data: [String: JSONValue]) async throws {
        guard let secret = secrets[aanbieder] else { return }
        let body = Array(try ChainJSON.encoder().encode(JSONValue.object(["type": .string(type), "timestamp": .string(ISO8601DateFormatter().string(from: Date())), "data": .object(data)])))
        let id = "msg_" + UUID().uuidString
        let timestamp = Int64(Date().timeIntervalSince1970)
        var request = HTTPClientRequest(url: "\(enrolment)/api/v1/webhooks/\(aanbieder)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: StandardWebhooks.idHeader, value: id)
        request.headers.add(name: StandardWebhooks.timestampHeader, value: String(timestamp))
        request.headers.add(name: StandardWebhooks.signatureHeader, value: StandardWebhooks.sign(id: id, timestamp: timestamp, body: body, secret: secret))
        request.body = .bytes(ByteBuffer(bytes: body))
        _ = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
    }
}
