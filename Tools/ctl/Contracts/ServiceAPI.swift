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
    @Option(help: ArgumentHelp("contract-monitor's base URL (default: $CONTRACT_MONITOR_URL, else http://127.0.0.1:8084).", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp(
        "A file holding the bearer token (an operator's or a contractmanager's); default: $INBURGERING_TOKEN. Never on the command line, where ps shows it.",
        valueName: "path"))
    var tokenFile: String?

    /// The base URL without a trailing slash.
    func baseURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var base = url ?? environment["CONTRACT_MONITOR_URL"] ?? "http://127.0.0.1:8084"
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
            throw CtlFailure("no token: pass --token-file or set INBURGERING_TOKEN (an operator's or a contractmanager's token of contract-monitor)")
        }
        return token
    }

    /// Sends one request with a JSON body and returns the status and body; a service that
    /// cannot be reached is a one-line failure.
    func send(_ method: HTTPMethod, _ path: String, json body: Data? = nil) async throws -> (status: Int, body: Data) {
        var request = HTTPClientRequest(url: baseURL() + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(try token())")
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
            let answer = try await response.body.collect(upTo: 64 << 20)
            return (Int(response.status.code), Data(answer.readableBytesView))
        } catch {
            throw CtlFailure("cannot reach \(baseURL()): \(error); is contract-monitor running? (--url)")
        }
    }

    /// The service's problem+json answer, or nil when the body is not one.
    static func problem(in body: Data) -> ProblemDetails? {
        try? JSONDecoder().decode(ProblemDetails.self, from: body)
    }
}
