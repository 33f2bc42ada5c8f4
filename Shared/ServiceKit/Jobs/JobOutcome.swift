/// What one attempt at a job came to, as its handler reports it.
public struct JobOutcome: Sendable, Equatable {
    /// The verdict on the job.
    public enum Verdict: Sendable, Equatable {
        /// The work is done.
        case succeeded
        /// Try again: after `after` when the other side said when (`Retry-After`), else
        /// as the job's retry schedule says; when the schedule has run out the job is dead.
        case retry(after: Duration?)
        /// The work can never succeed as it stands (the other side refused for good); the
        /// code names why, stably, e.g. `duo-404`.
        case failed(code: String)
    }

    public var verdict: Verdict
    /// What happened, for the attempt log and operators; no personal data.
    public var note: String?
    /// The other side's status code, for HTTP deliveries.
    public var responseCode: Int?

    public static func succeeded(_ note: String? = nil, responseCode: Int? = nil) -> Self {
        Self(verdict: .succeeded, note: note, responseCode: responseCode)
    }

    public static func retry(_ note: String, after: Duration? = nil, responseCode: Int? = nil) -> Self {
        Self(verdict: .retry(after: after), note: note, responseCode: responseCode)
    }

    public static func failed(_ code: String, _ note: String, responseCode: Int? = nil) -> Self {
        Self(verdict: .failed(code: code), note: note, responseCode: responseCode)
    }
}
