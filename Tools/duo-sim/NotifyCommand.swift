import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `inburgering-duo-sim notify`: sends a municipality a notification as DUO does.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "Send a notification (Notificatie API 1.8) to a municipality's endpoint, as DUO does.")

    @Option(help: "The endpoint, e.g. http://127.0.0.1:8081/duo/v1/notificaties.") var to: String
    @Option(help: "DUO's OIN (bron).") var bron = "00000001800866472000"
    @Option(help: "The municipality's OIN (doel).") var doel = "00000001001234567000"
    @Option(help: "The event code, e.g. SS139.") var gebeurtenis: String
    @Option(help: "The person's BSN.") var bsn: String?
    @Option(help: "The berichtId (default: a new UUID).") var berichtId = UUID().uuidString.lowercased()

    func run() async throws {
        guard let url = URL(string: to) else { throw SimFailure("--to is not a URL") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(bron, forHTTPHeaderField: "bron")
        request.setValue(doel, forHTTPHeaderField: "doel")
        request.setValue(berichtId, forHTTPHeaderField: "berichtId")
        var body: [String: String] = ["registratieDatumTijd": ISO8601DateFormatter().string(from: Date()), "gebeurtenisId": gebeurtenis]
        body["bsn"] = bsn
        request.httpBody = try JSONEncoder().encode(body)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        print("\(status) \(String(decoding: data, as: UTF8.self))")
        guard status == 201 else { throw ExitCode(1) }
    }
}
