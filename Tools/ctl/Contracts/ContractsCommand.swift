import ArgumentParser

/// `inburgeringctl contracts …`: the region's contract register, through contract-monitor's API.
struct ContractsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contracts",
        abstract: "Import and export the region's contract register (aanbieders, percelen, contracten) as one YAML file.",
        discussion: """
            Both talk to contract-monitor's API with an operator's or a contractmanager's token; \
            the service checks every rule. The file's format is in docs/contracts.md; \
            deploy/regions/zwolle.register.yaml is a full example.
            """,
        subcommands: [ImportContracts.self, ExportContracts.self]
    )
}
