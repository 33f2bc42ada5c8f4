import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceKit

/// `inburgering-provider-sim serve`: takes enrolment's signed aanmelding webhooks at
/// `POST /{aanbieder}/webhooks`, confirms each for its instroommoment, and then reports on
/// each person once every simulated month (hours, verzuim, progress, now and then uitval),
/// all by signed webhook, as the providers' developers are told to (docs/enrolment.md).
struct ProviderServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Take enrolment's aanmeldingen for the providers in the secrets file, confirm them, and report month by month.",
        discussion: """
            The secrets file holds a line PROVIDER_SECRET_<ID>=whsec_… per provider (the demo's \
            credentials.env). What it knows lives in memory: after a restart it reports only on \
            aanmeldingen it receives anew.
            """)

    @Option(help: "Enrolment's base URL, where the webhooks go.") var enrolment = "http://127.0.0.1:8083"
    @Option(help: "The port to listen on (0 picks a free one; the first line printed says which).") var port = 0
    @Option(help: "The file with PROVIDER_SECRET_<ID>=whsec_… lines.") var secretsFile: String
    @Option(help: "Seconds a simulated month lasts.") var maandSeconden = 20

    func validate() throws {
        guard (1...3600).contains(maandSeconden) else { throw ValidationError("--maand-seconden must be 1 to 3600") }
    }

    func run() async throws {
        let secrets = try Self.secrets(in: secretsFile)
        guard !secrets.isEmpty else { throw ValidationError("\(secretsFile) has no PROVIDER_SECRET_<ID> lines") }
        let providers = SimulatedProviders(enrolment: enrolment, secrets: secrets)
        let router = Router()
        router.post("{aanbieder}/webhooks") { request, context in
            let aanbieder = try context.parameters.require("aanbieder")
            let body = try await request.body.collect(upTo: 1 << 20)
            let status = await providers.receive(
                aanbieder, body: Array(body.readableBytesView), id: request.headers[.init(StandardWebhooks.idHeader)!],
                timestamp: request.headers[.init(StandardWebhooks.timestampHeader)!], signature: request.headers[.init(StandardWebhooks.signatureHeader)!])
            return Response(status: status)
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "inburgering-provider-sim"),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(channel.localAddress?.port ?? 0)\n".utf8))
            })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(maandSeconden))
                    await providers.reportMonth()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The `PROVIDER_SECRET_<ID>` lines of `path`, by provider id.
    static func secrets(in path: String) throws -> [String: WebhookSecret] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read \(path)") }
        var secrets: [String: WebhookSecret] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("PROVIDER_SECRET_") {
            let parts = line.dropFirst("PROVIDER_SECRET_".count).split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let secret = try? WebhookSecret(String(parts[1])) else { continue }
            secrets[parts[0].lowercased()] = secret
        }
        return secrets
    }
}
