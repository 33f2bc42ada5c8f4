import ArgumentParser
import Foundation
import ServiceKit

/// What `webhooks sign` and `webhooks verify` both take: the secret, the message's id
/// and timestamp, and its body from a file or standard input.
struct WebhookMessage: ParsableArguments {
    @Option(help: "The partner's secret, whsec_… (or bare base64). Default: $WEBHOOK_SECRET, which keeps it out of 'ps' and the shell's history.")
    var secret: String?

    @Option(help: "The webhook-id header.")
    var id: String

    @Option(help: "The webhook-timestamp header: seconds since 1970.")
    var timestamp: String

    @Option(help: "Read the body from this file, byte for byte (default: standard input).")
    var file: String?

    /// The secret, or a one-line failure that does not repeat it.
    func parsedSecret(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WebhookSecret {
        guard let text = secret ?? environment["WEBHOOK_SECRET"] else {
            throw CtlFailure("no secret: pass --secret or set WEBHOOK_SECRET")
        }
        do { return try WebhookSecret(text) } catch { throw CtlFailure(error.description) }
    }

    /// The body's raw bytes, exactly as they will be or were sent.
    func body() throws -> [UInt8] {
        guard let file else { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else { throw CtlFailure("cannot read \(file)") }
        return Array(data)
    }
}
