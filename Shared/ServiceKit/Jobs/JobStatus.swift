/// Where a durable job stands.
public enum JobStatus: String, Codable, Sendable, CaseIterable {
    /// Waiting for its next attempt.
    case pending
    /// Done: its handler succeeded.
    case done
    /// Ended with a final failure code (the other side refused for good); an operator may replay it.
    case failed
    /// Its retry schedule ran out; an operator sees it and may replay it.
    case dead
}
