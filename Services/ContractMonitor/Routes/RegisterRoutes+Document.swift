import ContractMonitorDomain
import Models
import ServiceKit

/// How the register's routes are described in contract-monitor's OpenAPI document.
extension RegisterRoutes {
    static func describe(in document: inout OpenAPIDocument) {
        let invalid = OpenAPIDocument.Response.problem("A field is not acceptable, or a rule of the register is broken (each named in invalidParams).")
        describeEntries("aanbieder", "aanbieders", "Aanbieder", RegisterSchemas.aanbieder, in: &document, invalid: invalid, extra: [
            "503": .problem("DUO's list of institutions could not be read to check the instellingsnummer."),
        ])
        describeEntries("perceel", "percelen", "Perceel", RegisterSchemas.perceel, in: &document, invalid: invalid)
        describeEntries("contract", "contracten", "Contract", RegisterSchemas.contract, in: &document, invalid: invalid)
        document.add("POST", "/api/v1/contracten/{id}/beeindiging", .init(
            operationId: "endContract", summary: "Ends a contract on a day within its period (a new version); contractmanagers only.",
            tag: "contracten", authenticated: true, body: RegisterSchemas.beeindiging,
            responses: [
                "200": .init("The contract's new version.", schema: RegisterSchemas.versie(RegisterSchemas.contract)), "400": invalid,
                "404": .problem("No contract with this id."), "409": .problem("The contract was ended already."),
            ]))
        document.add("GET", "/api/v1/register", .init(
            operationId: "exportRegister", summary: "The whole register as one document (what `inburgeringctl contracts export` writes); operators and contractmanagers.",
            tag: "register", authenticated: true, responses: ["200": .init("The register.", schema: RegisterSchemas.register)]))
        document.add("PUT", "/api/v1/register", .init(
            operationId: "importRegister",
            summary: "Imports a register document as one change: new and changed entries get their next version, the rest stay; with one problem nothing is imported.",
            tag: "register", authenticated: true,
            body: .object(["reden": .string(minLength: 1, maxLength: 2000), "register": RegisterSchemas.register], required: ["reden", "register"]),
            responses: [
                "200": .init("What the import did, entry by entry.", schema: .object(
                    ["aangemaakt": .array(of: .anyObject), "gewijzigd": .array(of: .anyObject), "ongewijzigd": .array(of: .anyObject), "nietInBestand": .array(of: .anyObject)],
                    required: ["aangemaakt", "gewijzigd", "ongewijzigd", "nietInBestand"])),
                "400": invalid, "503": .problem("DUO's list of institutions could not be read to check the instellingsnummers."),
            ]))
        document.add("GET", "/api/v1/instellingen", .init(
            operationId: "listInstellingen", summary: "DUO's list of institutions as contract-monitor last read it (GET /instellingen at DUO).",
            tag: "instellingen", authenticated: true,
            responses: ["200": .init("The list and when it was read.", schema: .object(
                ["gelezenOp": .dateTime, "instellingen": .array(of: .anyObject)], required: ["instellingen"]))]))
        document.add("POST", "/api/v1/instellingen/synchronisaties", .init(
            operationId: "syncInstellingen", summary: "Reads DUO's list of institutions now, as a durable job; operators and contractmanagers.",
            tag: "instellingen", authenticated: true,
            responses: [
                "202": .init("The sync is queued; `job` is its key.", schema: .object(["job": .string()], required: ["job"])),
                "409": .problem("The service is not connected to DUO."),
            ]))
    }

    private static func describeEntries(
        _ name: String, _ plural: String, _ title: String, _ schema: JSONSchema, in document: inout OpenAPIDocument,
        invalid: OpenAPIDocument.Response, extra: [String: OpenAPIDocument.Response] = [:]
    ) {
        let versie = RegisterSchemas.versie(schema)
        let notFound = OpenAPIDocument.Response.problem("No \(name) with this id.")
        document.add("GET", "/api/v1/\(plural)", .init(
            operationId: "list\(title)s", summary: "The current version of every \(name); an aanbieder's token sees only its own.", tag: plural,
            authenticated: true, responses: ["200": .init("The \(plural).", schema: .array(of: versie))]))
        document.add("POST", "/api/v1/\(plural)", .init(
            operationId: "create\(title)", summary: "Registers a \(name) as its version 1, with the reason; contractmanagers only.", tag: plural,
            authenticated: true, body: RegisterSchemas.wijziging(schema),
            responses: ["201": .init("Version 1.", schema: versie), "400": invalid, "409": .problem("A \(name) with this id exists.")].merging(extra) { $1 }))
        document.add("GET", "/api/v1/\(plural)/{id}", .init(
            operationId: "get\(title)", summary: "The current version of one \(name).", tag: plural, authenticated: true,
            responses: ["200": .init("The \(name).", schema: versie), "404": notFound]))
        document.add("PUT", "/api/v1/\(plural)/{id}", .init(
            operationId: "change\(title)", summary: "Records the \(name) as its next version, with the reason (unchanged: the current one); contractmanagers only.",
            tag: plural, authenticated: true, body: RegisterSchemas.wijziging(schema),
            responses: ["200": .init("The version now current.", schema: versie), "400": invalid, "404": notFound].merging(extra) { $1 }))
        document.add("GET", "/api/v1/\(plural)/{id}/versies", .init(
            operationId: "list\(title)Versions", summary: "Every version of one \(name), oldest first, with author and reason.", tag: plural,
            authenticated: true, responses: ["200": .init("The versions.", schema: .array(of: versie)), "404": notFound]))
    }
}
