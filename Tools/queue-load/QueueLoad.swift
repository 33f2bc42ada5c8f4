import ArgumentParser

/// `inburgering-queue-load`: drives the durable queue from separate processes, for the
/// crash-safety tests and the benchmark. Not installed; not for production use.
@main
struct QueueLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inburgering-queue-load",
        abstract: "Publish or consume numbered records on a queue, for crash tests and benchmarks.",
        subcommands: [LoadPublish.self, LoadConsume.self]
    )
}
