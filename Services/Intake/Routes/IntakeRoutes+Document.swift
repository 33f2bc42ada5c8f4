import IntakeDomain
import Models
import ServiceKit

/// How intake's case-worker routes are described in its OpenAPI document: their
/// parameters, bodies and answers. The shared answers (401, 403, 400/413/415 for a body)
/// are added by the document itself.
extension IntakeRoutes {
    static func describe(in document: inout OpenAPIDocument, gemeenten: [GemeenteCode]) {
        let id = OpenAPIDocument.Parameter.path("id", .uuid)
        func problem(_ description: String) -> OpenAPIDocument.Response { .problem(description) }
        let notFound = problem("No file with this id.")
        let gemeente = JSONSchema.string(pattern: "^GM[0-9]{4}$")
        let caseloadEntry = JSONSchema.object(
            [
                "id": .uuid, "naam": .string(), "status": .cases(of: DossierStatus.self), "gemeente": gemeente, "pipDeadline": .date,
                "laat": .boolean,
            ],
            required: ["id", "naam", "status", "gemeente", "pipDeadline", "laat"])
        let page = JSONSchema.object(
            ["items": .array(of: caseloadEntry), "pagina": .integer(), "perPagina": .integer(), "totaal": .integer()],
            required: ["items", "pagina", "perPagina", "totaal"])
        let invitation = JSONSchema.object(["nummer": .integer(), "datum": .date, "verschenen": .boolean], required: ["nummer", "datum"])
        let conflict = problem("Not possible now (the file is closed; a previous invitation is open; …); the detail says why.")
        document.add("GET", "/api/v1/inburgeraars", .init(
            operationId: "listCaseload",
            summary: "The caseload of the klantmanager's municipality, earliest PIP deadline first; filters: status, pipDeadlineVoor; paging: pagina, perPagina.",
            tag: "intake", authenticated: true,
            parameters: [
                .query("status", .cases(of: DossierStatus.self)), .query("pipDeadlineVoor", .date, "Only files whose PIP deadline lies before this day."),
                .query("pagina", .integer(minimum: 1, maximum: 100_000)), .query("perPagina", .integer(minimum: 1, maximum: maxPerPage)),
            ],
            responses: ["200": .init("A page of the caseload.", schema: page), "400": problem("A filter or paging value is not acceptable (named).")]))
        document.add("GET", "/api/v1/inburgeraars/{id}", .init(
            operationId: "getDossier", summary: "One person's file with its history (audited).", tag: "intake", authenticated: true,
            parameters: [id], responses: ["200": .init("The file."), "403": problem("The file belongs to another municipality."), "404": notFound]))
        document.add("PUT", "/api/v1/inburgeraars/{id}/brede-intake/{onderdeel}", .init(
            operationId: "recordBredeIntakePart",
            summary: "Records one part of the brede intake (docs/intake.md lists the parts and their fields); every part is encrypted at rest.",
            tag: "intake", authenticated: true, parameters: [id, .path("onderdeel", .cases(of: BredeIntakeOnderdeel.self))],
            body: .object([
                "toelichting": .string(), "niveau": .string(), "jaren": .integer(), "score": .integer(), "datum": .date,
                "doel": .cases(of: Hoofddoel.self),
            ]),
            responses: [
                "200": .init("The part as recorded."), "400": problem("A field the part needs is missing or not acceptable (named)."),
                "403": problem("The file belongs to another municipality."), "404": problem("No file with this id, or no such part."),
                "409": problem("The file is closed."),
            ]))
        document.add("POST", "/api/v1/inburgeraars/{id}/afronden", .init(
            operationId: "completeIntake", summary: "Completes the brede intake; announces intake.afgerond with the summary the PIP needs.",
            tag: "intake", authenticated: true, parameters: [id],
            responses: [
                "200": .init("Completed.", schema: .object(["status": .oneOf(["afgerond"])], required: ["status"])), "403": problem("The file belongs to another municipality."), "404": notFound,
                "409": problem("Parts are missing (named), or the file is closed."),
            ]))
        document.add("POST", "/api/v1/inburgeraars", .init(
            operationId: "registerInburgeraar", summary: "Registers a gezinsmigrant or overige migrant by hand in the klantmanager's municipality.",
            tag: "intake", authenticated: true,
            body: .object(
                ["bsn": .bsn, "naam": .string(), "geboortedatum": .date, "doelgroep": .cases(of: Doelgroep.self), "registratiedatum": .date],
                required: ["bsn", "naam", "geboortedatum", "doelgroep", "registratiedatum"]),
            responses: [
                "201": .init("The new file's id.", schema: .object(["id": .uuid], required: ["id"])), "400": problem("A field is not acceptable (named): a BSN that fails the elfproef, a date to come, …"),
                "409": problem("The region has an open file for this person already."),
            ]))
        document.add("POST", "/api/v1/inburgeraars/{id}/uitnodigingen", .init(
            operationId: "invite", summary: "Invites the person to an intake conversation on a day within a year of today.", tag: "intake",
            authenticated: true, parameters: [id], body: .object(["datum": .date], required: ["datum"]),
            responses: ["201": .init("The invitation.", schema: invitation), "403": problem("The file belongs to another municipality."), "404": notFound, "409": conflict]))
        document.add("POST", "/api/v1/inburgeraars/{id}/uitnodigingen/{nummer}/opkomst", .init(
            operationId: "recordAttendance", summary: "Records whether the person came; a no-show answers with its consequence.",
            tag: "intake", authenticated: true, parameters: [id, .path("nummer", .string(pattern: "^[0-9]+$"))],
            body: .object(["verschenen": .boolean], required: ["verschenen"]),
            responses: [
                "200": .init(
                    "Recorded, with the no-show's consequence if any.",
                    schema: .object(["gevolg": .cases(of: NoShowGeregistreerd.Gevolg.self)])), "403": problem("The file belongs to another municipality."),
                "404": problem("No file with this id, or no such invitation."), "409": conflict,
            ]))
        document.add("POST", "/api/v1/inburgeraars/{id}/verhuizing", .init(
            operationId: "moveFile", summary: "Moves the file, with its history, to another municipality of the region.",
            tag: "intake", authenticated: true, parameters: [id],
            body: .object(["gemeente": .oneOf(gemeenten.map(\.rawValue))], required: ["gemeente"]),
            responses: ["200": .init("Moved.", schema: .object(["gemeente": gemeente], required: ["gemeente"])), "403": problem("The file belongs to another municipality."), "404": notFound, "409": conflict]))
        document.add("POST", "/api/v1/inburgeraars/{id}/pip-deadline", .init(
            operationId: "extendPipDeadline", summary: "Extends the PIP deadline, with a reason.", tag: "intake", authenticated: true,
            parameters: [id], body: .object(["deadline": .date, "reden": .string()], required: ["deadline", "reden"]),
            responses: [
                "200": .init("Extended.", schema: .object(["deadline": .date, "reden": .string()], required: ["deadline", "reden"])), "400": problem("The reason is missing or longer than 2,000 characters."),
                "403": problem("The file belongs to another municipality."), "404": notFound,
                "409": problem("The new deadline does not lie after the current one, or the file is closed."),
            ]))
        document.add("GET", "/api/v1/audit", .init(
            operationId: "listAudit", summary: "Who read or tried to read which file, newest first (operators); filter: inburgeraar.",
            tag: "intake", authenticated: true, parameters: [.query("inburgeraar", .uuid, "Only this file's entries.")],
            responses: ["200": .init("The audit trail."), "400": problem("inburgeraar is not a file id.")]))
    }
}
