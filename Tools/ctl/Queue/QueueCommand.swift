import ArgumentParser

/// `inburgeringctl queue …`: inspect and repair the region's durable queue while it runs.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Inspect and repair the region's durable queue, without stopping the services.",
        discussion: "docs/queue.md describes the format, the guarantees and the runbook.",
        subcommands: [
            ListTopics.self, PeekTopic.self, TailTopic.self, PublishRecord.self, ListGroups.self, ResetOffset.self,
            DeadLetterCommand.self, VerifyQueue.self, ApplyRetention.self,
        ]
    )
}
