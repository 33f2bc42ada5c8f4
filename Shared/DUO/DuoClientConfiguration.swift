/// Where DUO is and how the region proves who it is: DUO's base URL, its OIN, and the
/// PKIoverheid certificate, key and CA bundle (files systemd hands over as credentials).
public struct DuoClientConfiguration: Sendable, Equatable {
    /// DUO's base URL, the API's major version included, e.g. `https://duo.example.nl/v1`.
    public var baseURL: String
    /// DUO's OIN: the `doel` of every call.
    public var duoOIN: String
    /// The region's client certificate (PEM), its key (PEM) and the CA bundle that signs
    /// DUO's server certificate (PEM); without them the client speaks plain HTTP or
    /// ordinary TLS (the simulator, tests).
    public var certificateFile: String?
    public var keyFile: String?
    public var caFile: String?
    /// How long one call may take.
    public var timeout: Duration
    /// Calls in all for one question when DUO answers 5xx or cannot be reached.
    public var maxAttempts: Int
    /// The wait before the second attempt; it doubles each time.
    public var firstBackoff: Duration

    public init(
        baseURL: String, duoOIN: String, certificateFile: String? = nil, keyFile: String? = nil, caFile: String? = nil,
        timeout: Duration = .seconds(10), maxAttempts: Int = 4, firstBackoff: Duration = .milliseconds(500)
    ) {
        self.baseURL = baseURL
        self.duoOIN = duoOIN
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.caFile = caFile
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.firstBackoff = firstBackoff
    }
}
