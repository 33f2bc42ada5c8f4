import ArgumentParser

/// `inburgering-demo`: fills the demo region that `make run` starts with generated people,
/// so a newcomer sees the chain working. Not installed; never for a real region.
@main
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inburgering-demo",
        abstract: "Fill the demo region of `make run` with generated people (test BSNs), their koppelingen and DUO's notifications.",
        discussion: """
            `duo-seed` writes what DUO's simulator knows of the generated people; `feed` makes the \
            demo's credentials (COA's webhook secret, a klantmanager token per municipality for \
            intake and pip, an operator token) once, and sends COA's koppelingen and DUO's \
            notifications for them. Both generate the same people from --count, and feeding \
            twice sends nothing twice.
            """,
        subcommands: [DuoSeedCommand.self, FeedCommand.self])
}
