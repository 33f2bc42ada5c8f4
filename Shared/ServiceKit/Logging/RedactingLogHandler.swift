import Foundation
public import Logging

/// A swift-log handler that writes one line per event — time, level, label, message,
/// metadata as `key=value` — after applying ``LogRedaction`` to all of it.
public struct RedactingLogHandler: LogHandler {
    /// Where finished lines go: standard error for services, a buffer in tests.
    public typealias Sink = @Sendable (String) -> Void

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let sink: Sink

    public init(label: String, level: Logger.Level, sink: @escaping Sink = RedactingLogHandler.standardError) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        let fields = merged.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(LogRedaction.isPersonal(key: key) ? "[redacted]" : Self.quoted(LogRedaction.redact(value.description)))"
        }
        let time = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
        let message = LogRedaction.redact(event.message.description)
        sink(([time, event.level.rawValue, label, Self.quoted(message)] + fields).joined(separator: " "))
    }

    /// Writes a line to standard error, whole, in one write.
    public static let standardError: Sink = { line in
        let data = Array((line + "\n").utf8)
        data.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) || text.isEmpty else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
