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

    /// One question, tried up to `maxAttempts` times; `what` names it in errors (no BSN).
    private func get<Answer: Decodable>(_ path: String, what: String, bron: String) async throws(DuoClientError) -> Answer {
        var backoff = configuration.firstBackoff
        var attempt = 1
        while true {
            var request = HTTPClientRequest(url: configuration.baseURL + path)
            request.headers.add(name: "bron", value: bron)
            request.headers.add(name: "doel", value: configuration.duoOIN)
            request.headers.add(name: "berichtId", value: UUID().uuidString.lowercased())
            request.headers.add(name: "Accept", value: "application/json")
            let outcome: Result<(HTTPResponseStatus, ByteBuffer), any Error>
            do {
                let response = try await http.execute(request, timeout: .seconds(Int64(configuration.timeout.components.seconds)))
                outcome = .success((response.status, try await response.body.collect(upTo: 4 << 20)))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success((let status, let body)) where status == .ok:
                do {
                    return try JSONDecoder().decode(Answer.self, from: Data(body.readableBytesView))
                } catch {
                    throw DuoClientError(.unexpected, "DUO's answer to \(what) is not as its API describes")
                }
            case .success((let status, _)) where status == .notFound:
                throw DuoClientError(.notFound, "DUO knows no \(what) for this person (404)")
            case .success((let status, _)) where status == .forbidden || status == .unauthorized:
                throw DuoClientError(.refused, "DUO refused the question for \(what) (\(status.code))")
            case .success((let status, _)) where status.code < 500:
                throw DuoClientError(.unexpected, "DUO answered \(status.code) to the question for \(what)")
            default:
                guard attempt < configuration.maxAttempts else {
                    throw DuoClientError(.unavailable, "DUO did not answer the question for \(what) after \(attempt) attempts")
                }
                try? await Task.sleep(for: backoff)
                backoff *= 2
                attempt += 1
            }
        }
    }
}
