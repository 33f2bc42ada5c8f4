import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue groups`: a topic's consumer groups.
struct ListGroups: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "A topic's consumer groups with cursor, lag and oldest unhandled record.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic.") var topic: String
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        try await reportingQueueErrors {
            let status = try location.open().topic(topic).status()
            if json {
                print(try String(decoding: JSONEncoder.ctl.encode(status.groups), as: UTF8.self))
                return
            }
            print(Table.render([["GROUP", "CURSOR", "LAG", "OLDEST UNHANDLED"]] + status.groups.map {
                [$0.name, String($0.cursor), String($0.lag), $0.oldestUnconsumedAgeSeconds.map(ListTopics.age) ?? "-"]
            }))
        }
    }
}
