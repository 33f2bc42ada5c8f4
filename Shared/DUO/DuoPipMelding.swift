/// `POST /personen/{bsn}/PIP`: a PIP as DUO's PIP API 1.2 takes it.
public struct DuoPipMelding: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var dagtekeningPip: String
    /// `B`, `O` or `Z`.
    public var leerroute: String
    /// `A2` or `B1`.
    public var niveau: String?
    public var geschatteIntensiteitB1Route: Int?
    public var indicatorMagOpleidingAfmaken: Bool?
    /// `A`, `AA` or `NVT`.
    public var indicatorAlfabetiseringsonderwijs: String?

    public init(
        dagtekeningPip: String, leerroute: String, niveau: String? = nil, geschatteIntensiteitB1Route: Int? = nil,
        indicatorMagOpleidingAfmaken: Bool? = nil, indicatorAlfabetiseringsonderwijs: String? = nil
    ) {
        self.dagtekeningPip = dagtekeningPip
        self.leerroute = leerroute
        self.niveau = niveau
        self.geschatteIntensiteitB1Route = geschatteIntensiteitB1Route
        self.indicatorMagOpleidingAfmaken = indicatorMagOpleidingAfmaken
        self.indicatorAlfabetiseringsonderwijs = indicatorAlfabetiseringsonderwijs
    }
}

/// What DUO said to a PIP melding.
public enum DuoMeldingAntwoord: Sendable, Equatable {
    /// 201: registered.
    case geregistreerd
    /// 403: refused, with DUO's `fouttekst`s.
    case geweigerd([String])
}
