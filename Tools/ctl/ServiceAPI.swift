import ArgumentParser
import AsyncHTTPClient
import Foundation
import Models
import NIOCore
import NIOHTTP1
import ServiceKit

/// Where a command reaches a service's API, and with which token: the CLI never opens the
/// service's database behind its back for what the API offers.
struct ServiceAPI: ParsableArguments {
    /// A service the CLI talks to, and where it listens by default.
    struct Target {
        let name: String
        let environmentVariable: String
        let defaultPort: Int

        static let contractMonitor = Target(name: "contract-monitor", environmentVariable: "CONTRACT_MONITOR_URL", defaultPort: 8084)
        static let enrolment = Target(name: "enrolment", environmentVariable: "ENROLMENT_URL", defaultPort: 8083)
    }

    @Option(help: ArgumentHelp(
        "The service's base URL (default: $CONTRACT_MONITOR_URL or $ENROLMENT_URL, else http://127.0.0.1:8084 or :8083).", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp(
        "A file holding the bearer token (an operator's or a contractmanager's); default: $INBURGERING_TOKEN. Never on the command line, where ps shows it.",
        valueName: "path"))
    var tokenFile: String?

    /// The base URL of `target` without a trailing slash.
    func baseURL(_ target: Target, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var base = url ?? environment[target.environmentVariable] ?? "http://127.0.0.1:\(target.defaultPort)"
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The token, from the file or the environment; a one-line failure when there is none.
    func token(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else { throw CtlFailure("cannot read the token file \(tokenFile)") }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw CtlFailure("the token file \(tokenFile) is empty") }
            return token
        }
        guard let token = environment["INBURGERING_TOKEN"], !token.isEmpty else {
            throw CtlFailure("no token: pass --token-file or set INBURGERING_TOKEN (an operator's or a contractmanager's token of the service)")
        }
        return token
    }

    /// Sends one request with a JSON body and returns the status and body; a service that
    /// cannot be reached is a one-line failure.
    func send(_ method: HTTPMethod, _ path: String, to target: Target, json body: Data? = nil) async throws -> (status: Int, body: Data) {
        try await send(method, path, to: target, body: body, contentType: "application/json")
    }

    /// Sends one request with a body of `contentType`.
    func send(_ method: HTTPMethod, _ path: String, to target: Target, body: Data?, contentType: String) async throws -> (status: Int, body: Data) {
        var request = HTTPClientRequest(url: baseURL(target) + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(try token())")
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
            let answer = try await response.body.collect(upTo: 64 << 20)
            return (Int(response.status.code), Data(answer.readableBytesView))
        } catch {
            throw CtlFailure("cannot reach \(baseURL(target)): \(error); is \(target.name) running? (--url)")
        }
    }

    /// The service's problem+json answer, or nil when the body is not one.
    static func problem(in body: Data) -> ProblemDetails? {
        try? JSONDecoder().decode(ProblemDetails.self, from: body)
    }
}
