import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue dlq …`: records consumer groups gave up on.
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq", abstract: "List, replay or drop dead letters.", subcommands: [ListDeadLetters.self, ReplayDeadLetters.self, DropDeadLetters.self])
}

/// The dead letters an operator picks: some offsets, or all.
struct DeadLetterSelection: ParsableArguments {
    @Option(name: .customLong("offset"), help: "A dead letter's offset in the dead-letter topic (repeatable).") var offsets: [UInt64] = []
    @Flag(help: "All pending dead letters.") var all = false

    func validate() throws {
        guard all != !offsets.isEmpty else { throw ValidationError("pass --offset N (repeatable) or --all") }
    }

    var chosen: Set<UInt64>? { all ? nil : Set(offsets) }
}

struct ListDeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Pending dead letters of a topic: group, attempts, error.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic (not its .dlq).") var topic: String
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        try await reportingQueueErrors {
            let pending = try location.open().topic(topic).pendingDeadLetters()
            if json {
                print(try String(decoding: JSONEncoder.ctl.encode(pending), as: UTF8.self))
                return
            }
            print(Table.render([["DLQ OFFSET", "OFFSET", "GROUP", "ATTEMPTS", "FAILED AT", "ERROR"]] + pending.map {
                [String($0.deadLetterOffset), String($0.letter.offset), $0.letter.group, String($0.letter.attempts),
                 ISO8601DateFormatter().string(from: $0.letter.failedAt), $0.letter.error]
            }))
        }
    }
}

struct ReplayDeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Publish dead letters to their topic again (every group sees them anew), then mark them resolved.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic (not its .dlq).") var topic: String
    @OptionGroup var selection: DeadLetterSelection

    func run() async throws {
        try await reportingQueueErrors {
            let bar = ProgressBar()
            let offsets = try await location.open().topic(topic).replayDeadLetters(offsets: selection.chosen) { bar.show($0, of: $1) }
            bar.finish()
            print("replayed \(offsets.count) dead letter(s)" + (offsets.isEmpty ? "" : " as offsets \(offsets.first!)…\(offsets.last!)"))
        }
    }
}

struct DropDeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Mark dead letters resolved without replaying them.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic (not its .dlq).") var topic: String
    @OptionGroup var selection: DeadLetterSelection

    func run() async throws {
        try await reportingQueueErrors {
            print("dropped \(try location.open().topic(topic).dropDeadLetters(offsets: selection.chosen)) dead letter(s)")
        }
    }
}
