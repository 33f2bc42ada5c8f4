import ArgumentParser
import ServiceKit

/// `inburgeringctl partners enable`: the partner's webhooks are accepted again.
struct EnablePartner: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Accept a disabled partner's webhooks again, with the secrets it had.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The partner's id, as 'partners list' shows it.")
    var partner: String

    func run() throws {
        let database = try location.open()
        try PartnerRegistry(database: database).enable(id: partner)
        print("enabled \(partner)")
    }
}
