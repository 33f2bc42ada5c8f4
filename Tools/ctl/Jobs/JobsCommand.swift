import ArgumentParser

/// `inburgeringctl jobs …`: a service's durable jobs (DUO meldingen and notificaties,
/// partners' webhooks, deliveries): what waits, what failed, what died, and replaying it.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List a service's durable jobs, show one with its attempts, replay a failed or dead one.",
        discussion: """
            A job is work that must eventually happen and may fail: it is tried on its retry \
            schedule until it succeeds, fails for good (the other side refused: failed) or runs \
            out of retries (dead). Failed and dead jobs wait for an operator; replay puts one \
            back, and the running service picks it up within a second. docs/operations.md has \
            the runbook. The service need not be stopped.
            """,
        subcommands: [ListJobs.self, ShowJob.self, ReplayJob.self]
    )
}
