import ArgumentParser
import DUO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import Synchronization

/// `inburgering-duo-sim serve`: answers DUO's raadplegingen from a seed file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer DUO's raadplegingen (GET /v1/personen/{bsn}/…, GET /v1/instellingen) from a seed file, and take PIP, Inburgeringsaanbod and uren meldingen with DUO's rules.",
        discussion: """
            The simulator's own window, outside DUO's interface, for tests and the demo: \
            GET /_sim/personen/{bsn}/PIP-meldingen, …/Inburgeringsaanbod and …/uren show what it registered; \
            PUT /_sim/instellingen/{instellingsnummer} with one institution as DUO lists it \
            changes or adds it (a keurmerk granted or withdrawn).
            """)

    @Option(help: "The seed file: what DUO knows of each person, by BSN.") var seed: String
    @Option(help: "The port (0 picks a free one; the first line printed says which).") var port = 0
    @Option(help: "Answer 503 to this many requests first, as DUO does in maintenance.") var failFirst = 0
    @Option(help: "Serve HTTPS with this certificate (PEM), as DUO does over Digikoppeling.") var tlsCertificate: String?
    @Option(help: "The certificate's key (PEM).") var tlsKey: String?
    @Option(help: "Require a client certificate signed by this CA (PEM): mutual TLS.") var clientCA: String?

    func validate() throws {
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("--tls-certificate and --tls-key go together") }
        guard clientCA == nil || tlsCertificate != nil else { throw ValidationError("--client-ca needs --tls-certificate and --tls-key") }
    }

    /// HTTP, or HTTPS that requires a client certificate when `clientCA` is given.
    private func server() throws -> HTTPServerBuilder {
        guard let tlsCertificate, let tlsKey else { return .http1() }
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(tlsCertificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: tlsKey, format: .pem)))
        if let clientCA {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(clientCA))
            tls.certificateVerification = .noHostnameVerification
        }
        return try .tls(.http1(), tlsConfiguration: tls)
    }

    func run() async throws {
        let seed = try DuoSeed.load(seed)
        let failures = FailureBudget(failFirst)
        let router = Router()
        router.middlewares.add(DuoHeadersMiddleware(failuresLeft: failures))
        let personen = router.group("/v1/personen/{bsn}")
        personen.get("inburgeringsplicht") { _, context in try answer(seed, context) { $0.inburgeringsplicht } }
        personen.get("doelgroep") { _, context in try answer(seed, context) { $0.doelgroep } }
        personen.get("lbt/resultaten") { _, context in try answer(seed, context) { $0.lbtResultaten } }
        personen.get("inburgeringstermijn") { _, context in try answer(seed, context) { $0.inburgeringstermijn } }
        let instellingen = Instellingen(seed.instellingen)
        router.get("/v1/instellingen") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json", .apiVersion: "1.0.0"],
                body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(instellingen.all))))
        }
        router.put("/_sim/instellingen/{instellingsnummer}") { request, context in
            let body = try await request.body.collect(upTo: 64 << 10)
            guard let instelling = try? JSONDecoder().decode(DuoInstelling.self, from: Data(body.readableBytesView)),
                instelling.instellingsnummer == context.parameters.get("instellingsnummer")
            else { return Response(status: .badRequest) }
            instellingen.put(instelling)
            return Response(status: .noContent)
        }
        let registered = RegisteredPips()
        personen.post("PIP") { request, context in
            let bsn = try context.parameters.require("bsn")
            let body = try await request.body.collect(upTo: 64 << 10)
            guard let melding = try? JSONDecoder().decode(PipMelding.self, from: Data(body.readableBytesView)), melding.isWellFormed else {
                return Response(status: .badRequest, headers: [.apiVersion: "1.2.0"])
            }
            // DUO's PIP API answers 400 and 404 without a body (docs/duo-interface-notes.md §3).
            guard seed.personen[bsn] != nil else { return Response(status: .notFound, headers: [.apiVersion: "1.2.0"]) }
            let broken = registered.register(melding, bsn: bsn, persoon: seed.personen[bsn])
            guard broken.isEmpty else {
                let fouten = broken.map { ["fouttekst": $0] }
                return Response(
                    status: .forbidden, headers: [.contentType: "application/json", .apiVersion: "1.2.0"],
                    body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(fouten))))
            }
            return Response(status: .created, headers: [.apiVersion: "1.2.0"])
        }
        installInburgeringsaanbod(on: router, seed: seed, pips: registered, instellingen: instellingen, aanbiedingen: Inburgeringsaanbiedingen())
        installUren(on: router, seed: seed, uren: Uren())
        // The simulator's own window, not DUO's interface: what it registered, for tests and the demo.
        router.get("/_sim/personen/{bsn}/PIP-meldingen") { _, context in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(registered.registered(bsn: try context.parameters.require("bsn"))))))
        }
        let scheme = tlsCertificate == nil ? "http" : "https"
        let app = Application(
            router: router, server: try server(),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "inburgering-duo-sim"),
            onServerRunning: { channel in
                // Unbuffered: a test or script waits for this line.
                FileHandle.standardOutput.write(Data("listening on \(scheme)://127.0.0.1:\(channel.localAddress?.port ?? 0)/v1\n".utf8))
            })
        try await app.runService()
    }

    private func answer<Answer: Encodable>(_ seed: DuoSeed, _ context: BasicRequestContext, _ pick: (DuoSeed.Persoon) -> Answer?) throws -> Response {
        let bsn = try context.parameters.require("bsn")
        guard let persoon = seed.personen[bsn], let answer = pick(persoon) else { return Response(status: .notFound, headers: [.apiVersion: "1.0.0"]) }
        return Response(
            status: .ok, headers: [.contentType: "application/json", .apiVersion: "1.0.0"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(answer))))
    }
}

/// DUO's rules for every call: `bron` and `doel` of 20 characters and a `berichtId`; and,
/// while `failuresLeft` lasts, 503 as in DUO's maintenance windows.
struct DuoHeadersMiddleware: RouterMiddleware {
    let failuresLeft: FailureBudget

    func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/_sim/") { return try await next(request, context) }
        let failing = failuresLeft.take()
        if failing { return duoFout(.serviceUnavailable, "gepland onderhoud") }
        for name in ["bron", "doel"] where request.headers[HTTPField.Name(name)!]?.count != 20 {
            return duoFout(.badRequest, "\(name) ontbreekt of is geen OIN van 20 tekens")
        }
        guard request.headers[HTTPField.Name("berichtId")!].flatMap(UUID.init(uuidString:)) != nil else {
            return duoFout(.badRequest, "berichtId ontbreekt of is geen UUID")
        }
        return try await next(request, context)
    }
}

/// DUO's error answer: `{"fouttekst": "…"}` with `status`.
func duoFout(_ status: HTTPResponse.Status, _ tekst: String) -> Response {
    Response(
        status: status, headers: [.contentType: "application/json", .apiVersion: "1.0.0"],
        body: .init(byteBuffer: ByteBuffer(string: #"{"fouttekst":"\#(tekst)"}"#)))
}

/// How many more requests get 503.
final class FailureBudget: Sendable {
    private let left: Mutex<Int>

    init(_ count: Int) { left = Mutex(count) }

    /// Whether this request is one to fail.
    func take() -> Bool {
        left.withLock { left in
            defer { left = max(0, left - 1) }
            return left > 0
        }
    }
}

extension HTTPField.Name {
    static var apiVersion: Self { Self("API-Version")! }
}
