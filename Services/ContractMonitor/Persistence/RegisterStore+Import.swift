import ContractMonitorDomain
import GRDB
import Models

/// What an import did, entry by entry.
struct ImportResultaat: Encodable, Sendable {
    /// One entry, by kind and id, with its new version where one was made.
    struct Entry: Encodable, Sendable, Equatable {
        var soort: String
        var id: String
        var versie: Int?
    }

    var aangemaakt: [Entry] = []
    var gewijzigd: [Entry] = []
    var ongewijzigd: [Entry] = []
    /// In the register but not in the document: left as they are (end a contract explicitly).
    var nietInBestand: [Entry] = []
}

extension RegisterStore {
    /// Brings the register in line with `document` as one change: every entry that is new or
    /// differs gets its next version, by `auteur` for `reden`; the rest stay. The document
    /// is validated as a whole first, and with one problem nothing is written.
    func importeer(
        _ document: Register, validatie: RegisterValidatie, reden: String, auteur: String, in db: Database
    ) throws -> ImportResultaat {
        let problemen = validatie.problemen(document)
        guard problemen.isEmpty else {
            throw DomainError(
                .invalidInput, "the register has \(problemen.count) problem(s), each named below; nothing was imported", fields: problemen)
        }
        try recordGemeenten(document.gemeenten, in: db)
        var resultaat = ImportResultaat()
        try importeer(document.aanbieders, reden: reden, auteur: auteur, into: &resultaat, in: db)
        try importeer(document.percelen, reden: reden, auteur: auteur, into: &resultaat, in: db)
        try importeer(document.contracten, reden: reden, auteur: auteur, into: &resultaat, in: db)
        return resultaat
    }

    private func importeer<T: RegisterItem>(
        _ items: [T], reden: String, auteur: String, into resultaat: inout ImportResultaat, in db: Database
    ) throws {
        let inBestand = Set(items.map(\.id))
        for item in items {
            let entry = ImportResultaat.Entry(soort: T.soort.rawValue, id: item.id)
            if let versie = try record(item, reden: reden, auteur: auteur, in: db) {
                var made = entry
                made.versie = versie.versie
                if versie.versie == 1 { resultaat.aangemaakt.append(made) } else { resultaat.gewijzigd.append(made) }
            } else {
                resultaat.ongewijzigd.append(entry)
            }
        }
        for versie in try current(T.self, in: db) where !inBestand.contains(versie.inhoud.id) {
            resultaat.nietInBestand.append(.init(soort: T.soort.rawValue, id: versie.inhoud.id))
        }
    }
}
