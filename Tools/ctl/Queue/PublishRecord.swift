import ArgumentParser
import Foundation
import Queue

/// `inburgeringctl queue publish`: appends one record, e.g. an operator's fixed message.
struct PublishRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Append one record (from --file or standard input); prints its offset once durable.")

    @OptionGroup var location: QueueLocation
    @Argument(help: "The topic.") var topic: String
    @Option(help: "Read the record from this file instead of standard input.") var file: String?

    func run() async throws {
        let payload: Data
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw CtlFailure("cannot read \(file)") }
            payload = data
        } else {
            payload = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard !payload.isEmpty else { throw ValidationError("the record is empty; pass --file or pipe it in") }
        try await reportingQueueErrors {
            print(try await location.open().topic(topic).publish(Array(payload)))
        }
    }
}
