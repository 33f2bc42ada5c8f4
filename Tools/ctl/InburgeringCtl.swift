import ArgumentParser

/// `inburgeringctl`: the operators' command line for a region's services.
@main
struct InburgeringCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inburgeringctl",
        abstract: "Operate a region's inburgering services: API tokens, the durable queue, webhook partners, durable jobs, the contract register, re-placing a provider's people.",
        subcommands: [
            TokensCommand.self, QueueCommand.self, PartnersCommand.self, WebhooksCommand.self, JobsCommand.self, ContractsCommand.self, EnrolmentCommand.self,
        ]
    )
}
