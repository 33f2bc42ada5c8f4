import ArgumentParser
import ServiceKit

/// `inburgeringctl partners disable`: the partner's webhooks are refused from now on.
struct DisablePartner: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Refuse a partner's webhooks (401) until it is enabled again.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The partner's id, as 'partners list' shows it.")
    var partner: String

    func run() throws {
        let database = try location.open()
        try PartnerRegistry(database: database).disable(id: partner)
        print("disabled \(partner): its webhooks are refused until 'inburgeringctl partners enable \(partner)'")
    }
}
