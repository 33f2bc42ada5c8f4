import Foundation
import ServiceKit
import TestSupport
import Testing

@Suite struct CtlPartnersTests {
    let ctl = Binaries.path("inburgeringctl")

    /// An intake database in `directory`/state, opened as the service opens it.
    func intake(in directory: TemporaryDirectory) throws -> (location: [String], registry: PartnerRegistry) {
        let state = directory.path + "/state"
        let database = try ServiceDatabase.open(path: state + "/intake.sqlite", migrations: [])
        return (["--service", "intake", "--state-dir", state], PartnerRegistry(database: database))
    }

    func secret(in output: String) throws -> String {
        let lines = output.split(separator: "\n").filter { $0.hasPrefix("secret:") }
        #expect(lines.count == 1)
        return try #require(lines.first?.dropFirst("secret:".count).trimmingCharacters(in: .whitespaces))
    }

    func listed(_ location: [String], in directory: TemporaryDirectory) async throws -> [[String: Any]] {
        let result = try await runToEnd(ctl, ["partners", "list", "--json"] + location, in: directory.path)
        #expect(result.status == 0)
        #expect(!result.output.contains("whsec_"))
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    @Test func addListRotateDisableAndEnableAPartner() async throws {
        let directory = try TemporaryDirectory()
        let (location, registry) = try intake(in: directory)

        let added = try await runToEnd(
            ctl, ["partners", "add"] + location + ["coa", "--name", "COA", "--event-type", "koppeling.created", "--event-type", "koppeling.withdrawn"],
            in: directory.path)
        #expect(added.status == 0)
        #expect(added.output.contains("will not be shown again"))
        let first = try secret(in: added.output)
        #expect(first.hasPrefix("whsec_"))
        let firstSecret = try WebhookSecret(first)
        #expect(try registry.partner(id: "coa")?.secrets == [firstSecret])

        let table = try await runToEnd(ctl, ["partners", "list"] + location, in: directory.path)
        #expect(table.status == 0)
        #expect(table.output.contains("coa"))
        #expect(table.output.contains("COA"))
        #expect(table.output.contains("koppeling.created,koppeling.withdrawn"))
        #expect(table.output.contains("active"))
        #expect(!table.output.contains(first) && !table.output.contains("whsec_"))
        #expect(try await listed(location, in: directory).first?["validSecrets"] as? Int == 1)

        let again = try await runToEnd(ctl, ["partners", "add"] + location + ["coa", "--name", "COA", "--event-type", "x"], in: directory.path)
        #expect(again.status != 0)
        #expect(again.error.contains("exists already"))

        let rotated = try await runToEnd(ctl, ["partners", "rotate-secret"] + location + ["coa"], in: directory.path)
        #expect(rotated.status == 0)
        #expect(rotated.output.contains("previous secret stays valid until the next rotation"))
        let second = try secret(in: rotated.output)
        #expect(second.hasPrefix("whsec_") && second != first)
        _ = try await runToEnd(ctl, ["partners", "rotate-secret"] + location + ["coa"], in: directory.path)
        let afterRotations = try await listed(location, in: directory)
        #expect(afterRotations.first?["validSecrets"] as? Int == 2)
        let secondSecret = try WebhookSecret(second)
        #expect(try registry.partner(id: "coa")?.secrets.last == secondSecret)

        let disabled = try await runToEnd(ctl, ["partners", "disable"] + location + ["coa"], in: directory.path)
        #expect(disabled.status == 0)
        #expect(try await listed(location, in: directory).first?["active"] as? Bool == false)
        #expect(try await runToEnd(ctl, ["partners", "list"] + location, in: directory.path).output.contains("inactive"))
        let enabled = try await runToEnd(ctl, ["partners", "enable"] + location + ["coa"], in: directory.path)
        #expect(enabled.status == 0)
        #expect(try await listed(location, in: directory).first?["active"] as? Bool == true)

        let url = try await runToEnd(ctl, ["partners", "set-url"] + location + ["coa", "--url", "https://coa.example/webhooks"], in: directory.path)
        #expect(url.status == 0)
        #expect(try await listed(location, in: directory).first?["deliveryURL"] as? String == "https://coa.example/webhooks")
        #expect(try await runToEnd(ctl, ["partners", "set-url"] + location + ["coa", "--clear"], in: directory.path).status == 0)
        #expect(try await listed(location, in: directory).first?["deliveryURL"] == nil)
    }

    @Test func theLogShowsWhatThePartnerSentNewestFirst() async throws {
        let directory = try TemporaryDirectory()
        let (location, registry) = try intake(in: directory)
        _ = try registry.add(id: "nltraining", name: "NLtraining", eventTypes: ["placement.started"])
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try registry.record(PartnerLogEntry(at: start, partnerId: "nltraining", webhookId: "msg_1", eventType: "placement.started", outcome: .accepted))
        try registry.record(PartnerLogEntry(at: start + 60, partnerId: "nltraining", webhookId: "msg_1", eventType: "placement.started", outcome: .duplicate))
        try registry.record(PartnerLogEntry(at: start + 120, partnerId: "nltraining", webhookId: "msg_2", outcome: .rejected, reason: "no valid signature"))

        let log = try await runToEnd(ctl, ["partners", "log"] + location + ["nltraining"], in: directory.path)
        #expect(log.status == 0)
        let lines = log.output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.dropFirst().first?.contains("msg_2") == true)
        #expect(lines.dropFirst().first?.contains("no valid signature") == true)
        #expect(lines.last?.contains("accepted") == true)

        let limited = try await runToEnd(ctl, ["partners", "log"] + location + ["nltraining", "--limit", "1", "--json"], in: directory.path)
        #expect(limited.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(limited.output.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["webhookId"] as? String == "msg_2")
        #expect(entries.first?["outcome"] as? String == "rejected")
        #expect(entries.first?["at"] as? String == "2023-11-14T22:15:20Z")
    }

    @Test func mistakesGetOneLineAndANonZeroExit() async throws {
        let directory = try TemporaryDirectory()
        let (location, _) = try intake(in: directory)
        let cases: [([String], String)] = [
            (["partners", "add"] + location + ["COA!", "--name", "COA", "--event-type", "koppeling.created"], "lowercase letters, digits and dashes"),
            (["partners", "add"] + location + ["coa", "--name", "COA"], "at least one event type"),
            (["partners", "rotate-secret"] + location + ["duo"], "no partner 'duo'"),
            (["partners", "disable"] + location + ["duo"], "no partner 'duo'"),
            (["partners", "log"] + location + ["duo"], "no partner 'duo'"),
            (["partners", "set-url"] + location + ["coa", "--url", "http://coa.example/webhooks"], "must be https"),
            (["partners", "list", "--service", "intake", "--state-dir", directory.path + "/nergens"], "no database at"),
        ]
        for (arguments, message) in cases {
            let result = try await runToEnd(ctl, arguments, in: directory.path)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
            #expect(result.error.split(separator: "\n").count == 1, "\(arguments): \(result.error)")
        }
        let badLimit = try await runToEnd(ctl, ["partners", "log"] + location + ["coa", "--limit", "0"], in: directory.path)
        #expect(badLimit.status != 0)
        #expect(badLimit.error.contains("--limit must be at least 1"))
    }

    @Test func helpIsThereAtEveryLevel() async throws {
        let directory = try TemporaryDirectory()
        for arguments in [["partners", "--help"], ["partners", "add", "--help"], ["partners", "rotate-secret", "--help"], ["partners", "log", "--help"]] {
            let result = try await runToEnd(ctl, arguments, in: directory.path)
            #expect(result.status == 0)
            #expect(result.output.contains("USAGE"))
        }
    }
}
