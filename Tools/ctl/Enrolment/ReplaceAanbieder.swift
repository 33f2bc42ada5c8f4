import ArgumentParser
import Foundation
import Models
import NIOHTTP1
import ServiceKit

/// `inburgeringctl enrolment replace --aanbieder P`: proposes, or with --apply carries out,
/// a new placement for everyone provider P holds.
struct ReplaceAanbieder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replace",
        abstract: "List everyone a provider holds with a proposed new placement (--dry-run, the default), or carry it out (--apply).",
        discussion: """
            The proposal follows the placement rules without that provider: another provider of the \
            perceel with a valid keurmerk and a free seat, or the waiting list; nobody is left out. \
            --apply ends each placement as overgeplaatst (the provider is told by webhook) and makes \
            the new one, each step recorded with the reason and your token.
            """)

    @Option(help: "The provider whose people are re-placed (its register id).") var aanbieder: String
    @Flag(help: "Only show the proposal (the default).") var dryRun = false
    @Flag(help: "Carry the proposal out.") var apply = false
    @Option(help: "Why, with --apply (e.g. 'Blik op Werk keurmerk ingetrokken').") var reden: String?
    @OptionGroup var api: ServiceAPI
    @Flag(help: "Print the service's answer as JSON.") var json = false

    func validate() throws {
        guard !(dryRun && apply) else { throw ValidationError("give --dry-run or --apply, not both") }
        guard !apply || !(reden ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--apply needs --reden") }
    }

    func run() async throws {
        let path = "/api/v1/aanbieders/\(aanbieder)/herplaatsing"
        let (status, answer) = apply
            ? try await api.send(.POST, path, to: .enrolment, json: try JSONEncoder().encode(["reden": reden ?? ""]))
            : try await api.send(.GET, path, to: .enrolment)
        guard status == 200 else {
            throw CtlFailure("enrolment answered \(status): \(ServiceAPI.problem(in: answer)?.detail ?? "no detail")")
        }
        if json {
            print(String(decoding: answer, as: UTF8.self))
            return
        }
        let rows = try JSONDecoder().decode([Row].self, from: answer)
        print(apply ? "re-placed \(rows.count) placement(s) away from \(aanbieder):" : "proposal for \(rows.count) placement(s) away from \(aanbieder) (nothing changed; --apply carries it out):")
        let table = [["PLAATSING", "GEMEENTE", "WORDT", "AANBIEDER", "INSTROOM", "REDEN"]] + rows.map { row in
            [row.nieuwePlaatsingId ?? row.plaatsingId, row.gemeente, row.status, row.aanbiederId ?? "-", row.instroommoment ?? "-", row.reden]
        }
        print(Table.render(table))
    }

    private struct Row: Decodable {
        var plaatsingId: String
        var nieuwePlaatsingId: String?
        var gemeente: String
        var status: String
        var aanbiederId: String?
        var instroommoment: String?
        var reden: String
    }
}
