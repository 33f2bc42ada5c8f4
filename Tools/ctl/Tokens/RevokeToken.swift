import ArgumentParser
import ServiceKit

/// `inburgeringctl tokens revoke`: the token stops working at once.
struct RevokeToken: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by id; it stops working at once.")

    @OptionGroup var location: DatabaseLocation

    @Argument(help: "The token's id (tok_…), as 'tokens list' shows it.")
    var id: String

    func run() throws {
        let database = try location.open()
        guard try TokenStore(database: database).revoke(id: id) else {
            throw CtlFailure("no active token with id \(id); 'inburgeringctl tokens list' shows them")
        }
        print("revoked \(id)")
    }
}
