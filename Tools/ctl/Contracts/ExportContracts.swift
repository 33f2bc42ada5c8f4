import ArgumentParser
import Foundation
import NIOHTTP1
import Models
import ServiceKit
import Yams

/// `inburgeringctl contracts export`: writes the register in the format `import` reads.
struct ExportContracts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole register as YAML, in the format `contracts import` reads.")

    @OptionGroup var api: ServiceAPI
    @Option(name: .shortAndLong, help: "Write to this file (made 0640) instead of standard output.") var output: String?

    func run() async throws {
        let (status, answer) = try await api.send(.GET, "/api/v1/register", to: .contractMonitor)
        guard status == 200 else {
            throw CtlFailure("contract-monitor answered \(status): \(ServiceAPI.problem(in: answer)?.detail ?? "no detail")")
        }
        let register = try ChainJSON.decoder().decode(Register.self, from: answer)
        let yaml = "# The contract register, exported by inburgeringctl contracts export (docs/contracts.md).\n"
            + (try YAMLEncoder().encode(register))
        guard let output else {
            print(yaml, terminator: "")
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(yaml.utf8), attributes: [.posixPermissions: 0o640]) else {
            throw CtlFailure("cannot write \(output)")
        }
        FileHandle.standardError.write(Data("wrote \(output): \(register.aanbieders.count) aanbieders, \(register.percelen.count) percelen, \(register.contracten.count) contracten\n".utf8))
    }
}
