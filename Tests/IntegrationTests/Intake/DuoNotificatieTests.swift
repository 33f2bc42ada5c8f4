import Foundation
import ServiceKit
import TestSupport
import Testing

/// `POST /duo/v1/notificaties` on a real intake process, as DUO calls it.
@Suite struct DuoNotificatieTests {
    static let duo = "00000001800866472000"
    static let gemeente = "00000001001234567000"

    func notify(_ intake: RunningService, body: String, berichtId: String = UUID().uuidString, bron: String = duo, doel: String = gemeente)
        async throws -> (status: Int, headers: [String: String], body: String)
    {
        try await intake.request("POST", "/duo/v1/notificaties", body: body, headers: [
            "Content-Type": "application/json", "bron": bron, "doel": doel, "berichtId": berichtId,
        ])
    }

    @Test func notificationsAreStoredOnceAnsweredAsDuoExpectsAndListedWithoutTheBsn() async throws {
        let directory = try TemporaryDirectory()
        let intake = try await RunningService("intake", stateDirectory: directory.path + "/state", in: directory.path)
        defer { intake.child.signal(SIGKILL) }
        let bericht = UUID().uuidString
        let body = #"{"registratieDatumTijd":"2026-11-25T10:15:00.000Z","bsn":"123456782","vNummer":1234567890,"gebeurtenisId":"SS139"}"#
        let first = try await notify(intake, body: body, berichtId: bericht)
        #expect(first.status == 201)
        #expect(first.body.isEmpty)
        #expect(first.headers["api-version"] == "1.8.0")
        #expect(try await notify(intake, body: body, berichtId: bericht).status == 201, "a redelivery")
        #expect(try await notify(intake, body: #"{"registratieDatumTijd":"2026-11-25T10:16:00Z","gebeurtenisId":"SS999"}"#).status == 201,
                "an unknown code is kept, never refused")

        let wrongSender = try await notify(intake, body: body, bron: "00000009999999999999")
        #expect(wrongSender.status == 403 && wrongSender.body.contains("fouttekst") && wrongSender.headers["api-version"] == "1.8.0")
        #expect(try await notify(intake, body: body, doel: "00000009999999999999").status == 403)
        let malformed = try await notify(intake, body: #"{"registratieDatumTijd":"gisteren","gebeurtenisId":"SS139"}"#)
        #expect(malformed.status == 400 && malformed.body.contains("registratieDatumTijd"))
        #expect(try await notify(intake, body: #"{"registratieDatumTijd":"2026-11-25T10:15:00Z","gebeurtenisId":"ss-139"}"#).status == 400)
        #expect(try await notify(intake, body: #"{"registratieDatumTijd":"2026-11-25T10:15:00Z","gebeurtenisId":"SS139","vNummer":1.5}"#).status == 400)
        let noId = try await intake.request("POST", "/duo/v1/notificaties", body: body, headers: ["bron": Self.duo, "doel": Self.gemeente])
        #expect(noId.status == 400)

        let database = try ServiceDatabase.open(path: directory.path + "/state/intake.sqlite", migrations: [])
        let token = try TokenStore(database: database).create(role: .operator, label: "beheer").secret
        let listed = try await intake.request("GET", "/api/v1/duo/notificaties", headers: ["Authorization": "Bearer \(token)"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.body.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(Set(items.compactMap { $0["gebeurtenisId"] as? String }) == ["SS139", "SS999"])
        #expect(items.contains { ($0["omschrijving"] as? String)?.hasPrefix("onbekende code") == true })
        #expect(!listed.body.contains("123456782"), "no BSN in the list")
        let unknown = try await intake.request("GET", "/api/v1/duo/notificaties?onbekend=true", headers: ["Authorization": "Bearer \(token)"])
        #expect(unknown.body.contains("SS999") && !unknown.body.contains("SS139"))
        intake.child.signal(SIGTERM)
        _ = try await intake.child.waitForExit()
        #expect(!intake.child.standardError.contains("123456782"))
    }
}
