/// `POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}`: the municipality tells DUO
/// which institution gives the person their course, as DUO's Inburgeringsaanbod API has it
/// (docs/duo-interface-notes.md §3). Dates are `YYYY-MM-DD`; the end date is exclusive.
public struct DuoInburgeringsaanbod: Codable, Sendable, Equatable {
    /// `A` (illiterate), `AA` (literate in another script) or `NVT`.
    public var indicatorAlfabetiseringsonderwijs: String
    public var datumInburgeringsaanbod: String?
    public var verwachteStartdatumOpleiding: String?
    public var verwachteEinddatumOpleiding: String?

    public init(
        indicatorAlfabetiseringsonderwijs: String, datumInburgeringsaanbod: String? = nil, verwachteStartdatumOpleiding: String? = nil,
        verwachteEinddatumOpleiding: String? = nil
    ) {
        self.indicatorAlfabetiseringsonderwijs = indicatorAlfabetiseringsonderwijs
        self.datumInburgeringsaanbod = datumInburgeringsaanbod
        self.verwachteStartdatumOpleiding = verwachteStartdatumOpleiding
        self.verwachteEinddatumOpleiding = verwachteEinddatumOpleiding
    }
}
