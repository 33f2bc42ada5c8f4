import ArgumentParser
import Foundation
import Models
import NIOHTTP1
import ServiceKit

/// `inburgeringctl enrolment import-csv FILE --aanbieder P`: a provider's reports as one file.
struct ImportReports: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-csv",
        abstract: "Send a provider's reports (CSV, docs/enrolment.md) to enrolment: with one bad row nothing is taken.",
        discussion: "Each problem is printed as FILE:LINE: column: reason, and the command exits 1. The same report twice changes nothing.")

    @Argument(help: "The CSV file (UTF-8, a header row, ; or ,).") var file: String
    @Option(help: "The provider whose reports they are (its register id).") var aanbieder: String
    @OptionGroup var api: ServiceAPI

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CtlFailure("cannot read \(file)") }
        let (status, answer) = try await api.send(
            .POST, "/api/v1/aanbieders/\(aanbieder)/rapportages", to: .enrolment, body: data, contentType: "text/csv; charset=utf-8")
        guard status == 200 else {
            guard let problem = ServiceAPI.problem(in: answer) else { throw CtlFailure("enrolment answered \(status)") }
            let fields = problem.invalidParams ?? []
            guard !fields.isEmpty else { throw CtlFailure("\(file): \(problem.detail)") }
            for field in fields {
                // `regels[7].uren_gevolgd` is line 7, column uren_gevolgd.
                let parts = field.name.split(separator: ".", maxSplits: 1)
                let line = parts.first.flatMap { Int($0.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }) }.map { ":\($0)" } ?? ""
                let column = parts.count > 1 ? "\(parts[1]): " : ""
                FileHandle.standardError.write(Data("\(file)\(line): \(column)\(field.reason)\n".utf8))
            }
            throw CtlFailure("\(file): \(fields.count) problem(s); nothing was taken")
        }
        let result = try JSONDecoder().decode([String: Int].self, from: answer)
        print("sent \(file) for \(aanbieder): \(result["verwerkt"] ?? 0) new or corrected, \(result["ongewijzigd"] ?? 0) the same as before")
    }
}
