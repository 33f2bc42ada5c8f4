import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceKit
import Testing

/// `POST /api/v1/webhooks/{partnerId}` in process, on a real database, with a fixed clock.
@Suite struct WebhookReceiverTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    struct Refused: Error {}
    struct Wijziging: Decodable, Sendable {
        var koppelingId: String
        var aantal: Int
    }

    let service: TestService
    let secret: WebhookSecret
    let receiver: WebhookReceiver
    let registry: PartnerRegistry

    init() throws {
        service = try TestService(bodyLimit: 4096, clock: ManualClock(Self.now))
        registry = PartnerRegistry(database: service.dependencies.database)
        secret = try registry.add(id: "coa", name: "COA", eventTypes: ["coa.koppeling.aangemaakt", "coa.koppeling.ingetrokken", "coa.koppeling.gewijzigd"], now: Self.now)
        try service.dependencies.database.write { db in try db.execute(sql: "CREATE TABLE handled (webhook_id TEXT NOT NULL, data TEXT NOT NULL)") }
        let handlers = WebhookHandlers()
            .on("coa.koppeling.aangemaakt") { delivery, db in
                try db.execute(sql: "INSERT INTO handled VALUES (?, ?)", arguments: [delivery.webhookId, String(decoding: delivery.data, as: UTF8.self)])
            }
            .on("coa.koppeling.ingetrokken") { _, _ in throw Refused() }
            .on("coa.koppeling.gewijzigd", as: Wijziging.self) { wijziging, delivery, db in
                try db.execute(sql: "INSERT INTO handled VALUES (?, ?)", arguments: [delivery.webhookId, wijziging.koppelingId])
            }
        receiver = WebhookReceiver(handlers: handlers, database: service.dependencies.database, jobs: service.dependencies.jobs, logger: Logger(label: "test"))
    }

    func body(_ type: String = "coa.koppeling.aangemaakt") -> String {
        #"{"type":"\#(type)","timestamp":"2027-01-15T08:00:00Z","data":{"koppelingId":"k-1"}}"#
    }

    /// Headers for `body` signed with `secret` (or `signature` as given), `age` seconds old.
    func headers(id: String = "msg_1", body: String, age: Int64 = 0, signature: String? = nil, contentType: String = "application/json") -> HTTPFields {
        let timestamp = Int64(Self.now.timeIntervalSince1970) - age
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[HTTPField.Name("webhook-id")!] = id
        fields[HTTPField.Name("webhook-timestamp")!] = String(timestamp)
        fields[HTTPField.Name("webhook-signature")!] = signature
            ?? StandardWebhooks.sign(id: id, timestamp: timestamp, body: Array(body.utf8), secret: secret)
        return fields
    }

    func test(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let receiver = receiver
        let router = try ServiceApplication.buildRouter(service.dependencies) { router, document, _ in
            receiver.install(on: router, document: &document)
        }.router
        try await Application(router: router).test(.router, test)
    }

    func post(_ client: any TestClientProtocol, partner: String = "coa", body: String, headers: HTTPFields) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/webhooks/\(partner)", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Runs the due webhook jobs, one round.
    func process() async throws {
        let runner = JobRunner(handlers: receiver.jobHandlers, jobs: service.dependencies.jobs, database: service.dependencies.database, logger: Logger(label: "test"))
        try await runner.runDue()
    }

    func handled() throws -> [String] {
        try service.dependencies.database.read { try String.fetchAll($0, sql: "SELECT webhook_id FROM handled") }
    }

    @Test func aSignedWebhookIsStoredThenHandledOnceEvenWhenRedelivered() async throws {
        let body = self.body()
        try await test { client in
            for _ in 0..<2 {
                let response = try await post(client, body: body, headers: headers(body: body))
                #expect(response.status == .accepted)
                #expect(String(buffer: response.body) == #"{"status":"accepted","webhookId":"msg_1"}"#)
            }
        }
        try await process()
        #expect(try handled() == ["msg_1"])
        let data = try await service.dependencies.database.read { try String.fetchOne($0, sql: "SELECT data FROM handled") }
        #expect(data == #"{"koppelingId":"k-1"}"#)
        let stored = try await service.dependencies.database.read { try Data.fetchOne($0, sql: "SELECT data FROM webhook_inbox") }
        #expect(stored?.isEmpty == true, "the personal data is not kept once handled")
        #expect(try registry.log(partnerId: "coa").map(\.outcome) == [.duplicate, .accepted])
    }

    @Test func refusalsAreProblemsAndLoggedForThePartner() async throws {
        let body = self.body()
        _ = try registry.add(id: "nltraining", name: "NLtraining", eventTypes: ["voortgang.gemeld"], now: Self.now)
        try registry.disable(id: "nltraining")
        try await test { client in
            let forged = try await post(client, body: body, headers: headers(body: body, signature: "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))
            try expectProblem(forged, status: 401)
            let stale = try await post(client, body: body, headers: headers(id: "msg_2", body: body, age: 301))
            try expectProblem(stale, status: 401)
            try expectProblem(try await post(client, partner: "onbekend", body: body, headers: headers(body: body)), status: 401)
            try expectProblem(try await post(client, partner: "nltraining", body: body, headers: headers(body: body)), status: 401)

            let foreign = self.body("coa.iets.anders")
            let wrongType = try expectProblem(try await post(client, body: foreign, headers: headers(id: "msg_3", body: foreign)), status: 400)
            #expect(wrongType.detail.contains("coa.iets.anders"))
            let shapeless = #"{"soort":"x"}"#
            let notTheShape = try expectProblem(try await post(client, body: shapeless, headers: headers(id: "msg_4", body: shapeless)), status: 400)
            #expect(notTheShape.invalidParams?.first?.name == "type")
            try expectProblem(try await post(client, body: body, headers: headers(body: body, contentType: "text/plain")), status: 415)
            let large = String(repeating: " ", count: 5000) + body
            try expectProblem(try await post(client, body: large, headers: headers(body: large)), status: 413)
        }
        let log = try registry.log(partnerId: "coa")
        #expect(log.allSatisfy { $0.outcome == .rejected })
        #expect(log.count == 4, "bad signature, stale timestamp, wrong type, wrong shape")
        #expect(log.contains { $0.eventType == "coa.iets.anders" && $0.reason?.contains("may not send") == true })
        #expect(try registry.log(partnerId: "nltraining").first?.reason == "the partner is disabled")
        #expect(try handled().isEmpty)
    }

    @Test func dataThatDoesNotDecodeIsRefusedNamingTheFieldAndNothingIsStored() async throws {
        let wrong = #"{"type":"coa.koppeling.gewijzigd","timestamp":"2027-01-15T08:00:00Z","data":{"koppelingId":"k-1","aantal":"twee"}}"#
        let right = #"{"type":"coa.koppeling.gewijzigd","timestamp":"2027-01-15T08:00:00Z","data":{"koppelingId":"k-1","aantal":2}}"#
        try await test { client in
            let problem = try expectProblem(try await post(client, body: wrong, headers: headers(id: "msg_w", body: wrong)), status: 400)
            #expect(problem.invalidParams?.map(\.name) == ["data.aantal"])
            #expect(!problem.detail.contains("twee"), "the value is not repeated")
            let accepted = try await post(client, body: right, headers: headers(id: "msg_r", body: right))
            #expect(accepted.status == .accepted)
        }
        let stored = try await service.dependencies.database.read { try String.fetchAll($0, sql: "SELECT webhook_id FROM webhook_inbox") }
        #expect(stored == ["msg_r"])
        try await process()
        #expect(try handled() == ["msg_r"])
        #expect(try registry.log(partnerId: "coa").last?.reason?.contains("data.aantal") == true)
    }

    @Test func aFailingHandlerIsRetriedLaterWhileOthersGoOn() async throws {
        let refused = self.body("coa.koppeling.ingetrokken")
        let fine = self.body()
        try await test { client in
            let first = try await post(client, body: refused, headers: headers(id: "msg_a", body: refused))
            let second = try await post(client, body: fine, headers: headers(id: "msg_b", body: fine))
            #expect(first.status == .accepted && second.status == .accepted)
        }
        try await process()
        #expect(try handled() == ["msg_b"])
        let row = try await service.dependencies.database.read {
            try Row.fetchOne($0, sql: "SELECT attempts, handled_at FROM webhook_inbox WHERE webhook_id = 'msg_a'")
        }
        #expect(row?["attempts"] == 1)
        #expect(row?["handled_at"] as Date? == nil)
        let job = try #require(try await service.dependencies.database.read { try JobRecord.find(kind: "webhook", key: "coa/msg_a", in: $0) })
        #expect(job.status == .pending && job.attempts == 1)
        #expect(job.nextAttemptAt > Self.now, "tried again later")
    }
}
