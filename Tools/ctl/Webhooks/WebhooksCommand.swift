import ArgumentParser

/// `inburgeringctl webhooks …`: sign and check Standard Webhooks by hand.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Sign and verify Standard Webhooks, to help a partner's developer or check a captured message.",
        discussion: "docs/webhooks.md describes the signature and shows a worked example.",
        subcommands: [SignWebhook.self, VerifyWebhook.self]
    )
}
