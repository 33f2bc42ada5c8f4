import ArgumentParser
import Foundation
import ServiceKit

/// `inburgeringctl partners list`: every partner with its state, never a secret.
struct ListPartners: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List partners (ids, event types, state; never secrets).")

    @OptionGroup var location: DatabaseLocation

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let database = try location.open()
        let partners = try PartnerRegistry(database: database).partners().map(ListedPartner.init)
        if json {
            print(try String(decoding: JSONEncoder.ctl.encode(partners), as: UTF8.self))
            return
        }
        let rows = [["ID", "STATE", "SECRETS", "CREATED", "EVENT TYPES", "DELIVERY URL", "NAME"]] + partners.map { partner in
            [
                partner.id, partner.active ? "active" : "inactive", String(partner.validSecrets),
                ISO8601DateFormatter().string(from: partner.createdAt), partner.eventTypes.joined(separator: ","), partner.deliveryURL ?? "-", partner.name,
            ]
        }
        print(Table.render(rows))
    }

    /// A partner as listed: the number of valid secrets, not the secrets.
    private struct ListedPartner: Encodable {
        let id: String
        let name: String
        let active: Bool
        let eventTypes: [String]
        let validSecrets: Int
        let createdAt: Date
        let deliveryURL: String?

        init(_ partner: Partner) {
            id = partner.id
            name = partner.name
            active = partner.active
            eventTypes = partner.eventTypes
            validSecrets = partner.secrets.count
            createdAt = partner.createdAt
            deliveryURL = partner.deliveryURL
        }
    }
}
