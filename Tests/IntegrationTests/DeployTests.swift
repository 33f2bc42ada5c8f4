import Foundation
import TestSupport
import Testing

/// deploy/install.sh and the systemd units it renders, checked with `systemd-analyze verify`
/// as an unprivileged user can: install into a temporary prefix that holds (stand-in)
/// executables, so every `ExecStart=` names an existing file.
@Suite struct DeployTests {
    let installScript = Binaries.packageRoot + "/deploy/install.sh"
    static let executables = Binaries.services.map { "inburgering-\($0)" } + ["inburgeringctl"]

    @Test func installedUnitsPassSystemdAnalyzeVerify() async throws {
        let analyze = try #require(
            ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
            "systemd-analyze is missing: install the Debian package systemd (make deps does)")
        let directory = try TemporaryDirectory()
        let built = try Self.standInExecutables(in: directory.path + "/built")
        let prefix = directory.path + "/usr"

        let installed = try await runToEnd(installScript, ["--bindir-from", built, "--prefix", prefix], in: directory.path)
        #expect(installed.status == 0, "install.sh failed: \(installed.error)")

        for name in Self.executables {
            #expect(FileManager.default.isExecutableFile(atPath: "\(prefix)/bin/\(name)"), "\(name) not installed")
        }
        let unitDirectory = prefix + "/lib/systemd/system"
        for service in Binaries.services {
            let unit = try String(contentsOfFile: "\(unitDirectory)/inburgering-\(service)@.service", encoding: .utf8)
            #expect(!unit.contains("@BINDIR@"))
            #expect(try unit.firstMatch(of: Regex("@[A-Z_]+@")) == nil, "a placeholder is left in inburgering-\(service)@.service")
            #expect(Self.lines(of: unit).contains("ExecStart=\(prefix)/bin/inburgering-\(service)"))
            #expect(Self.lines(of: unit).contains("EnvironmentFile=-/etc/inburgering/%i/\(service).env"))
        }
        let target = try String(contentsOfFile: unitDirectory + "/inburgering@.target", encoding: .utf8)
        #expect(!target.contains("@BINDIR@"))
        let wanted = Self.lines(of: target).filter { $0.hasPrefix("Wants=") }.flatMap { $0.dropFirst("Wants=".count).split(separator: " ") }
        #expect(Set(wanted.map(String.init)) == Set(Binaries.services.map { "inburgering-\($0)@%i.service" }))
        for file in ["lib/sysusers.d/inburgering.conf", "lib/tmpfiles.d/inburgering.conf", "share/doc/inburgering/zwolle.env.example", "share/doc/inburgering/zwolle.register.yaml"] {
            #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file) not installed")
        }

        // The templates need an instance; the trailing ':' adds the system's own units
        // (sysinit.target, network-online.target) to the search path.
        let instances = Binaries.services.map { "\(unitDirectory)/inburgering-\($0)@zwolle.service" } + ["\(unitDirectory)/inburgering@zwolle.target"]
        let verified = try await runToEnd(analyze, ["verify"] + instances, environment: ["SYSTEMD_UNIT_PATH": unitDirectory + ":"], in: directory.path)
        #expect(verified.status == 0)
        #expect(verified.output.isEmpty, "systemd-analyze verify printed:\n\(verified.output)")
        #expect(verified.error.isEmpty, "systemd-analyze verify printed:\n\(verified.error)")
    }

    /// The shape `make install` uses: files staged under DESTDIR, units naming PREFIX/bin.
    @Test func aStagedInstallNamesThePrefixNotTheStagingDirectory() async throws {
        let directory = try TemporaryDirectory()
        let built = try Self.standInExecutables(in: directory.path + "/built")
        let stage = directory.path + "/stage"

        let installed = try await runToEnd(installScript, ["--bindir-from", built, "--prefix", "/usr/local", "--destdir", stage], in: directory.path)
        #expect(installed.status == 0, "install.sh failed: \(installed.error)")
        #expect(FileManager.default.isExecutableFile(atPath: stage + "/usr/local/bin/inburgeringctl"))
        let unit = try String(contentsOfFile: stage + "/usr/local/lib/systemd/system/inburgering-intake@.service", encoding: .utf8)
        #expect(Self.lines(of: unit).contains("ExecStart=/usr/local/bin/inburgering-intake"))
        #expect(!unit.contains(stage))

        let unitsOnly = try await runToEnd(installScript, ["--units-only", "--destdir", directory.path + "/units"], in: directory.path)
        #expect(unitsOnly.status == 0, "install.sh --units-only failed: \(unitsOnly.error)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/units/usr/local/lib/systemd/system/inburgering-notifier@.service"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/units/usr/local/bin"))
    }

    @Test func mistakesGetOneLineAndANonZeroExitAndInstallNothing() async throws {
        let directory = try TemporaryDirectory()
        let empty = directory.path + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let prefix = directory.path + "/usr"
        let cases: [(arguments: [String], mentions: String)] = [
            (["--no-such-option"], "--no-such-option"),
            (["--bindir-from", empty, "--prefix", prefix], "inburgering-intake"),
            (["--units-only", "--prefix"], "--prefix"),
            (["--units-only", "--prefix", "relative/path"], "relative/path"),
            (["--prefix", prefix], "--bindir-from"),
        ]
        for (arguments, mentions) in cases {
            let result = try await runToEnd(installScript, arguments, in: directory.path)
            #expect(result.status != 0, "install.sh \(arguments) succeeded")
            #expect(result.error.hasSuffix("\n") && result.error.split(separator: "\n").count == 1, "install.sh \(arguments) wrote: \(result.error)")
            #expect(result.error.contains(mentions), "install.sh \(arguments) wrote: \(result.error)")
            #expect(!FileManager.default.fileExists(atPath: prefix), "install.sh \(arguments) installed something")
        }
    }

    /// A folder with an executable stand-in for each program install.sh installs.
    private static func standInExecutables(in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in executables {
            let path = "\(folder)/\(name)"
            guard FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\nexit 0\n".utf8), attributes: [.posixPermissions: 0o755]) else {
                throw ChildProcessError("cannot create \(path)")
            }
        }
        return folder
    }

    private static func lines(of text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
