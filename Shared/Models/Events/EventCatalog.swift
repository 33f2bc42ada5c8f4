/// Every event type this version of the chain knows, for consumers that route by type.
public enum EventCatalog {
    /// The known event data types, one per CloudEvents type.
    public static let all: [any DomainEvent.Type] = [
        KoppelingOntvangen.self,
        KoppelingGewijzigd.self,
        KoppelingIngetrokken.self,
        IntakeGestart.self,
        UitnodigingVerstuurd.self,
        NoShowGeregistreerd.self,
        BoeteSignaal.self,
        Verhuisd.self,
        DossierGecorrigeerd.self,
        PipTermijnGestart.self,
        InburgeringstermijnGemeld.self,
        IntakeAfgerond.self,
        PipConceptAangemaakt.self,
        PipVastgesteld.self,
        PipGewijzigd.self,
        PipBezwaarIngediend.self,
        PipDeadlineNadert.self,
        PipDeadlineVerstreken.self,
        AanbiederAangemeld.self,
        AanbiederGeplaatst.self,
        OpWachtlijstGezet.self,
        AanmeldingGeweigerd.self,
        PlaatsingBeeindigd.self,
        HerplaatsingNodig.self,
        RapportageOntvangen.self,
        UrenBijgewerkt.self,
        OnderdeelAfgerond.self,
        AanbiederVastgelegd.self,
        KeurmerkGewijzigd.self,
        PerceelVastgelegd.self,
        ContractVastgelegd.self,
        CapaciteitGewijzigd.self,
        NotificatieVerzonden.self,
    ]

    /// Decodes the envelope's data as the type it names; `nil` for a type this version does
    /// not know, which a consumer skips rather than fails on.
    public static func decode(_ envelope: EventEnvelope) throws -> (any DomainEvent)? {
        guard let known = all.first(where: { $0.eventType.rawValue == envelope.type }) else { return nil }
        return try envelope.decode(as: known)
    }
}
