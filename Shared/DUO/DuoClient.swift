import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Asks DUO what a notification points at, over DUO's machine-to-machine interface: mutual
/// TLS with the region's certificate, the headers `bron`, `doel` and `berichtId` on every
/// call, retries with backoff on 5xx and unreachability, and a timeout per call.
public final class DuoClient: Sendable {
    private let configuration: DuoClientConfiguration
    private let http: HTTPClient

    public init(configuration: DuoClientConfiguration) throws(DuoClientError) {
        self.configuration = configuration
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let certificateFile = configuration.certificateFile, let keyFile = configuration.keyFile {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem))
            }
            if let caFile = configuration.caFile {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
        } catch {
            throw DuoClientError(.configuration, "the DUO certificate, key or CA file cannot be read: \(type(of: error))")
        }
        var httpConfiguration = HTTPClient.Configuration(tlsConfiguration: tls)
        let seconds = Int64(configuration.timeout.components.seconds)
        httpConfiguration.timeout = .init(connect: .seconds(min(seconds, 5)), read: .seconds(seconds))
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    /// Stops the client's connections; call once, when the service stops.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// Whether the person is inburgeringsplichtig, asked on behalf of the municipality with OIN `bron`.
    public func inburgeringsplicht(bsn: String, bron: String) async throws(DuoClientError) -> DuoInburgeringsplicht {
        try await get("/personen/\(bsn)/inburgeringsplicht", what: "inburgeringsplicht", bron: bron)
    }

    public func doelgroep(bsn: String, bron: String) async throws(DuoClientError) -> DuoDoelgroep {
        try await get("/personen/\(bsn)/doelgroep", what: "doelgroep", bron: bron)
    }

    public func lbtResultaten(bsn: String, bron: String) async throws(DuoClientError) -> [DuoLbtResultaat] {
        try await get("/personen/\(bsn)/lbt/resultaten", what: "lbt/resultaten", bron: bron)
    }

    public func inburgeringstermijn(bsn: String, bron: String) async throws(DuoClientError) -> DuoInburgeringstermijn {
        try await get("/personen/\(bsn)/inburgeringstermijn", what: "inburgeringstermijn", bron: bron)
    }

    /// DUO's list of institutions that may give an Inburgeringsaanbod, with their keurmerken.
    public func instellingen(bron: String) async throws(DuoClientError) -> [DuoInstelling] {
        try await get("/instellingen", what: "instellingen", bron: bron)
    }

    /// Reports a PIP (a new or changed version) to DUO; DUO's refusal is an answer, not an error.
    public func meldPip(_ melding: DuoPipMelding, bsn: String, bron: String) async throws(DuoClientError) -> DuoMeldingAntwoord {
        try await self.melding(.POST, "/personen/\(bsn)/PIP", body: melding, success: 201, what: "PIP melding", api: "de PIP-API", bron: bron)
    }

    /// Tells DUO which institution gives the person their course (one offer per institution;
    /// a new one replaces it).
    public func meldInburgeringsaanbod(
        _ aanbod: DuoInburgeringsaanbod, bsn: String, instellingsnummer: String, bron: String
    ) async throws(DuoClientError) -> DuoMeldingAntwoord {
        try await melding(
            .POST, "/personen/\(bsn)/Inburgeringsaanbod/\(instellingsnummer)", body: aanbod, success: 201, what: "Inburgeringsaanbod melding",
            api: "de Inburgeringsaanbod-API", bron: bron)
    }

    /// Withdraws the person's Inburgeringsaanbod at the institution.
    public func trekInburgeringsaanbodIn(bsn: String, instellingsnummer: String, bron: String) async throws(DuoClientError) -> DuoMeldingAntwoord {
        try await melding(
            .DELETE, "/personen/\(bsn)/Inburgeringsaanbod/\(instellingsnummer)", body: Optional<DuoInburgeringsaanbod>.none, success: 204,
            what: "Inburgeringsaanbod intrekking", api: "de Inburgeringsaanbod-API", bron: bron)
    }

    /// Registers the person's hours of participation and language lessons with DUO: the
    /// cumulative total, which replaces the one DUO holds.
    public func meldUrenParticipatietaalles(_ uren: Int, bsn: String, bron: String) async throws(DuoClientError) -> DuoMeldingAntwoord {
        try await melding(
            .PUT, "/personen/\(bsn)/uren/participatietaalles", body: ["uren": uren], success: 200, what: "uren melding", api: "de Uren-API", bron: bron)
    }

    /// One melding: `success` is registered, 403 is DUO's refusal with its `fouttekst`s; 400,
    /// 401 and 404 are errors with DUO's words where it sent them (its APIs often send none).
    private func melding<Body: Encodable>(
        _ method: HTTPMethod, _ path: String, body: Body?, success: UInt, what: String, api: String, bron: String
    ) async throws(DuoClientError) -> DuoMeldingAntwoord {
        var bytes: [UInt8]?
        if let body {
            do { bytes = Array(try JSONEncoder().encode(body)) } catch { throw DuoClientError(.unexpected, "the \(what) cannot be encoded") }
        }
        let (status, answer) = try await send(method, path, body: bytes, what: what, bron: bron)
        switch status.code {
        case success:
            return .geregistreerd
        case 403:
            let fouten = Self.fout(in: answer)
            return .geweigerd(fouten.isEmpty ? ["DUO weigerde de melding (403) zonder fouttekst"] : fouten)
        case 400:
            throw DuoClientError(
                .badRequest, "DUO found the \(what) malformed (400)", fouttekst: Self.fout(in: answer).first ?? "DUO vond de melding niet volgens \(api) (400).",
                status: 400)
        case 404:
            throw DuoClientError(
                .notFound, "DUO knows no such person for the \(what) (404)",
                fouttekst: Self.fout(in: answer).first ?? "DUO kent geen inburgeringsplichtige met dit BSN (404).", status: 404)
        case 401:
            throw DuoClientError(.refused, "DUO refused the region's certificate or OIN for the \(what) (401)", status: 401)
        default:
            throw DuoClientError(.unexpected, "DUO answered \(status.code) to the \(what)", status: Int(status.code))
        }
    }

    /// DUO's `fouttekst`s in an error body: one `{"fouttekst": …}` or an array of them; none
    /// for an empty body (DUO's PIP API sends none with 400 and 404).
    static func fout(in body: ByteBuffer) -> [String] {
        struct Fout: Decodable { var fouttekst: String }
        let data = Data(body.readableBytesView)
        if let one = try? JSONDecoder().decode(Fout.self, from: data) { return [one.fouttekst] }
        return (try? JSONDecoder().decode([Fout].self, from: data))?.map(\.fouttekst) ?? []
    }

    /// One question, tried up to `maxAttempts` times; `what` names it in errors (no BSN).
    private func get<Answer: Decodable>(_ path: String, what: String, bron: String) async throws(DuoClientError) -> Answer {
        let (status, body) = try await send(.GET, path, body: nil, what: what, bron: bron)
        switch status.code {
        case 200:
            do {
                return try JSONDecoder().decode(Answer.self, from: Data(body.readableBytesView))
            } catch {
                throw DuoClientError(.unexpected, "DUO's answer to \(what) is not as its API describes")
            }
        case 404:
            throw DuoClientError(.notFound, "DUO knows no \(what) for this person (404)")
        case 401, 403:
            throw DuoClientError(.refused, "DUO refused the question for \(what) (\(status.code))")
        default:
            throw DuoClientError(.unexpected, "DUO answered \(status.code) to the question for \(what)")
        }
    }

    /// One call with DUO's headers, tried up to `maxAttempts` times while DUO answers 5xx or
    /// cannot be reached; any other answer is returned.
    private func send(
        _ method: HTTPMethod, _ path: String, body: [UInt8]?, what: String, bron: String
    ) async throws(DuoClientError) -> (HTTPResponseStatus, ByteBuffer) {
        var backoff = configuration.firstBackoff
        var attempt = 1
        while true {
            var request = HTTPClientRequest(url: configuration.baseURL + path)
            request.method = method
            request.headers.add(name: "bron", value: bron)
            request.headers.add(name: "doel", value: configuration.duoOIN)
            request.headers.add(name: "berichtId", value: UUID().uuidString.lowercased())
            request.headers.add(name: "Accept", value: "application/json")
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            do {
                let response = try await http.execute(request, timeout: .seconds(Int64(configuration.timeout.components.seconds)))
                let answer = try await response.body.collect(upTo: 4 << 20)
                if response.status.code < 500 { return (response.status, answer) }
            } catch {
                // Unreachable, or a timeout: tried again below.
            }
            guard attempt < configuration.maxAttempts else {
                throw DuoClientError(.unavailable, "DUO did not answer the \(what) call after \(attempt) attempts")
            }
            try? await Task.sleep(for: backoff)
            backoff *= 2
            attempt += 1
        }
    }
}
