import Foundation
import Models

/// A request to record a version of a register entry: the entry as it is to be, and why.
struct Wijziging<Inhoud: Decodable & Sendable>: Decodable, Sendable {
    /// Why, for the version's history (1 to 2,000 characters).
    var reden: String
    var inhoud: Inhoud
}

/// A request to import a whole register document.
struct RegisterImport: Decodable, Sendable {
    var reden: String
    var register: Register
}

/// The reason given for a change must say something.
func requireReden(_ reden: String) throws {
    guard !reden.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, reden.count <= 2000 else {
        throw DomainError.invalid("reden", "must say why (1 to 2000 characters)")
    }
}
