import Foundation
import GRDB
import Models
import ServiceKit

/// The demo's credentials, made once and kept in `<state>/credentials.env` (mode 0600) as
/// shell variables: `COA_WEBHOOK_SECRET`, `OPERATOR_TOKEN` (intake), `CONTRACTMANAGER_TOKEN`
/// (contract-monitor), per municipality `INTAKE_TOKEN_GM0193`, `PIP_TOKEN_GM0193` and
/// `ENROLMENT_TOKEN_GM0193`, and per provider `PROVIDER_SECRET_NLTRAINING` (its partner
/// secret in enrolment, for the provider simulator).
struct DemoCredentials {
    var values: [String: String]

    /// The file's values; when there is no file yet, makes the credentials in the running
    /// services' databases and writes them.
    static func loadOrCreate(stateDirectory: String, gemeenten: [GemeenteCode], providers: String?) throws -> DemoCredentials {
        let path = stateDirectory + "/credentials.env"
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            var values: [String: String] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
            }
            var added: [String: String] = [:]
            // A state directory from before contract-monitor and enrolment had tokens: theirs are added.
            if values["CONTRACTMANAGER_TOKEN"] == nil { added["CONTRACTMANAGER_TOKEN"] = try contractmanagerToken(stateDirectory) }
            for (id, name) in DemoInstellingen.aanbieders where values["PROVIDER_SECRET_\(id.uppercased())"] == nil {
                added["PROVIDER_SECRET_\(id.uppercased())"] = try providerSecret(id, name: name, stateDirectory, providers: providers)
            }
            for gemeente in gemeenten where values["ENROLMENT_TOKEN_\(gemeente.rawValue)"] == nil {
                added["ENROLMENT_TOKEN_\(gemeente.rawValue)"] = try TokenStore(database: try database(stateDirectory, "enrolment"))
                    .create(role: .klantmanager(gemeente), label: "demo klantmanager").secret
            }
            guard !added.isEmpty else { return DemoCredentials(values: values) }
            guard let handle = FileHandle(forWritingAtPath: path) else { throw DemoFailure("cannot write \(path)") }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(added.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined().utf8))
            return DemoCredentials(values: values.merging(added) { $1 })
        }
        let intake = try database(stateDirectory, "intake")
        let pip = try database(stateDirectory, "pip")
        let enrolment = try database(stateDirectory, "enrolment")
        let registry = PartnerRegistry(database: intake)
        if try registry.partner(id: "coa") != nil {
            throw DemoFailure("COA is a partner of this region already, but \(path) is missing: delete \(stateDirectory) to start again")
        }
        var lines = ["# The demo region's credentials, made by inburgering-demo feed. Demo only; keep private.", "# Use: source \(path)"]
        let secret = try registry.add(id: "coa", name: "COA (demo)", eventTypes: ["coa.koppeling.aangemaakt", "coa.koppeling.gewijzigd", "coa.koppeling.ingetrokken"])
        lines.append("COA_WEBHOOK_SECRET=\(secret.encoded)")
        lines.append("OPERATOR_TOKEN=\(try TokenStore(database: intake).create(role: .operator, label: "demo beheerder").secret)")
        lines.append("CONTRACTMANAGER_TOKEN=\(try contractmanagerToken(stateDirectory))")
        for (id, name) in DemoInstellingen.aanbieders {
            lines.append("PROVIDER_SECRET_\(id.uppercased())=\(try providerSecret(id, name: name, stateDirectory, providers: providers))")
        }
        for gemeente in gemeenten {
            lines.append("INTAKE_TOKEN_\(gemeente.rawValue)=\(try TokenStore(database: intake).create(role: .klantmanager(gemeente), label: "demo klantmanager").secret)")
            lines.append("PIP_TOKEN_\(gemeente.rawValue)=\(try TokenStore(database: pip).create(role: .klantmanager(gemeente), label: "demo klantmanager").secret)")
            lines.append(
                "ENROLMENT_TOKEN_\(gemeente.rawValue)=\(try TokenStore(database: enrolment).create(role: .klantmanager(gemeente), label: "demo klantmanager").secret)")
        }
        let text = lines.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw DemoFailure("cannot write \(path)")
        }
        return try loadOrCreate(stateDirectory: stateDirectory, gemeenten: gemeenten, providers: providers)
    }

    /// A new contractmanager token of contract-monitor, for the demo's register.
    private static func contractmanagerToken(_ stateDirectory: String) throws -> String {
        try TokenStore(database: try database(stateDirectory, "contract-monitor")).create(role: .contractmanager, label: "demo contractmanager").secret
    }

    /// The provider as a partner of enrolment (its answers and reports), getting its webhooks
    /// at `<providers>/<id>/webhooks` (the provider simulator); returns its secret.
    private static func providerSecret(_ id: String, name: String, _ stateDirectory: String, providers: String?) throws -> String {
        let registry = PartnerRegistry(database: try database(stateDirectory, "enrolment"))
        let secret = try registry.add(id: id, name: name + " (demo)", eventTypes: ["aanbieder.aanmelding.beantwoord", "aanbieder.rapportage"])
        if let providers { try registry.setDeliveryURL("\(providers)/\(id)/webhooks", id: id) }
        return secret.encoded
    }

    /// A running service's database (it made the tables).
    private static func database(_ stateDirectory: String, _ service: String) throws -> DatabasePool {
        let path = "\(stateDirectory)/\(service).sqlite"
        guard FileManager.default.fileExists(atPath: path) else { throw DemoFailure("no \(path): start the demo region first (make run)") }
        return try ServiceDatabase.open(path: path, migrations: [])
    }

    subscript(_ name: String) -> String? { values[name] }
}

/// A one-line failure of the demo tool.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
