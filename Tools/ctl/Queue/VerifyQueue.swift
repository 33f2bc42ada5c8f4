import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue verify`: checks every record's framing and checksum.
struct VerifyQueue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every record's framing and CRC; exit 0 when clean, 1 with each problem's file and offset.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "One topic (default: all).") var topic: String?

    func run() async throws {
        let problems = try await reportingQueueErrors {
            let queue = try location.open()
            return try (topic.map { [$0] } ?? queue.topicNames()).flatMap { try queue.topic($0).verify() }
        }
        for problem in problems { print("\(problem.topic): \(problem)") }
        guard problems.isEmpty else { throw ExitCode(1) }
        print("clean")
    }
}
