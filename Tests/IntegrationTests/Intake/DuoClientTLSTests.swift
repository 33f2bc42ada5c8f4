import DUO
import Foundation
import TestSupport
import Testing

/// The DUO client presents the region's certificate: against the simulator over HTTPS that
/// requires a client certificate (certificates made for the test with openssl), a client
/// with the certificate is answered and one without is not.
@Suite struct DuoClientTLSTests {
    /// A CA, a server certificate for 127.0.0.1 and a client certificate, signed by the CA.
    static func makeCertificates(in directory: String) async throws {
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test PKIoverheid CA"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"],
            ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2",
             "-extfile", "server.ext"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=Gemeente Test/serialNumber=00000001001234567000"],
            ["x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "client.pem", "-days", "2"],
        ]
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: directory + "/server.ext", atomically: true, encoding: .utf8)
        for step in steps {
            let result = try await runToEnd("/usr/bin/openssl", step, in: directory)
            #expect(result.status == 0, "openssl \(step.joined(separator: " ")): \(result.error)")
        }
    }

    @Test func theClientCertificateIsPresentedAndRequired() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path
        try await Self.makeCertificates(in: path)
        try DuoProcessingTests.seed.write(toFile: path + "/seed.json", atomically: true, encoding: .utf8)
        let sim = try ChildProcess(Binaries.path("inburgering-duo-sim"), [
            "serve", "--seed", path + "/seed.json", "--tls-certificate", path + "/server.pem", "--tls-key", path + "/server.key",
            "--client-ca", path + "/ca.pem",
        ], in: path)
        defer { sim.signal(SIGKILL) }
        let base = try await DuoProcessingTests.address(of: sim)
        #expect(base.hasPrefix("https://"))

        let withCertificate = try DuoClient(configuration: DuoClientConfiguration(
            baseURL: base, duoOIN: "00000001800866472000", certificateFile: path + "/client.pem", keyFile: path + "/client.key",
            caFile: path + "/ca.pem", maxAttempts: 1))
        let plicht = try await withCertificate.inburgeringsplicht(bsn: "123456782", bron: "00000001001234567000")
        #expect(plicht.indicatorInburgeringsplicht)
        try await withCertificate.shutdown()

        let without = try DuoClient(configuration: DuoClientConfiguration(
            baseURL: base, duoOIN: "00000001800866472000", caFile: path + "/ca.pem", maxAttempts: 1))
        await #expect(throws: DuoClientError.self) { _ = try await without.inburgeringsplicht(bsn: "123456782", bron: "00000001001234567000") }
        try await without.shutdown()

        #expect(throws: DuoClientError.self) {
            _ = try DuoClient(configuration: DuoClientConfiguration(baseURL: base, duoOIN: "x", certificateFile: path + "/missing.pem", keyFile: path + "/client.key"))
        }
    }
}
