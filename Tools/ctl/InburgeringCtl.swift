import ArgumentParser

/// `inburgeringctl`: the operators' command line for a region's services.
@main
struct InburgeringCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inburgeringctl",
        abstract: "Operate a region's inburgering services: API tokens and the durable queue.",
        subcommands: [TokensCommand.self, QueueCommand.self]
    )
}
