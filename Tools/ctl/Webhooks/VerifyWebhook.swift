import ArgumentParser
import Foundation
import ServiceKit

/// `inburgeringctl webhooks verify`: checks a message as the services do; exit 0 and
/// `valid`, or exit 1 with the reason.
struct VerifyWebhook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a webhook's signature and timestamp as the services do; prints 'valid' or the reason.")

    @OptionGroup var message: WebhookMessage

    @Option(help: "The webhook-signature header (one or more space-separated v1,… entries).")
    var signature: String

    @Flag(help: "Skip the ±5 minute timestamp check, to check a captured message.")
    var ignoreTimestamp = false

    func run() throws {
        let secret = try message.parsedSecret()
        let body = try message.body()
        // Ignoring the timestamp means judging the message at the moment it claims to be sent.
        let claimed = Int64(message.timestamp.trimmingCharacters(in: .whitespaces)).map { Date(timeIntervalSince1970: Double($0)) }
        let now = ignoreTimestamp ? claimed ?? Date() : Date()
        do {
            try StandardWebhooks.verify(
                id: message.id, timestamp: message.timestamp, signature: signature, body: body, secrets: [secret], now: now)
        } catch {
            throw CtlFailure(error.description)
        }
        print("valid")
    }
}
