import Foundation
import Models
import Queue
import ServiceKit
import TestSupport
import Testing

/// An intake service in a temporary region, with COA as a partner and tokens for
/// klantmanagers of Zwolle and Kampen and an operator.
struct IntakeRegion {
    let directory: TemporaryDirectory
    let intake: RunningService
    let secret: WebhookSecret
    let zwolle: String
    let kampen: String
    let operatorToken: String
    let queue: String

    init(directory: TemporaryDirectory? = nil, extraArguments: [String] = []) async throws {
        self.directory = try directory ?? TemporaryDirectory()
        let state = self.directory.path + "/state"
        intake = try await RunningService("intake", stateDirectory: state, in: self.directory.path, extraArguments: extraArguments)
        let database = try ServiceDatabase.open(path: state + "/intake.sqlite", migrations: [])
        secret = try PartnerRegistry(database: database).add(
            id: "coa", name: "COA", eventTypes: ["coa.koppeling.aangemaakt", "coa.koppeling.gewijzigd", "coa.koppeling.ingetrokken"])
        let tokens = TokenStore(database: database)
        zwolle = try tokens.create(role: .klantmanager(try GemeenteCode("GM0193")), label: "zwolle").secret
        kampen = try tokens.create(role: .klantmanager(try GemeenteCode("GM0166")), label: "kampen").secret
        operatorToken = try tokens.create(role: .operator, label: "beheer").secret
        queue = state + "/queue"
    }

    /// Posts a webhook of `type` with `data`, signed as COA.
    func post(_ type: String, _ data: String, id: String = "msg_\(UUID().uuidString)") async throws -> (status: Int, body: String) {
        let body = #"{"type":"\#(type)","timestamp":"2026-11-20T09:00:00Z","data":\#(data)}"#
        let timestamp = Int64(Date().timeIntervalSince1970)
        let response = try await intake.request("POST", "/api/v1/webhooks/coa", body: body, headers: [
            "Content-Type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp),
            "webhook-signature": StandardWebhooks.sign(id: id, timestamp: timestamp, body: Array(body.utf8), secret: secret),
        ])
        return (response.status, response.body)
    }

    func get(_ path: String, token: String) async throws -> (status: Int, body: String) {
        let response = try await intake.request("GET", path, headers: ["Authorization": "Bearer \(token)"])
        return (response.status, response.body)
    }

    /// The caseload of `token`, once it has `count` entries (waiting for the webhook to be handled).
    func caseload(_ token: String, count: Int) async throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let page = try await get("/api/v1/inburgeraars", token: token)
            let items = (try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
            if items.count >= count || ContinuousClock.now > deadline { return items }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Fills in every part of the brede intake of `id` as Zwolle's klantmanager and completes it.
    func completeIntake(_ id: String, score: Int = 72) async throws {
        for (part, body) in [
            ("opleiding", #"{"niveau":"hbo"}"#), ("werkervaring", #"{"jaren":3}"#), ("taalniveau", #"{"niveau":"A2"}"#),
            ("leerbaarheidstoets", #"{"score":\#(score)}"#), ("persoonlijkeOmstandigheden", #"{"toelichting":"x"}"#),
            ("gezondheid", #"{"toelichting":"y"}"#), ("hoofddoel", #"{"doel":"werk"}"#),
        ] {
            let answer = try await intake.request("PUT", "/api/v1/inburgeraars/\(id)/brede-intake/\(part)", body: body, headers: [
                "Authorization": "Bearer \(zwolle)", "Content-Type": "application/json",
            ])
            #expect(answer.status == 200, "\(part): \(answer.body)")
        }
        let completed = try await intake.request("POST", "/api/v1/inburgeraars/\(id)/afronden", headers: ["Authorization": "Bearer \(zwolle)"])
        #expect(completed.status == 200, "\(completed.body)")
    }

    /// The types of the events intake published, in order.
    func events() throws -> [String] {
        try DurableQueue(directory: queue).topic("intake").read(from: 0, maxCount: 100).map { try EventEnvelope(json: Data($0.payload)).type }
    }
}
