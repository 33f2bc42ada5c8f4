import Foundation
import ServiceKit
import TestSupport
import Testing

@Suite struct CtlWebhooksTests {
    let ctl = Binaries.path("inburgeringctl")

    // The Standard Webhooks reference libraries' test vector, checked with openssl.
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp = "1614265330"
    let body = #"{"test": 2432232314}"#
    let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    func bodyFile(_ text: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.path + "/body-\(UUID().uuidString).json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func message(id: String? = nil, timestamp: String? = nil, file: String) -> [String] {
        ["--secret", secret, "--id", id ?? self.id, "--timestamp", timestamp ?? self.timestamp, "--file", file]
    }

    @Test func signPrintsTheSpecVectorsSignature() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await runToEnd(ctl, ["webhooks", "sign"] + message(file: try bodyFile(body, in: directory)), in: directory.path)
        #expect(signed.status == 0)
        #expect(signed.output == signature + "\n")
        #expect(signed.error.isEmpty)

        let bare = try await runToEnd(
            ctl, ["webhooks", "sign", "--secret", String(secret.dropFirst("whsec_".count)), "--id", id, "--timestamp", timestamp,
                  "--file", try bodyFile(body, in: directory)], in: directory.path)
        #expect(bare.output == signature + "\n")

        let fromEnvironment = try await runToEnd(
            ctl, ["webhooks", "sign", "--id", id, "--timestamp", timestamp, "--file", try bodyFile(body, in: directory)],
            environment: ["WEBHOOK_SECRET": secret], in: directory.path)
        #expect(fromEnvironment.output == signature + "\n")
        let noSecret = try await runToEnd(ctl, ["webhooks", "sign", "--id", id, "--timestamp", timestamp], in: directory.path)
        #expect(noSecret.status != 0 && noSecret.error.contains("WEBHOOK_SECRET"))

        // Without --file the body is standard input, here empty.
        let fromStandardInput = try await runToEnd(ctl, ["webhooks", "sign", "--secret", secret, "--id", id, "--timestamp", timestamp], in: directory.path)
        let parsed = try WebhookSecret(secret)
        let empty = StandardWebhooks.sign(id: id, timestamp: 1_614_265_330, body: [], secret: parsed)
        #expect(fromStandardInput.output == empty + "\n")
    }

    @Test func verifyExitsZeroOnlyForAnAuthenticFreshMessage() async throws {
        let directory = try TemporaryDirectory()
        let file = try bodyFile(body, in: directory)

        let captured = try await runToEnd(ctl, ["webhooks", "verify"] + message(file: file) + ["--signature", signature, "--ignore-timestamp"], in: directory.path)
        #expect(captured.status == 0)
        #expect(captured.output == "valid\n")

        let old = try await runToEnd(ctl, ["webhooks", "verify"] + message(file: file) + ["--signature", signature], in: directory.path)
        #expect(old.status == 1)
        #expect(old.error.split(separator: "\n").count == 1)
        #expect(old.error.contains("too far in the past"))

        let tampered = try await runToEnd(
            ctl, ["webhooks", "verify"] + message(file: try bodyFile(#"{"test": 2432232315}"#, in: directory)) + ["--signature", signature, "--ignore-timestamp"],
            in: directory.path)
        #expect(tampered.status == 1)
        #expect(tampered.error.split(separator: "\n").count == 1)
        #expect(tampered.error.contains("no v1 signature"))
        #expect(!tampered.error.contains("g0hM9SsE") && !tampered.error.contains("MfKQ9r8G"))

        let now = String(Int64(Date().timeIntervalSince1970))
        let fresh = try await runToEnd(ctl, ["webhooks", "sign"] + message(timestamp: now, file: file), in: directory.path)
        let freshSignature = fresh.output.trimmingCharacters(in: .newlines)
        let verified = try await runToEnd(
            ctl, ["webhooks", "verify"] + message(timestamp: now, file: file) + ["--signature", "v2,abc \(freshSignature)"], in: directory.path)
        #expect(verified.status == 0)
        #expect(verified.output == "valid\n")
    }

    @Test func mistakesGetOneLineAndANonZeroExit() async throws {
        let directory = try TemporaryDirectory()
        let file = try bodyFile(body, in: directory)
        let short = "whsec_" + Data(repeating: 9, count: 16).base64EncodedString()
        let cases: [([String], String)] = [
            (["webhooks", "sign", "--secret", short, "--id", id, "--timestamp", timestamp, "--file", file], "must be 24 to 64"),
            (["webhooks", "sign", "--secret", "whsec_geen*base64", "--id", id, "--timestamp", timestamp, "--file", file], "not 'whsec_' followed by base64"),
            (["webhooks", "sign"] + message(timestamp: "2021-02-25T15:02:10Z", file: file), "--timestamp must be whole seconds"),
            (["webhooks", "sign"] + message(file: directory.path + "/nergens.json"), "cannot read"),
            (["webhooks", "verify"] + message(timestamp: "1614265330.0", file: file) + ["--signature", signature], "webhook-timestamp is not whole seconds"),
        ]
        for (arguments, expected) in cases {
            let result = try await runToEnd(ctl, arguments, in: directory.path)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.error.contains(expected), "\(arguments): \(result.error)")
            #expect(result.error.split(separator: "\n").count == 1, "\(arguments): \(result.error)")
            #expect(!result.error.contains(short.dropFirst(6)) && !result.error.contains("geen*base64"))
        }
    }
}
