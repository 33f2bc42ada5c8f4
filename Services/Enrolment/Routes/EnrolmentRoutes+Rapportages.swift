import EnrolmentDomain
import Foundation
import GRDB
import Hummingbird
import Models
import ServiceKit

extension EnrolmentRoutes {
    /// `POST /api/v1/aanbieders/{id}/rapportages`: a provider's reports as one CSV file
    /// (`text/csv`), what `inburgeringctl enrolment import-csv` sends. The provider itself,
    /// or an operator on its behalf.
    func installRapportages(on api: RouterGroup<ServiceRequestContext>) {
        api.post("aanbieders/{id}/rapportages") { request, context in
            let principal = try context.requirePrincipal()
            let aanbieder = try context.parameters.require("id")
            guard principal.role == .aanbieder(aanbieder) || principal.role == .operator else {
                throw DomainError.forbidden("a provider uploads its own reports (or an operator for it); this token is a \(principal.role.description)")
            }
            guard request.headers[.contentType]?.lowercased().hasPrefix("text/csv") == true else {
                throw ProblemDetails(
                    status: .unsupportedMediaType, type: "urn:inburgering:problem:unsupported-media-type", title: "Unsupported media type",
                    detail: "send the reports as CSV with Content-Type: text/csv; charset=utf-8")
            }
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
                throw DomainError.invalid("body", "must be UTF-8 text")
            }
            let regels = try RapportageCSV.parse(text)
            return try Response.json(try await database.write { [store] db in
                try store.ontvang(regels.map { ("regels[\($0.regel)].bsn", .bsn($0.bsn), $0.rapportage) }, van: aanbieder, bron: "csv", in: db)
            })
        }
    }
}
