/// What a service does with each kind of durable job, and how often it tries again.
public struct JobHandlers: Sendable {
    /// Carries out one attempt. Returns the outcome; a ``DomainError`` thrown is a final
    /// failure with its code, any other error a retry.
    public typealias Handler = @Sendable (Job) async throws -> JobOutcome

    struct Entry: Sendable {
        let schedule: RetrySchedule
        let handle: Handler
    }

    let entries: [String: Entry]

    public init() {
        entries = [:]
    }

    private init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// These handlers and `handle` for jobs of `kind`, retried on `schedule`.
    public func on(_ kind: String, schedule: RetrySchedule, _ handle: @escaping Handler) -> JobHandlers {
        var entries = entries
        entries[kind] = Entry(schedule: schedule, handle: handle)
        return JobHandlers(entries: entries)
    }

    /// These handlers and `other`'s; `other` wins for a kind both handle.
    public func merging(_ other: JobHandlers) -> JobHandlers {
        JobHandlers(entries: entries.merging(other.entries) { _, theirs in theirs })
    }

    /// The kinds handled.
    public var kinds: [String] { entries.keys.sorted() }
}
