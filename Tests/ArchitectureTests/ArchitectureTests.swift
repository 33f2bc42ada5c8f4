import Foundation
import Testing

/// The house rules of docs/architecture.md, checked on the source tree: a newcomer finds
/// every behaviour from the folder names, and the domain stays pure.
@Suite struct ArchitectureTests {
    let tree = SourceTree()
    static let rooms = ["App", "Domain", "Handlers", "Persistence", "Routes"]
    /// Each service's folder and its module names (the executable's and the domain's).
    static let services = [
        "Intake": ["Intake", "IntakeDomain"], "Pip": ["Pip", "PipDomain"], "Enrolment": ["Enrolment", "EnrolmentDomain"],
        "ContractMonitor": ["ContractMonitor", "ContractMonitorDomain"], "Notifier": ["Notifier", "NotifierDomain"],
    ]

    @Test func everyServiceHasTheSameRooms() {
        #expect(Set(tree.folders(in: "Services")) == Set(Self.services.keys))
        for service in Self.services.keys {
            #expect(tree.folders(in: "Services/\(service)") == Self.rooms, "Services/\(service)")
        }
    }

    @Test func aDomainImportsModelsAndFoundationOnly() throws {
        var checked = 0
        for service in Self.services.keys {
            for file in tree.swiftFiles(under: "Services/\(service)/Domain") {
                let extra = try tree.imports(file).subtracting(["Models", "Foundation"])
                #expect(extra.isEmpty, "\(file) imports \(extra.sorted())")
                checked += 1
            }
        }
        #expect(checked > 10, "the domain files were found")
    }

    @Test func aDomainTargetDependsOnModelsOnly() throws {
        let manifest = try tree.text("Package.swift")
        for service in ["Intake", "Pip", "ContractMonitor", "Enrolment"] {
            let declaration = #".target(name: "\#(service)Domain", dependencies: ["Models"], path: "Services/\#(service)/Domain""#
            #expect(manifest.contains(declaration), "Package.swift declares \(service)Domain on Models only")
        }
    }

    @Test func noServiceImportsAnother() throws {
        for (service, own) in Self.services {
            let others = Set(Self.services.filter { $0.key != service }.values.flatMap { $0 })
            for file in tree.swiftFiles(under: "Services/\(service)") {
                let crossing = try tree.imports(file).intersection(others)
                #expect(crossing.isEmpty, "\(file) imports \(crossing.sorted()); \(own[0]) may not know another service")
            }
        }
    }

    @Test func handlersAndRoutesWriteNoSQL() throws {
        for service in Self.services.keys {
            for room in ["Handlers", "Routes"] {
                for file in tree.swiftFiles(under: "Services/\(service)/\(room)") {
                    let source = try tree.text(file)
                    let sql = ["INSERT INTO", "UPDATE ", "DELETE FROM"].filter { source.contains($0) }
                    #expect(sql.isEmpty, "\(file) writes SQL (\(sql)); that belongs in Persistence")
                }
            }
        }
    }

    @Test func noSourceFilePassesFourHundredLines() throws {
        for folder in ["Services", "Shared", "Tools"] {
            for file in tree.swiftFiles(under: folder) {
                let lines = try tree.text(file).split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(lines <= 400, "\(file) has \(lines) lines")
            }
        }
    }

    @Test func noProblemDetailsBelowHTTP() throws {
        for service in Self.services.keys {
            for room in ["Domain", "Persistence", "Handlers"] {
                for file in tree.swiftFiles(under: "Services/\(service)/\(room)") {
                    #expect(try !tree.text(file).contains("ProblemDetails"), "\(file) speaks HTTP; throw DomainError")
                }
            }
        }
    }
}
