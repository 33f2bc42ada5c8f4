import EnrolmentDomain
import Models
import ServiceKit

/// How enrolment's routes are described in its OpenAPI document.
extension EnrolmentRoutes {
    static func describe(in document: inout OpenAPIDocument) {
        let status = OpenAPIDocument.Parameter.query("status", .cases(of: EnrolmentStatus.self), "Only placements with this status.")
        let badStatus = OpenAPIDocument.Response.problem("status is not one of the statuses.")
        let stap = JSONSchema.object(
            ["status": .cases(of: EnrolmentStatus.self), "aanbiederId": .string(), "reden": .string(), "auteur": .string(), "tijd": .dateTime],
            required: ["status", "reden", "auteur", "tijd"])
        let plaatsing = JSONSchema.object(
            [
                "id": .string(pattern: "^plt-"), "inburgeraarId": .uuid, "pipId": .string(), "gemeente": .string(pattern: "^GM[0-9]{4}$"),
                "leerroute": .cases(of: Leerroute.self), "dagtekeningPip": .date, "status": .cases(of: EnrolmentStatus.self), "perceelId": .string(),
                "contractId": .string(), "aanbiederId": .string(), "instroommoment": .date, "startdatum": .date, "reden": .string(),
                "wachtdagen": .integer(minimum: 0), "stappen": .array(of: stap),
            ],
            required: ["id", "inburgeraarId", "pipId", "gemeente", "leerroute", "dagtekeningPip", "status", "reden", "wachtdagen"])
        let aanmelding = JSONSchema.object(
            [
                "id": .string(pattern: "^plt-"), "inburgeraarId": .uuid, "gemeente": .string(pattern: "^GM[0-9]{4}$"), "leerroute": .cases(of: Leerroute.self),
                "status": .cases(of: EnrolmentStatus.self), "perceelId": .string(), "contractId": .string(), "instroommoment": .date, "startdatum": .date,
            ],
            required: ["id", "inburgeraarId", "gemeente", "leerroute", "status"])
        document.add("GET", "/api/v1/plaatsingen", .init(
            operationId: "listPlaatsingen", summary: "The placements of the klantmanager's municipality, newest first.", tag: "plaatsingen",
            authenticated: true, parameters: [status],
            responses: ["200": .init("The placements.", schema: .array(of: plaatsing)), "400": badStatus]))
        document.add("GET", "/api/v1/plaatsingen/{id}", .init(
            operationId: "getPlaatsing", summary: "One placement with every step it took and why.", tag: "plaatsingen", authenticated: true,
            responses: ["200": .init("The placement.", schema: plaatsing), "404": .problem("No placement with this id in your municipality.")]))
        document.add("POST", "/api/v1/plaatsingen/{id}/keuze", .init(
            operationId: "choosePlaatsingAanbieder",
            summary: "The klantmanager chooses the provider over the perceel's shares, with a reason; the provider must be able to take the person.",
            tag: "plaatsingen", authenticated: true,
            body: .object(["aanbiederId": .string(minLength: 1), "reden": .string(minLength: 1, maxLength: 2000)], required: ["aanbiederId", "reden"]),
            responses: [
                "200": .init("The placement, aangemeld with the chosen provider.", schema: plaatsing),
                "404": .problem("No placement with this id in your municipality."),
                "409": .problem("The placement is past choosing, or the provider cannot take the person (named)."),
            ]))
        document.add("GET", "/api/v1/aanmeldingen", .init(
            operationId: "listAanmeldingen", summary: "The provider's own aanmeldingen and placements (ids and dates only).", tag: "aanmeldingen",
            authenticated: true, parameters: [status],
            responses: ["200": .init("The aanmeldingen.", schema: .array(of: aanmelding)), "400": badStatus]))
        document.add("POST", "/api/v1/aanmeldingen/{id}/antwoord", .init(
            operationId: "answerAanmelding",
            summary: "The provider's answer: bevestigd with a startdatum, geweigerd with a reden (the next provider is proposed), or andere-startdatum with both.",
            tag: "aanmeldingen", authenticated: true,
            body: .object(
                ["antwoord": .cases(of: Aanmeldingsantwoord.Soort.self), "startdatum": .date, "reden": .string(maxLength: 2000)], required: ["antwoord"]),
            responses: [
                "200": .init("The aanmelding after the answer.", schema: aanmelding), "400": .problem("A field the answer needs is missing (named)."),
                "404": .problem("No aanmelding with this id for this provider."), "409": .problem("The aanmelding was answered already."),
            ]))
        let herplaatst = JSONSchema.array(of: .object(
            [
                "plaatsingId": .string(), "nieuwePlaatsingId": .string(), "inburgeraarId": .uuid, "gemeente": .string(pattern: "^GM[0-9]{4}$"),
                "status": .cases(of: EnrolmentStatus.self), "aanbiederId": .string(), "instroommoment": .date, "reden": .string(),
            ],
            required: ["plaatsingId", "inburgeraarId", "gemeente", "status", "reden"]))
        document.add("GET", "/api/v1/aanbieders/{id}/herplaatsing", .init(
            operationId: "proposeHerplaatsing",
            summary: "Proposes a new placement, by the rules without this provider, for everyone it holds; changes nothing. Contractmanagers and operators.",
            tag: "herplaatsing", authenticated: true, responses: ["200": .init("One proposal per placement, oldest PIP first.", schema: herplaatst)]))
        document.add("POST", "/api/v1/aanbieders/{id}/herplaatsing", .init(
            operationId: "herplaats",
            summary: "Re-places everyone the provider holds: each placement ends as overgeplaatst and a new one goes elsewhere or on the waiting list.",
            tag: "herplaatsing", authenticated: true, body: .object(["reden": .string(minLength: 1, maxLength: 2000)], required: ["reden"]),
            responses: ["200": .init("What was done, per placement.", schema: herplaatst), "400": .problem("reden is missing.")]))
        document.add("POST", "/api/v1/aanbieders/{id}/rapportages", .init(
            operationId: "uploadRapportages",
            summary: "A provider's reports as one CSV file (text/csv, UTF-8, header row; docs/enrolment.md): with one bad row nothing is taken, each problem named by line and column.",
            tag: "rapportages", authenticated: true, body: .string(), bodyMediaType: "text/csv",
            responses: [
                "200": .init("How many reports were new or corrected, and how many the same as before.", schema: .object(
                    ["verwerkt": .integer(minimum: 0), "ongewijzigd": .integer(minimum: 0)], required: ["verwerkt", "ongewijzigd"])),
                "400": .problem("A row or the header is not acceptable (named by line and column), or names no one placed with the provider."),
                "415": .problem("The body is not text/csv."),
            ]))
        document.add("GET", "/api/v1/aanmeldingen/{id}/persoon", .init(
            operationId: "getAanmeldingPersoon",
            summary: "What the provider needs of the person it is asked to place: name, BSN, language level, the plan's hours. Its own aanmeldingen only; every read audited.",
            tag: "aanmeldingen", authenticated: true,
            responses: [
                "200": .init("The person's details.", schema: .object(
                    [
                        "inburgeraarId": .uuid, "naam": .string(), "bsn": .bsn, "taalniveau": .cases(of: Taalniveau.self), "leerroute": .cases(of: Leerroute.self),
                        "uren": .integer(minimum: 0),
                    ],
                    required: ["inburgeraarId", "bsn", "leerroute"])),
                "404": .problem("No aanmelding with this id for this provider, or no details of the person yet."),
            ]))
        document.add("GET", "/api/v1/audit", .init(
            operationId: "getAudit", summary: "Who read which person's details, allowed or refused, newest first (1,000 at most); operators.", tag: "audit",
            authenticated: true, parameters: [.query("inburgeraar", .uuid, "Only this person.")],
            responses: ["200": .init("The audit trail.", schema: .array(of: .anyObject)), "400": .problem("inburgeraar is not a person's id.")]))
        document.add("GET", "/api/v1/wachtlijst", .init(
            operationId: "getWachtlijst",
            summary: "Who waits per perceel and instroommoment (none: no seat yet), with waiting days from the PIP's dagtekening; klantmanagers their municipality, contractmanagers the region.",
            tag: "wachtlijst", authenticated: true,
            responses: ["200": .init("The waiting list.", schema: .array(of: .object(
                ["perceelId": .string(), "leerroute": .cases(of: Leerroute.self), "instroommoment": .date, "personen": .array(of: .anyObject)],
                required: ["leerroute", "personen"])))]))
    }
}
