import ArgumentParser
import Foundation
import ServiceKit

/// `inburgeringctl tokens list`: every token with its role and state, never a secret.
struct ListTokens: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (ids, roles, state; never secrets).")

    @OptionGroup var location: DatabaseLocation

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let database = try location.open()
        let tokens = try TokenStore(database: database).list()
        if json {
            print(try String(decoding: JSONEncoder.ctl.encode(tokens), as: UTF8.self))
            return
        }
        let rows = [["ID", "ROLE", "STATE", "CREATED", "LABEL"]] + tokens.map { token in
            [token.id, token.role.description, token.isActive ? "active" : "revoked", ISO8601DateFormatter().string(from: token.createdAt), token.label]
        }
        print(Table.render(rows))
    }
}
