import Models
import PipDomain
import ServiceKit

/// How pip's routes are described in its OpenAPI document: their parameters, bodies and
/// answers. The shared answers (401, 403, 400/413/415 for a body) are added by the document.
extension PipRoutes {
    static func describe(in document: inout OpenAPIDocument) {
        func problem(_ description: String) -> OpenAPIDocument.Response { .problem(description) }
        let notOurs = problem("No such PIP in your municipality.")
        let pip = JSONSchema.object(
            [
                "id": .string(pattern: "^pip-"), "inburgeraarId": .uuid, "gemeente": .string(pattern: "^GM[0-9]{4}$"),
                "doelgroep": .cases(of: Doelgroep.self), "status": .oneOf(["concept", "vastgesteld"]), "versie": .integer(minimum: 0),
                "versies": .array(of: .anyObject), "bezwaren": .array(of: .anyObject), "inhoud": .anyObject, "advies": .anyObject,
            ],
            required: ["id", "inburgeraarId", "gemeente", "doelgroep", "status", "versie", "versies", "bezwaren", "inhoud", "advies"])
        document.add("GET", "/api/v1/pips", .init(
            operationId: "listPips",
            summary: "The PIPs of the klantmanager's municipality, newest first or ?sort=deadline (next deadline first); filters: status (concept, vastgesteld), deadlineVoor (a next deadline on or before this date).",
            tag: "pip", authenticated: true,
            parameters: [.query("status", .oneOf(["concept", "vastgesteld"])), .query("deadlineVoor", .date), .query("sort", .oneOf(["deadline"]))],
            responses: [
                "200": .init("The PIPs, each with its route advice, reasons, contents, versions and next deadline.", schema: .array(of: pip)),
                "400": problem("A filter is not understood (named)."),
            ]))
        document.add("GET", "/api/v1/pips/{id}", .init(
            operationId: "getPip", summary: "One PIP with its route advice, reasons and the intake summary.", tag: "pip", authenticated: true,
            responses: ["200": .init("The PIP.", schema: pip), "403": problem("The PIP belongs to another municipality."), "404": problem("No PIP with this id.")]))
        document.add("PUT", "/api/v1/pips/{id}", .init(
            operationId: "editPipDraft",
            summary: "Sets the draft's plan: route (with the reason when it differs from the advice), level, hours, voorwaarden, begeleiding, bijstand and ontzorgen (docs/pip.md).",
            tag: "pip", authenticated: true,
            body: .object([
                "leerroute": .cases(of: Leerroute.self), "niveau": .cases(of: Taalniveau.self), "uren": .integer(), "afwijkingsreden": .string(),
                "voorwaarden": .array(of: .string()), "begeleiding": .string(), "bijstand": .boolean,
                "ontzorgen": .object(
                    ["startdatum": .date, "maanden": .integer(), "betalingen": .array(of: .cases(of: Ontzorgen.Betaling.self))],
                    required: ["startdatum", "maanden", "betalingen"]),
            ]),
            responses: ["200": .init("Recorded."), "404": notOurs, "409": problem("The PIP is not a draft.")]))
        document.add("POST", "/api/v1/pips/{id}/vaststellen", .init(
            operationId: "fixPip", summary: "Fixes the draft as version 1, dated today; the term runs 3 years from the day after.",
            tag: "pip", authenticated: true,
            responses: [
                "200": .init("The fixed PIP.", schema: pip), "404": notOurs,
                "409": problem("DUO would refuse it, a deviation has no reason, or the plan misses a part (each named)."),
            ]))
        document.add("POST", "/api/v1/pips/{id}/wijzigingen", .init(
            operationId: "changePip",
            summary: "A new version of a fixed PIP: schakelen (within 18 months of the term's start, except onderwijs to B1) or afschalen (B1 to A2, from 600 lesuren); with reason and author. The term does not move.",
            tag: "pip", authenticated: true,
            body: .object(
                [
                    "soort": .cases(of: PipWijziging.Soort.self), "leerroute": .cases(of: Leerroute.self), "gevolgdeLesuren": .integer(),
                    "bewijs": .string(), "reden": .string(), "uren": .integer(),
                ],
                required: ["soort", "reden"]),
            responses: ["201": .init("The PIP with its new version.", schema: pip), "404": notOurs, "409": problem("The change is not allowed (named).")]))
        document.add("POST", "/api/v1/pips/{id}/bezwaren", .init(
            operationId: "registerBezwaar",
            summary: "Registers a bezwaar against a fixed version (the newest when versie is left out); one per version; one received after six weeks is flagged tijdig=false.",
            tag: "pip", authenticated: true,
            body: .object(["versie": .integer(), "ontvangenOp": .date, "omschrijving": .string()], required: ["omschrijving"]),
            responses: [
                "201": .init("The PIP with the bezwaar.", schema: pip), "400": problem("A field is missing or wrong (named)."), "404": notOurs,
                "409": problem("The PIP is a draft, or the version has a bezwaar already."),
            ]))
        document.add("GET", "/api/v1/pips/{id}/beschikking", .init(
            operationId: "getPipLetter",
            summary: "A version of the PIP (the newest, or ?versie=N) as a printable decision letter in Dutch (HTML); a draft is marked CONCEPT.",
            tag: "pip", authenticated: true, parameters: [.query("versie", .integer(), "The version; the newest when left out.")],
            responses: ["200": .init("The letter.", mediaType: "text/html"), "400": problem("versie is not one of this PIP's versions."), "404": notOurs]))
    }
}
