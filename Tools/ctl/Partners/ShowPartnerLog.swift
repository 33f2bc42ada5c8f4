import ArgumentParser
import Foundation
import ServiceKit

/// `inburgeringctl partners log`: the webhooks a partner sent recently and what became of them.
struct ShowPartnerLog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show a partner's recent webhooks and their outcome, newest first.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The partner's id, as 'partners list' shows it.")
    var partner: String

    @Option(help: "How many entries to show.")
    var limit = 50

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let database = try location.open()
        let entries = try PartnerRegistry(database: database).log(partnerId: partner, limit: limit)
        if json {
            print(try String(decoding: JSONEncoder.ctl.encode(entries), as: UTF8.self))
            return
        }
        let rows = [["AT", "OUTCOME", "EVENT TYPE", "WEBHOOK ID", "REASON"]] + entries.map { entry in
            [
                ISO8601DateFormatter().string(from: entry.at), entry.outcome.rawValue, entry.eventType ?? "-", entry.webhookId ?? "-",
                entry.reason ?? "",
            ]
        }
        print(Table.render(rows))
    }
}
