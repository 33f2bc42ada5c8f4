import ArgumentParser
import Foundation
import ServiceKit

/// `inburgeringctl tokens create`: makes a token and prints its secret once.
struct CreateToken: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Make a token; its secret is printed once.")

    @OptionGroup var location: DatabaseLocation

    @Option(help: "operator, klantmanager, contractmanager or aanbieder.")
    var role: String

    @Option(help: "The municipality's CBS code, for a klantmanager (e.g. GM0193).")
    var gemeente: String?

    @Option(help: "The provider's id, for an aanbieder.")
    var aanbieder: String?

    @Option(help: "Whom or what the token is for (no personal data), e.g. 'team Zwolle-Noord'.")
    var label: String

    @Flag(help: "Print the token as JSON.")
    var json = false

    func run() throws {
        if gemeente != nil && aanbieder != nil { throw ValidationError("give --gemeente or --aanbieder, not both") }
        let role: Role
        do { role = try Role(name: self.role, scope: gemeente ?? aanbieder) } catch { throw ValidationError(error.description) }
        let database = try location.open()
        let (token, secret) = try TokenStore(database: database).create(role: role, label: label)
        if json {
            print(try String(decoding: JSONEncoder.ctl.encode(CreatedToken(token: token, secret: secret)), as: UTF8.self))
        } else {
            print("id:     \(token.id)\nrole:   \(token.role)\nsecret: \(secret)\n(the secret is shown only now; store it where its user can reach it)")
        }
    }

    private struct CreatedToken: Encodable {
        let token: APIToken
        let secret: String
    }
}
