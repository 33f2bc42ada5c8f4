import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue apply-retention`: deletes the segments retention allows deleting now.
struct ApplyRetention: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply-retention",
        abstract: "Delete sealed segments that every consumer group has passed and that are older than --days.",
        discussion: """
            Frees disk space at once (the runbook's answer to a full disk). Never deletes the \
            active segment, a segment some group has not passed, a topic without groups, or \
            dead letters.
            """)

    @OptionGroup var location: QueueLocation
    @Option(help: "Keep segments written less than this many days ago.") var days = 7

    func validate() throws {
        guard days >= 0 else { throw ValidationError("--days must be 0 or more") }
    }

    func run() async throws {
        let deleted = try await reportingQueueErrors {
            try location.open(options: QueueOptions(retention: .seconds(days * 24 * 3600))).applyRetention()
        }
        for file in deleted { print("deleted \(file)") }
        print("deleted \(deleted.count) segment\(deleted.count == 1 ? "" : "s")")
    }
}
