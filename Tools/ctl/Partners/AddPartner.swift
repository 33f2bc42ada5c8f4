import ArgumentParser
import ServiceKit

/// `inburgeringctl partners add`: a new partner; its secret is printed once.
struct AddPartner: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a partner; its webhook secret is printed once.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The partner's id in its webhook URL: lowercase letters, digits and dashes (e.g. coa, nltraining).")
    var partner: String

    @Option(help: "Who the partner is, e.g. 'COA' or 'NLtraining B.V.'.")
    var name: String

    @Option(name: .customLong("event-type"), help: "An event type the partner may send; repeat for each.")
    var eventTypes: [String] = []

    func run() throws {
        let database = try location.open()
        let secret = try PartnerRegistry(database: database).add(id: partner, name: name, eventTypes: eventTypes)
        print("partner: \(partner)\nsecret:  \(secret.encoded)\n(the secret is shown only now and will not be shown again; give it to the partner over a secure channel)")
    }
}
