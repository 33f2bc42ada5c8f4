import ArgumentParser

/// `inburgeringctl enrolment …`: placements, through enrolment's API.
struct EnrolmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrolment",
        abstract: "Re-place the people a provider holds when it loses its keurmerk or its contract ends.",
        discussion: "Talks to enrolment's API with a contractmanager's or an operator's token (docs/enrolment.md).",
        subcommands: [ReplaceAanbieder.self])
}
