import ArgumentParser
import ServiceKit

/// `inburgeringctl partners rotate-secret`: a new secret, printed once; the previous one
/// stays valid so that the partner can switch without losing a message.
struct RotatePartnerSecret: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-secret", abstract: "Give a partner a new secret, printed once; the previous one stays valid until the next rotation.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The partner's id, as 'partners list' shows it.")
    var partner: String

    func run() throws {
        let database = try location.open()
        let secret = try PartnerRegistry(database: database).rotateSecret(id: partner)
        print("""
            partner: \(partner)
            secret:  \(secret.encoded)
            (the secret is shown only now and will not be shown again; the previous secret stays valid until the next rotation, \
            so the partner can switch over without losing a message)
            """)
    }
}
