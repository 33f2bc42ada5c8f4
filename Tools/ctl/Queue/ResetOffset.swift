import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue reset-offset`: moves a group's cursor, to skip or to redo records.
struct ResetOffset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-offset",
        abstract: "Move a consumer group's cursor (the group's consumer must be stopped).",
        discussion: "Moving back redelivers records (handlers skip those they have seen); moving forward skips records for good.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic.") var topic: String
    @Option(help: "The consumer group.") var group: String
    @Option(help: "An offset, 'earliest' or 'latest'.") var to: String
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run() async throws {
        try await reportingQueueErrors {
            let topic = try location.open().topic(topic)
            let status = try topic.status()
            let target: UInt64
            switch to {
            case "earliest": target = status.firstOffset
            case "latest": target = status.nextOffset
            default:
                guard let offset = UInt64(to) else { throw ValidationError("--to takes an offset, 'earliest' or 'latest'") }
                target = offset
            }
            let current = status.groups.first { $0.name == group }.map { String($0.cursor) } ?? "none"
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else { throw CtlFailure("not a terminal: pass --yes to move group \(group) from \(current) to \(target)") }
                print("Move group \(group) of \(topic.name) from \(current) to \(target)? [y/N] ", terminator: "")
                fflush(nil)
                guard let answer = readLine(), ["y", "yes", "j", "ja"].contains(answer.lowercased()) else {
                    print("nothing changed")
                    return
                }
            }
            print("group \(group) of \(topic.name) now at \(try topic.resetCursor(group: group, to: target))")
        }
    }
}
