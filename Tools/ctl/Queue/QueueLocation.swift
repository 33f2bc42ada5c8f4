import ArgumentParser
import Foundation
import Queue

/// Which queue a command works on, found the way the services find it.
struct QueueLocation: ParsableArguments {
    @Option(help: "The queue's root directory (default: $QUEUE_DIR, else <state dir>/queue).")
    var queueDir: String?

    @Option(help: "The region (default: $REGION, else demo); used to find the state directory.")
    var region: String?

    @Option(help: "The region's state directory (default: $STATE_DIR, else $STATE_DIRECTORY, else ./var/<region>).")
    var stateDir: String?

    /// Opens the existing queue; refuses a directory that does not exist, so a typo never creates one.
    func open(options: QueueOptions = QueueOptions(), environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DurableQueue {
        let region = region ?? environment["REGION"] ?? "demo"
        let state = stateDir ?? environment["STATE_DIR"] ?? environment["STATE_DIRECTORY"] ?? "./var/\(region)"
        let directory = queueDir ?? environment["QUEUE_DIR"] ?? "\(state)/queue"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CtlFailure("no queue at \(directory): pass --queue-dir, or start the region's services once")
        }
        return try DurableQueue(directory: directory, options: options)
    }
}

/// Runs `body` and turns a queue error into one line on standard error and exit status 1.
func reportingQueueErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as QueueError {
        throw CtlFailure(error.description)
    }
}

/// A record's payload for a terminal: the text when it is UTF-8, else base64.
func printable(_ payload: [UInt8]) -> String {
    if let text = String(validating: payload, as: UTF8.self), !text.contains(where: { $0.isNewline && $0 != "\n" }) {
        return text.replacingOccurrences(of: "\n", with: "\\n")
    }
    return "base64:" + Data(payload).base64EncodedString()
}
