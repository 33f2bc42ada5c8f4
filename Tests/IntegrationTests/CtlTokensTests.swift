import Foundation
import TestSupport
import Testing

@Suite struct CtlTokensTests {
    let ctl = Binaries.path("inburgeringctl")

    @Test func createListAndRevokeATokenOnAServicesDatabase() async throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        let service = try await RunningService("intake", stateDirectory: state, in: directory.path)
        let location = ["--service", "intake", "--state-dir", state]

        let created = try await runToEnd(ctl, ["tokens", "create"] + location + ["--role", "klantmanager", "--gemeente", "GM0193", "--label", "team noord", "--json"], in: directory.path)
        #expect(created.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [String: Any])
        let secret = try #require(json["secret"] as? String)
        let token = try #require(json["token"] as? [String: Any])
        let id = try #require(token["id"] as? String)
        #expect(secret.hasPrefix("ibt_"))
        #expect(token["role"] as? String == "klantmanager")
        #expect(token["scope"] as? String == "GM0193")

        let listed = try await runToEnd(ctl, ["tokens", "list"] + location, in: directory.path)
        #expect(listed.status == 0)
        #expect(listed.output.contains(id))
        #expect(listed.output.contains("klantmanager:GM0193"))
        #expect(listed.output.contains("active"))
        #expect(!listed.output.contains(secret))

        let revoked = try await runToEnd(ctl, ["tokens", "revoke"] + location + [id], in: directory.path)
        #expect(revoked.status == 0)
        let again = try await runToEnd(ctl, ["tokens", "revoke"] + location + [id], in: directory.path)
        #expect(again.status != 0)
        #expect(again.error.contains("no active token with id \(id)"))
        let listedAfter = try await runToEnd(ctl, ["tokens", "list", "--json"] + location, in: directory.path)
        #expect(listedAfter.output.contains("revokedAt"))

        service.child.signal(SIGTERM)
        #expect(try await service.child.waitForExit() == 0)
    }

    @Test func mistakesGetOneLineAndANonZeroExit() async throws {
        let directory = try TemporaryDirectory()
        let missing = try await runToEnd(ctl, ["tokens", "list", "--service", "pip", "--state-dir", directory.path + "/nergens"], in: directory.path)
        #expect(missing.status != 0)
        #expect(missing.error.contains("no database at \(directory.path)/nergens/pip.sqlite"))

        let unknownService = try await runToEnd(ctl, ["tokens", "list", "--service", "pop"], in: directory.path)
        #expect(unknownService.status != 0)
        #expect(unknownService.error.contains("unknown service 'pop'"))

        _ = try await runToEnd(Binaries.path("inburgering-pip"), ["--help"], in: directory.path)
        let state = directory.path + "/state"
        let service = try await RunningService("pip", stateDirectory: state, in: directory.path)
        let badRole = try await runToEnd(
            ctl, ["tokens", "create", "--service", "pip", "--state-dir", state, "--role", "klantmanager", "--label", "x"], in: directory.path)
        #expect(badRole.status != 0)
        #expect(badRole.error.contains("klantmanager needs a municipality code"))
        service.child.signal(SIGTERM)
        _ = try await service.child.waitForExit()
    }

    @Test func helpIsThereAtEveryLevel() async throws {
        let directory = try TemporaryDirectory()
        for arguments in [["--help"], ["tokens", "--help"], ["tokens", "create", "--help"]] {
            let result = try await runToEnd(ctl, arguments, in: directory.path)
            #expect(result.status == 0)
            #expect(result.output.contains("USAGE"))
        }
    }
}
