import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue list`: every topic with its size and each group's lag.
struct ListTopics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Topics with record count, size, offsets, and per group: cursor, lag, age of the oldest unhandled record.")

    @OptionGroup var location: QueueLocation
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        try await reportingQueueErrors {
            let queue = try location.open()
            let statuses = try queue.topicNames().map { try queue.topic($0).status() }
            if json {
                print(try String(decoding: JSONEncoder.ctl.encode(statuses), as: UTF8.self))
                return
            }
            var rows = [["TOPIC", "RECORDS", "SIZE", "FIRST", "NEXT", "GROUP", "CURSOR", "LAG", "OLDEST UNHANDLED"]]
            for status in statuses {
                let topic = [status.name, String(status.recordCount), ByteCountFormatter.string(fromByteCount: status.sizeBytes, countStyle: .file),
                             String(status.firstOffset), String(status.nextOffset)]
                if status.groups.isEmpty { rows.append(topic + ["-", "-", "-", "-"]) }
                for (index, group) in status.groups.enumerated() {
                    rows.append((index == 0 ? topic : ["", "", "", "", ""]) + [
                        group.name, String(group.cursor), String(group.lag), group.oldestUnconsumedAgeSeconds.map(Self.age) ?? "-",
                    ])
                }
            }
            print(Table.render(rows))
        }
    }

    static func age(_ seconds: Double) -> String {
        switch seconds {
        case ..<60: String(format: "%.1fs", seconds)
        case ..<3600: "\(Int(seconds / 60))m\(Int(seconds) % 60)s"
        case ..<86400: "\(Int(seconds / 3600))h\(Int(seconds / 60) % 60)m"
        default: "\(Int(seconds / 86400))d\(Int(seconds / 3600) % 24)h"
        }
    }
}
