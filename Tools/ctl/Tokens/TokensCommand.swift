import ArgumentParser

/// `inburgeringctl tokens …`: bearer tokens of one service.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Create, list and revoke a service's bearer tokens.",
        discussion: """
            Tokens are stored hashed in the service's database; the secret is printed once, \
            when it is made. The service need not be stopped.
            """,
        subcommands: [CreateToken.self, ListTokens.self, RevokeToken.self]
    )
}
