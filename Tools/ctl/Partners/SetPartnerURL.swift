import ArgumentParser
import ServiceKit

/// `inburgeringctl partners set-url`: where the service sends the partner its webhooks.
struct SetPartnerURL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-url",
        abstract: "Set where the service sends the partner its webhooks (https; http only to this host); --clear stops sending.",
        discussion: "Webhooks that wait for a URL are sent once one is set. They are signed with the partner's newest secret.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The partner's id.") var partner: String
    @Option(help: "The partner's webhook URL, e.g. https://aanbieder.example.nl/webhooks/inburgering.") var url: String?
    @Flag(help: "Remove the URL: webhooks to the partner wait.") var clear = false

    func validate() throws {
        guard (url == nil) != !clear else { throw ValidationError("give --url or --clear") }
    }

    func run() throws {
        try PartnerRegistry(database: try location.open()).setDeliveryURL(url, id: partner)
        print(url.map { "partner \(partner) gets its webhooks at \($0)" } ?? "partner \(partner) gets no webhooks; they wait")
    }
}
