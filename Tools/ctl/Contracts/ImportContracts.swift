import ArgumentParser
import Foundation
import NIOHTTP1
import Models
import ServiceKit

/// `inburgeringctl contracts import FILE`: loads a register file as one change.
struct ImportContracts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a register file (YAML): new and changed entries get their next version; with one error nothing is changed.",
        discussion: """
            Each error is printed as FILE:LINE: field: reason, and the command exits 1 having \
            changed nothing. Entries in the register but not in the file stay as they are.
            """)

    @Argument(help: "The register file (YAML).") var file: String
    @OptionGroup var api: ServiceAPI
    @Option(help: "Why, for every version the import makes (default: 'import of FILE').") var reden: String?
    @Flag(help: "Print the service's answer as JSON.") var json = false

    func run() async throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CtlFailure("cannot read \(file)") }
        let document = try RegisterYAML(text, file: file)
        let body: JSONValue = .object([
            "reden": .string(reden ?? "import of \(URL(fileURLWithPath: file).lastPathComponent)"), "register": try document.json(),
        ])
        let (status, answer) = try await api.send(.PUT, "/api/v1/register", to: .contractMonitor, json: try JSONEncoder().encode(body))
        guard status == 200 else {
            guard let problem = ServiceAPI.problem(in: answer) else { throw CtlFailure("contract-monitor answered \(status)") }
            let fields = problem.invalidParams ?? []
            guard !fields.isEmpty else { throw CtlFailure("\(file): \(problem.detail)") }
            for field in fields {
                let line = document.line(of: field.name).map { ":\($0)" } ?? ""
                printError("\(file)\(line): \(field.name.replacing(/^register\.?/, with: "")): \(field.reason)")
            }
            throw CtlFailure("\(file): \(fields.count) error(s); nothing was imported")
        }
        if json {
            print(String(decoding: answer, as: UTF8.self))
            return
        }
        let result = try JSONDecoder().decode(Outcome.self, from: answer)
        print("imported \(file): \(result.aangemaakt.count) new, \(result.gewijzigd.count) changed, \(result.ongewijzigd.count) unchanged")
        for entry in result.aangemaakt { print("  new      \(entry.soort) \(entry.id) (versie 1)") }
        for entry in result.gewijzigd { print("  changed  \(entry.soort) \(entry.id) (versie \(entry.versie ?? 0))") }
        for entry in result.nietInBestand { print("  kept     \(entry.soort) \(entry.id) (in the register, not in the file)") }
    }

    private struct Outcome: Decodable {
        struct Entry: Decodable {
            var soort: String
            var id: String
            var versie: Int?
        }

        var aangemaakt: [Entry]
        var gewijzigd: [Entry]
        var ongewijzigd: [Entry]
        var nietInBestand: [Entry]
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
