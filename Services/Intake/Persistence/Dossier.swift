import Foundation
import IntakeDomain
import Models

/// One person's file as a case worker sees it.
struct Dossier: Encodable, Sendable {
    /// One change of the file: when, by whom (a token id, or `coa`), what, and the status after.
    struct Change: Codable, Sendable, Equatable {
        var at: Date
        var actor: String
        var change: String
        var status: DossierStatus
        var note: String?
    }

    /// The file's own columns.
    var file: DossierRecord
    /// The recorded parts of the brede intake, by part (`gezondheid` included: only the
    /// person's own klantmanager reads a file).
    var bredeIntake: [String: BredeIntakeInvoer]
    var uitnodigingen: [Uitnodiging]
    var history: [Change]

    enum CodingKeys: String, CodingKey {
        case bredeIntake, uitnodigingen, history
    }

    /// One flat object: the file's columns, then its parts, invitations and history.
    func encode(to encoder: any Encoder) throws {
        try file.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bredeIntake, forKey: .bredeIntake)
        try container.encode(uitnodigingen, forKey: .uitnodigingen)
        try container.encode(history, forKey: .history)
    }
}
