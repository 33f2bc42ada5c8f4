import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Models
import ServiceKit

/// `inburgering-demo feed`: the demo's credentials, then COA's koppelingen and DUO's
/// notifications for the generated people, sent to the running intake service.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Make the demo's credentials (once) and send COA's koppelingen and DUO's notifications for the generated people.")

    @Option(help: "The demo region's state directory.") var stateDir = "./var/demo"
    @Option(help: "The intake service's address.") var intake = "http://127.0.0.1:8081"
    @Option(help: "How many people (1 to 500; as for duo-seed).") var count = 36
    @Option(help: "The municipality's OIN DUO addresses (doel; intake's duo.doel-oins).") var doel = "00000001001234567000"
    @Option(help: "DUO's OIN (bron; intake's duo.oin).") var bron = "00000001800866472000"
    @Option(help: "The provider simulator's address: enrolment sends the demo providers' webhooks there.") var providers: String?

    func validate() throws {
        guard (1...500).contains(count) else { throw ValidationError("--count must be 1 to 500") }
        guard URL(string: intake)?.host != nil else { throw ValidationError("--intake must be an address such as http://127.0.0.1:8081") }
    }

    func run() async throws {
        let gemeenten = ServiceConfiguration.demoGemeenten
        let credentials = try DemoCredentials.loadOrCreate(stateDirectory: stateDir, gemeenten: gemeenten, providers: providers)
        guard let secretText = credentials["COA_WEBHOOK_SECRET"], let secret = try? WebhookSecret(secretText) else {
            throw DemoFailure("\(stateDir)/credentials.env has no valid COA_WEBHOOK_SECRET; delete \(stateDir) to start again")
        }
        let people = DemoPerson.generate(count: count, gemeenten: gemeenten, today: LocalDate(Date()))
        for person in people {
            try await sendKoppeling(person, secret: secret)
        }
        var notifications = 0
        for person in people {
            // SS139 (the PIP clock) for every other person; SS137 (leerbaarheidstoets) where DUO has a score.
            for code in ["SS139", "SS137"] where (code == "SS139" && person.index % 2 == 0) || (code == "SS137" && person.lbtScore != nil) {
                try await sendNotification(code, for: person)
                notifications += 1
            }
        }
        print("sent \(people.count) koppelingen and \(notifications) DUO notifications to \(intake) (each once: feeding again sends nothing new)")
    }

    /// A signed COA webhook; its id is fixed per person, so intake takes it once.
    private func sendKoppeling(_ person: DemoPerson, secret: WebhookSecret) async throws {
        let data: [String: Any] = [
            "koppelingId": "DEMO-\(person.index + 1)",
            "persoon": [
                "bsn": person.bsn, "vNummer": String(8_800_000_000 + person.index), "naam": person.naam,
                "geboortedatum": person.geboortedatum.description, "nationaliteit": ["SYR", "ERI", "AFG", "YEM"][person.index % 4], "talen": ["ar"],
            ],
            "gezinsleden": [],
            "gemeente": person.gemeente.rawValue, "koppeldatum": person.koppeldatum.description, "azc": "AZC Zwolle",
        ]
        let body = try JSONSerialization.data(withJSONObject: [
            "type": "coa.koppeling.aangemaakt", "timestamp": ISO8601DateFormatter().string(from: Date()), "data": data,
        ], options: [.sortedKeys])
        let id = "msg_demo_\(person.bsn)"
        let timestamp = Int64(Date().timeIntervalSince1970)
        try await post("/api/v1/webhooks/coa", body: body, expecting: 202, headers: [
            "Content-Type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp),
            "webhook-signature": StandardWebhooks.sign(id: id, timestamp: timestamp, body: Array(body), secret: secret),
        ])
    }

    /// A DUO notification as DUO's Notificatie API sends it; its berichtId is fixed per person
    /// and code, so intake takes it once.
    private func sendNotification(_ code: String, for person: DemoPerson) async throws {
        let body = try JSONSerialization.data(withJSONObject: [
            "gebeurtenisId": code, "bsn": person.bsn, "registratieDatumTijd": ISO8601DateFormatter().string(from: Date()),
        ], options: [.sortedKeys])
        try await post("/duo/v1/notificaties", body: body, expecting: 201, headers: [
            "Content-Type": "application/json", "bron": bron, "doel": doel,
            "berichtId": "00000000-0000-4000-8000-\(code.dropFirst(2))\(person.bsn)",
        ])
    }

    private func post(_ path: String, body: Data, expecting status: Int, headers: [String: String]) async throws {
        var request = URLRequest(url: URL(string: intake + path)!)
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let answer = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard answer == status else {
            throw DemoFailure("POST \(path) answered \(answer), not \(status): \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
    }
}
