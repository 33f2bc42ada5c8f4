import ArgumentParser

/// `inburgering-duo-sim`: plays DUO for tests and the demo, with DUO's own paths, field
/// names and values (docs/duo-interface-notes.md).
@main
struct DuoSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inburgering-duo-sim",
        abstract: "Plays DUO's machine-to-machine interface for tests and the demo.",
        subcommands: [ServeCommand.self, NotifyCommand.self])
}
