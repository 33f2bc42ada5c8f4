/// Names of topics and consumer groups: they become file names, so they are restricted to
/// lowercase letters, digits, dots, dashes and underscores, 1–100 long, starting with a
/// letter or digit.
enum QueueName {
    static func validate(_ name: String, kind: String) throws(QueueError) {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard allowed, (1...100).contains(name.utf8.count), let first = name.utf8.first, first != UInt8(ascii: "."),
            first != UInt8(ascii: "-"), first != UInt8(ascii: "_")
        else {
            throw QueueError(.invalidName, "'\(name)' is not a valid \(kind) name (lowercase letters, digits, '.', '-', '_'; 1–100)")
        }
    }

    /// The dead-letter topic of `topic`.
    static func deadLetterTopic(of topic: String) -> String { topic + ".dlq" }
}
