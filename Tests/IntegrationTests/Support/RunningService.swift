import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One of the five services running as a real process on a free port in a temp state directory.
final class RunningService: Sendable {
    let child: ChildProcess
    let port: Int
    let name: String

    init(_ name: String, stateDirectory: String, in directory: String, extraArguments: [String] = []) async throws {
        self.name = name
        child = try ChildProcess(
            Binaries.path("inburgering-\(name)"),
            ["--http-port", "0", "--state-dir", stateDirectory, "--region", "test"] + extraArguments, in: directory)
        let line = try await child.waitForLogLine(containing: "listening on http://")
        guard let range = line.range(of: #"http\.port=\d+"#, options: .regularExpression),
            let port = Int(line[range].dropFirst("http.port=".count))
        else { throw ChildProcessError("no port in '\(line)'") }
        self.port = port
    }

    /// Sends a request and returns status, headers and body.
    func request(_ path: String) async throws -> (status: Int, headers: [String: String], body: String) {
        try await request("GET", path)
    }

    /// Sends a request and returns status, headers and body.
    func request(_ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:]) async throws
        -> (status: Int, headers: [String: String], body: String)
    {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        let fields = Dictionary(uniqueKeysWithValues: http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") })
        return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
    }
}

extension RunningService {
    /// GETs `path` until it answers a non-empty JSON array, for at most `timeout`; returns the
    /// last answer's items.
    func awaitItems(_ path: String, headers: [String: String], timeout: Duration = .seconds(15)) async throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let answer = try await request("GET", path, headers: headers)
            let items = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [[String: Any]]) ?? []
            if !items.isEmpty || ContinuousClock.now > deadline { return items }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
