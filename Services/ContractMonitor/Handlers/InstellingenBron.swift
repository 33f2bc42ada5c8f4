import DUO

/// Where contract-monitor reads DUO's list of institutions: DUO itself, or in tests a list.
struct InstellingenBron: Sendable {
    let lees: @Sendable () async throws -> [DuoInstelling]

    /// DUO's `GET /instellingen`, asked on behalf of the region's OIN `bron`.
    static func duo(_ client: DuoClient, bron: String) -> InstellingenBron {
        InstellingenBron { try await client.instellingen(bron: bron) }
    }
}
