import Models
import ServiceKit

/// The JSON schemas of the register's entries, as the API reads and writes them (docs/contracts.md).
enum RegisterSchemas {
    static let id = JSONSchema.string(pattern: "^[a-z0-9][a-z0-9-]{0,63}$")
    static let tekst = JSONSchema.string(minLength: 1, maxLength: 200)
    static let gemeente = JSONSchema.string(pattern: "^GM[0-9]{4}$")

    static let keurmerk = JSONSchema.object(
        [
            "status": .cases(of: Keurmerk.Status.self), "ingangsdatum": .date, "vervaldatum": .date, "bron": .cases(of: Keurmerk.Bron.self),
            "toelichting": .string(maxLength: 500),
        ],
        required: ["status", "ingangsdatum", "bron"])

    static let aanbieder = JSONSchema.object(
        [
            "id": id, "naam": tekst, "instellingsnummer": .string(pattern: "^[A-Z0-9]{10}$"), "bowNummer": .string(pattern: "^[0-9]{1,10}$"),
            "brin": .string(pattern: "^[0-9]{2}[A-Z0-9]{2}$"),
            "contact": .object(
                ["naam": tekst, "email": .string(format: "email", maxLength: 254), "telefoon": .string(pattern: "^[0-9 +()-]{6,20}$")],
                required: ["naam", "email"]),
            "bowKeurmerk": keurmerk, "tstKeurmerk": keurmerk,
        ],
        required: ["id", "naam", "instellingsnummer", "contact"])

    static let perceel = JSONSchema.object(
        [
            "id": id, "naam": tekst, "soort": .cases(of: Perceel.Soort.self), "gemeenten": .array(of: gemeente),
            "aandelen": .array(of: .object(["aanbiederId": id, "procent": .integer(minimum: 1, maximum: 100)], required: ["aanbiederId", "procent"])),
        ],
        required: ["id", "naam", "soort", "gemeenten", "aandelen"])

    static let normen = JSONSchema.object(
        [
            "maxWachttijdDagen": .integer(minimum: 1, maximum: 730), "minAanwezigheidProcent": .integer(minimum: 0, maximum: 100),
            "maxVerzuimProcent": .integer(minimum: 0, maximum: 100), "minSlagingProcent": .integer(minimum: 0, maximum: 100),
            "maxUitvalProcent": .integer(minimum: 0, maximum: 100), "minTevredenheid": JSONSchema(.object(["type": .string("number"), "minimum": .integer(1), "maximum": .integer(10)])),
            "rapportageTermijnDagen": .integer(minimum: 1, maximum: 365),
        ],
        required: [
            "maxWachttijdDagen", "minAanwezigheidProcent", "maxVerzuimProcent", "minSlagingProcent", "maxUitvalProcent", "minTevredenheid",
            "rapportageTermijnDagen",
        ])

    static let beeindiging = JSONSchema.object(["datum": .date, "reden": .string(minLength: 1, maxLength: 2000)], required: ["datum", "reden"])

    static let contract = JSONSchema.object(
        [
            "id": id, "perceelId": id, "aanbiederId": id, "startdatum": .date, "einddatum": .date, "verlengingen": .array(of: .date),
            "prijs": .object(
                ["eenheid": .cases(of: Contract.Prijseenheid.self), "bedragCent": .integer(minimum: 1, maximum: 100_000_000)], required: ["eenheid", "bedragCent"]),
            "capaciteit": .array(of: .object(["van": .date, "tot": .date, "plaatsen": .integer(minimum: 0, maximum: 100_000)], required: ["van", "tot", "plaatsen"])),
            "instroommomenten": .array(of: .object(["datum": .date, "plaatsen": .integer(minimum: 1, maximum: 10_000)], required: ["datum", "plaatsen"])),
            "normen": normen, "beeindiging": beeindiging,
        ],
        required: ["id", "perceelId", "aanbiederId", "startdatum", "einddatum", "verlengingen", "prijs", "capaciteit", "instroommomenten", "normen"])

    static let register = JSONSchema.object(
        [
            "gemeenten": .array(of: .object(["code": gemeente, "naam": tekst], required: ["code", "naam"])), "aanbieders": .array(of: aanbieder),
            "percelen": .array(of: perceel), "contracten": .array(of: contract),
        ],
        required: ["gemeenten", "aanbieders", "percelen", "contracten"])

    /// A version of an entry whose content is `inhoud`.
    static func versie(_ inhoud: JSONSchema) -> JSONSchema {
        .object(
            ["versie": .integer(minimum: 1), "auteur": .string(), "reden": .string(), "vastgelegdOp": .dateTime, "inhoud": inhoud],
            required: ["versie", "auteur", "reden", "vastgelegdOp", "inhoud"])
    }

    /// A change's body: the entry as it is to be, and why.
    static func wijziging(_ inhoud: JSONSchema) -> JSONSchema {
        .object(["reden": .string(minLength: 1, maxLength: 2000), "inhoud": inhoud], required: ["reden", "inhoud"])
    }
}
