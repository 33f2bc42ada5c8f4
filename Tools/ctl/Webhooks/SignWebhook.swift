import ArgumentParser
import ServiceKit

/// `inburgeringctl webhooks sign`: the `webhook-signature` value for a body.
struct SignWebhook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Print the webhook-signature (v1,…) for a body, from --file or standard input.")

    @OptionGroup var message: WebhookMessage

    func run() throws {
        guard message.timestamp.allSatisfy({ $0.isASCII && $0.isNumber }), let timestamp = Int64(message.timestamp) else {
            throw CtlFailure("--timestamp must be whole seconds since 1970, such as 1614265330")
        }
        print(StandardWebhooks.sign(id: message.id, timestamp: timestamp, body: try message.body(), secret: try message.parsedSecret()))
    }
}
