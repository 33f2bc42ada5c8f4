import Foundation
import GRDB
import Logging
import Models
@testable import ServiceKit
import Synchronization
import TestSupport
import Testing

/// The webhooks a service sends a partner: recorded with the change, POSTed signed with the
/// partner's secret to its URL, the same id on every retry; waiting while there is no URL
/// or the partner is down; failed for good on a refusal.
@Suite struct OutgoingWebhookTests {
    struct Aanmelding: Encodable { var plaatsingId: String }

    /// What the fake partner received, and what it answers next.
    final class Partner: Sendable {
        let received = Mutex<[(url: String, headers: [(String, String)], body: [UInt8])]>([])
        let answers = Mutex<[Int]>([])

        func send(_ url: String, _ headers: [(String, String)], _ body: [UInt8]) async throws -> Int {
            received.withLock { $0.append((url, headers, body)) }
            return answers.withLock { $0.isEmpty ? 200 : $0.removeFirst() }
        }
    }

    @Test func aWebhookIsSignedSentOnceAndRetriedWhileThePartnerIsDown() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        let service = try TestService(clock: clock)
        let database = service.dependencies.database
        let registry = PartnerRegistry(database: database)
        let secret = try registry.add(id: "nltraining", name: "NLtraining", eventTypes: ["aanbieder.aanmelding.beantwoord"])
        let partner = Partner()
        let runner = JobRunner(
            handlers: OutgoingWebhook.handlers(database: database, clock: clock, send: partner.send), jobs: service.dependencies.jobs, database: database,
            logger: Logger(label: "test"), unit: { 0.5 })
        try await database.write { db in
            try OutgoingWebhook.enqueue(
                to: "nltraining", type: "enrolment.aanmelding.aangemaakt", data: Aanmelding(plaatsingId: "plt-1"), key: "plt-1/1",
                jobs: service.dependencies.jobs, in: db)
        }
        _ = try await runner.runDue()
        #expect(partner.received.withLock { $0.isEmpty }, "no URL yet: it waits")
        let waiting = try await database.read { db in try JobRecord.find(kind: OutgoingWebhook.kind, key: "nltraining/plt-1/1", in: db) }
        #expect(waiting?.status == .pending && waiting?.lastNote?.contains("set-url") == true)

        #expect(throws: PartnerRegistryError.self) { try registry.setDeliveryURL("http://partner.example/hook", id: "nltraining") }
        try registry.setDeliveryURL("http://127.0.0.1:9/hook", id: "nltraining")
        partner.answers.withLock { $0 = [503] }
        clock.advance(by: 60)
        _ = try await runner.runDue()
        clock.advance(by: 600)
        _ = try await runner.runDue()
        let sent = partner.received.withLock { $0 }
        #expect(sent.count == 2, "503, then again")
        let ids = sent.map { request in request.headers.first { $0.0 == StandardWebhooks.idHeader }?.1 }
        #expect(ids[0] != nil && ids[0] == ids[1], "the same webhook-id on a retry")
        let last = try #require(sent.last)
        func header(_ name: String) -> String? { last.headers.first { $0.0 == name }?.1 }
        try StandardWebhooks.verify(
            id: header(StandardWebhooks.idHeader), timestamp: header(StandardWebhooks.timestampHeader), signature: header(StandardWebhooks.signatureHeader),
            body: last.body, secrets: [secret], now: clock.now())
        let body = try #require(try JSONSerialization.jsonObject(with: Data(last.body)) as? [String: Any])
        #expect(body["type"] as? String == "enrolment.aanmelding.aangemaakt" && (body["data"] as? [String: Any])?["plaatsingId"] as? String == "plt-1")
        let done = try await database.read { db in try JobRecord.find(kind: OutgoingWebhook.kind, key: "nltraining/plt-1/1", in: db) }
        #expect(done?.status == .done)
    }

    @Test func aRefusalFailsTheWebhookForGood() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        let service = try TestService(clock: clock)
        let database = service.dependencies.database
        let registry = PartnerRegistry(database: database)
        _ = try registry.add(id: "deltion", name: "Deltion", eventTypes: ["aanbieder.aanmelding.beantwoord"])
        try registry.setDeliveryURL("https://deltion.example/hook", id: "deltion")
        let partner = Partner()
        partner.answers.withLock { $0 = [410] }
        let runner = JobRunner(
            handlers: OutgoingWebhook.handlers(database: database, clock: clock, send: partner.send), jobs: service.dependencies.jobs, database: database,
            logger: Logger(label: "test"), unit: { 0.5 })
        try await database.write { db in
            try OutgoingWebhook.enqueue(to: "deltion", type: "t", data: Aanmelding(plaatsingId: "plt-2"), key: "k", jobs: service.dependencies.jobs, in: db)
        }
        _ = try await runner.runDue()
        let job = try await database.read { db in try JobRecord.find(kind: OutgoingWebhook.kind, key: "deltion/k", in: db) }
        #expect(job?.status == .failed && job?.failureCode == "partner-410")
    }
}
