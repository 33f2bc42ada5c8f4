import ArgumentParser

/// `inburgeringctl enrolment …`: placements, through enrolment's API.
struct EnrolmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrolment",
        abstract: "Re-place the people a provider holds when it loses its keurmerk or its contract ends; send a provider's reports.",
        discussion: "Talks to enrolment's API: replace with a contractmanager's or an operator's token, import-csv with the provider's or an operator's (docs/enrolment.md).",
        subcommands: [ReplaceAanbieder.self, ImportReports.self])
}
