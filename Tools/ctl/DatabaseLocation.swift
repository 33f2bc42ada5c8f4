import ArgumentParser
import Foundation
import GRDB
import ServiceKit

/// Which service database a command works on, found the way the services find it.
struct DatabaseLocation: ParsableArguments {
    @Option(help: ArgumentHelp("The service whose database to use: \(ServiceDescriptor.chainServiceNames.joined(separator: ", ")).", valueName: "name"))
    var service: String

    @Option(help: "The region (default: $REGION, else demo).")
    var region: String?

    @Option(help: "The region's state directory (default: $STATE_DIR, else $STATE_DIRECTORY, else ./var/<region>).")
    var stateDir: String?

    func validate() throws {
        guard ServiceDescriptor.chainServiceNames.contains(service) else {
            throw ValidationError("unknown service '\(service)': use one of \(ServiceDescriptor.chainServiceNames.joined(separator: ", "))")
        }
    }

    /// The database file; it must exist, so a typo never creates a stray database.
    func existingPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let region = region ?? environment["REGION"] ?? "demo"
        let directory = stateDir ?? environment["STATE_DIR"] ?? environment["STATE_DIRECTORY"] ?? "./var/\(region)"
        let path = "\(directory)/\(service).sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            throw CtlFailure("no database at \(path): start inburgering-\(service) for region \(region) once, or pass --state-dir")
        }
        return path
    }

    /// The service's database, opened (and migrated, as the service would) for a command.
    func open() throws -> DatabasePool {
        try ServiceDatabase.open(path: try existingPath(), migrations: [])
    }
}
