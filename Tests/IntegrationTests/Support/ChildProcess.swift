import Foundation
import Testing

/// A real executable started for a test, its output captured in files (no pipes to fill up).
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let outputPath: String
    let errorPath: String

    /// Starts `executable` with `arguments` and `environment` added to a minimal one.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: String) throws {
        let id = UUID().uuidString
        outputPath = "\(directory)/\(id).out"
        errorPath = "\(directory)/\(id).err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory].merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try Self.withNoSignalsBlocked { try process.run() }
    }

    /// Runs `body` (the spawn) with no signal blocked on this thread: the child inherits the
    /// thread's mask, and the concurrency pool's threads block most signals. A shell script
    /// started with SIGTERM blocked could never run its trap.
    private static func withNoSignalsBlocked(_ body: () throws -> Void) rethrows {
        var none = sigset_t()
        var previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try body()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// Waits until standard error has a line containing `text`; returns that line.
    func waitForLogLine(containing text: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = standardError.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ChildProcessError("no log line with '\(text)'; stderr was:\n\(standardError)")
    }

    /// Waits for the process to exit and returns its status.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw ChildProcessError("still running after \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Sends `signal` while the process runs (never to a finished one, whose id may be reused).
    func signal(_ signal: Int32) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command to its end and returns exit status, standard output and standard error.
func runToEnd(_ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: String) async throws
    -> (status: Int32, output: String, error: String)
{
    let child = try ChildProcess(executable, arguments, environment: environment, in: directory)
    let status = try await child.waitForExit()
    return (status, child.standardOutput, child.standardError)
}
