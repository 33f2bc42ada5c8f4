public import DUO
public import ServiceLifecycle

/// Keeps a ``DuoClient`` for the life of the process and closes its connections at
/// shutdown, after the services that use it have stopped: list it before them in the
/// service group, which stops services in reverse order.
public struct DuoClientLifetime: Service {
    let client: DuoClient

    public init(_ client: DuoClient) {
        self.client = client
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}
