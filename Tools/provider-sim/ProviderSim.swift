import ArgumentParser

/// `inburgering-provider-sim`: plays the demo region's providers against enrolment.
@main
struct ProviderSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inburgering-provider-sim",
        abstract: "Plays contracted providers for the demo: confirms aanmeldingen and reports on each person month by month. Never for a real region.",
        subcommands: [ProviderServeCommand.self])
}
