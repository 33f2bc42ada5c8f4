import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue peek`: records from an offset on, without consuming them.
struct PeekTopic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "peek", abstract: "Show records from an offset on, without consuming them.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic.") var topic: String
    @Option(help: "The first offset to show.") var from: UInt64 = 0
    @Option(help: "How many records to show.") var count = 10
    @Flag(help: "Print one JSON object per line.") var json = false

    func run() async throws {
        try await reportingQueueErrors {
            let records = try location.open().topic(topic).read(from: from, maxCount: count)
            for record in records { print(RecordLine.render(record, json: json)) }
        }
    }
}

/// How the CLI prints one record.
enum RecordLine {
    static func render(_ record: QueueRecord, json: Bool) -> String {
        let time = ISO8601DateFormatter().string(from: record.timestamp)
        guard json else { return "\(record.offset)  \(time)  \(record.payload.count)B  \(printable(record.payload))" }
        let object: [String: Any] = ["offset": record.offset, "time": time, "size": record.payload.count, "payload": printable(record.payload)]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
