import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue tail`: the last records, and with --follow every new one.
struct TailTopic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tail", abstract: "Show the last records; with --follow, keep showing new ones until Ctrl-C.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic.") var topic: String
    @Option(help: "How many of the last records to show first.") var count = 10
    @Flag(help: "Keep waiting for new records.") var follow = false
    @Flag(help: "Print one JSON object per line.") var json = false

    func run() async throws {
        try await reportingQueueErrors {
            let topic = try location.open().topic(topic)
            let end = try topic.status().nextOffset
            var next = end - min(end, UInt64(max(0, count)))
            repeat {
                let records = try topic.read(from: next, maxCount: 1000)
                for record in records { print(RecordLine.render(record, json: json)) }
                fflush(nil)
                if let last = records.last { next = last.offset + 1 } else if follow { try await Task.sleep(for: .milliseconds(200)) }
            } while follow || next < end
        }
    }
}
