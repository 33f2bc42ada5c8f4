/// The norms the region agreed with a provider in a contract. There is no national set
/// (DOMAIN.md): each is the region's own, and contract monitoring measures against them.
public struct Contractnormen: Sendable, Hashable, Codable {
    /// The most days from the PIP's dagtekening to the start of the course.
    public var maxWachttijdDagen: Int
    /// The least share of lessons a cursist attends, in percent.
    public var minAanwezigheidProcent: Int
    /// The most unexcused absence (verzuim), in percent of lessons.
    public var maxVerzuimProcent: Int
    /// The least share of exams passed at the first attempt, in percent.
    public var minSlagingProcent: Int
    /// The most cursisten who drop out (uitval), in percent.
    public var maxUitvalProcent: Int
    /// The least average client satisfaction, on a scale of 1 to 10.
    public var minTevredenheid: Double
    /// The most days after a month's end by which the provider's report is in.
    public var rapportageTermijnDagen: Int

    public init(
        maxWachttijdDagen: Int, minAanwezigheidProcent: Int, maxVerzuimProcent: Int, minSlagingProcent: Int, maxUitvalProcent: Int,
        minTevredenheid: Double, rapportageTermijnDagen: Int
    ) {
        self.maxWachttijdDagen = maxWachttijdDagen
        self.minAanwezigheidProcent = minAanwezigheidProcent
        self.maxVerzuimProcent = maxVerzuimProcent
        self.minSlagingProcent = minSlagingProcent
        self.maxUitvalProcent = maxUitvalProcent
        self.minTevredenheid = minTevredenheid
        self.rapportageTermijnDagen = rapportageTermijnDagen
    }
}
