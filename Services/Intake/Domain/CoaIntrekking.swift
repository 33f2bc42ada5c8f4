import Foundation
package import Models

/// The `data` of COA's `coa.koppeling.ingetrokken` webhook.
package struct CoaIntrekking: Decodable, Sendable {
    package var koppelingId: String
    /// COA's reason, kept in the file's history only.
    package var reden: String?

    package func problem() -> DomainError.FieldProblem? {
        if !(1...64).contains(koppelingId.count) { return .init(name: "koppelingId", reason: "must be 1 to 64 characters") }
        if let reden, reden.count > 2000 { return .init(name: "reden", reason: "must be at most 2,000 characters") }
        return nil
    }
}
