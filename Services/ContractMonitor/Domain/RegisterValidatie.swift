import Foundation
package import Models

/// The rules an entry of the contract register, and the register as a whole, must keep: each
/// broken rule is one field problem named by its JSON path, so that the API names the field
/// and `inburgeringctl contracts import` the line (docs/contracts.md, "Rules").
package struct RegisterValidatie: Sendable {
    /// The region's municipalities (`region.gemeenten`).
    package let regio: Set<GemeenteCode>

    package init(regio: [GemeenteCode]) { self.regio = Set(regio) }

    /// Every problem of a whole register, under `path` (the document's field).
    package func problemen(_ register: Register, at path: String = "register") -> [DomainError.FieldProblem] {
        var problemen = Problemen()
        for (index, gemeente) in register.gemeenten.enumerated() {
            let at = "\(path).gemeenten[\(index)]"
            problemen.check(regio.contains(gemeente.code), at, "code", "is not one of the region's municipalities (region.gemeenten)")
            problemen.check(Problemen.filled(gemeente.naam), at, "naam", "must be the municipality's name (1 to 200 characters)")
        }
        problemen.add(uniek(register.gemeenten.map(\.code.rawValue), at: path + ".gemeenten", field: "code"))
        let aanbieders = Set(register.aanbieders.map(\.id))
        for (index, aanbieder) in register.aanbieders.enumerated() {
            problemen.add(self.problemen(aanbieder, at: "\(path).aanbieders[\(index)]"))
        }
        problemen.add(uniek(register.aanbieders.map(\.id), at: path + ".aanbieders", field: "id"))
        problemen.add(uniek(register.aanbieders.map(\.instellingsnummer), at: path + ".aanbieders", field: "instellingsnummer"))
        for (index, perceel) in register.percelen.enumerated() {
            problemen.add(self.problemen(perceel, at: "\(path).percelen[\(index)]", aanbieders: aanbieders))
        }
        problemen.add(uniek(register.percelen.map(\.id), at: path + ".percelen", field: "id"))
        let percelen = Dictionary(register.percelen.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, contract) in register.contracten.enumerated() {
            problemen.add(self.problemen(contract, at: "\(path).contracten[\(index)]", percelen: percelen, aanbieders: aanbieders))
        }
        problemen.add(uniek(register.contracten.map(\.id), at: path + ".contracten", field: "id"))
        return problemen.all
    }

    /// The problems of one provider.
    package func problemen(_ aanbieder: Aanbieder, at path: String) -> [DomainError.FieldProblem] {
        var problemen = Problemen()
        problemen.check(Self.isID(aanbieder.id), path, "id", Self.idRule)
        problemen.check(Problemen.filled(aanbieder.naam), path, "naam", "must be the provider's name (1 to 200 characters)")
        problemen.check(
            Problemen.matches(aanbieder.instellingsnummer, length: 10...10, Problemen.isUpperAlphanumeric), path, "instellingsnummer",
            "must be DUO's instellingsnummer: 10 capital letters or digits")
        if let bow = aanbieder.bowNummer {
            problemen.check(Problemen.matches(bow, length: 1...10, Problemen.isDigit), path, "bowNummer", "must be Blik op Werk's number: 1 to 10 digits")
        }
        if let brin = aanbieder.brin {
            problemen.check(
                Problemen.matches(brin, length: 4...4, Problemen.isUpperAlphanumeric) && brin.prefix(2).allSatisfy(Problemen.isDigit), path, "brin",
                "must be a BRIN: two digits and two capital letters or digits, e.g. 25LX")
        }
        problemen.check(Problemen.filled(aanbieder.contact.naam), path, "contact.naam", "must name the contact (1 to 200 characters)")
        problemen.check(Self.isEmail(aanbieder.contact.email), path, "contact.email", "must be an e-mail address such as rapportage@aanbieder.nl")
        if let telefoon = aanbieder.contact.telefoon {
            problemen.check(
                Problemen.matches(telefoon, length: 6...20, { Problemen.isDigit($0) || " +-()".contains($0) }), path, "contact.telefoon",
                "must be a phone number (6 to 20 digits, spaces, +, - or brackets)")
        }
        for soort in Keurmerk.Soort.allCases {
            guard let keurmerk = aanbieder.keurmerk(soort) else { continue }
            let field = soort == .bow ? "bowKeurmerk" : "tstKeurmerk"
            if let vervaldatum = keurmerk.vervaldatum {
                problemen.check(vervaldatum >= keurmerk.ingangsdatum, path, field + ".vervaldatum", "must not lie before the ingangsdatum")
            }
            if let toelichting = keurmerk.toelichting {
                problemen.check(toelichting.count <= 500, path, field + ".toelichting", "must be at most 500 characters")
            }
        }
        problemen.check(
            aanbieder.bowKeurmerk == nil || aanbieder.bowNummer != nil, path, "bowNummer", "is required with a Blik op Werk keurmerk")
        return problemen.all
    }

    /// The problems of one perceel, whose shares must name providers in `aanbieders`.
    package func problemen(_ perceel: Perceel, at path: String, aanbieders: Set<String>) -> [DomainError.FieldProblem] {
        var problemen = Problemen()
        problemen.check(Self.isID(perceel.id), path, "id", Self.idRule)
        problemen.check(Problemen.filled(perceel.naam), path, "naam", "must name the perceel (1 to 200 characters)")
        problemen.check(!perceel.gemeenten.isEmpty, path, "gemeenten", "must name at least one municipality")
        for (index, gemeente) in perceel.gemeenten.enumerated() {
            problemen.check(regio.contains(gemeente), path, "gemeenten[\(index)]", "is not one of the region's municipalities (region.gemeenten)")
        }
        problemen.add(uniek(perceel.gemeenten.map(\.rawValue), at: path + ".gemeenten", field: nil))
        problemen.check(!perceel.aandelen.isEmpty, path, "aandelen", "must give at least one provider's share")
        for (index, aandeel) in perceel.aandelen.enumerated() {
            let at = "\(path).aandelen[\(index)]"
            problemen.check(aanbieders.contains(aandeel.aanbiederId), at, "aanbiederId", "is not a provider of the register")
            problemen.check((1...100).contains(aandeel.procent), at, "procent", "must be 1 to 100")
        }
        problemen.add(uniek(perceel.aandelen.map(\.aanbiederId), at: path + ".aandelen", field: "aanbiederId"))
        if !perceel.aandelen.isEmpty {
            let total = perceel.aandelen.reduce(0) { $0 + $1.procent }
            problemen.check(total == 100, path, "aandelen", "must add up to 100 percent (they add up to \(total))")
        }
        return problemen.all
    }

    /// The problems of one contract: its perceel must be in `percelen`, its provider in
    /// `aanbieders` and among the perceel's shares.
    package func problemen(
        _ contract: Contract, at path: String, percelen: [String: Perceel], aanbieders: Set<String>
    ) -> [DomainError.FieldProblem] {
        var problemen = Problemen()
        problemen.check(Self.isID(contract.id), path, "id", Self.idRule)
        let perceel = percelen[contract.perceelId]
        problemen.check(perceel != nil, path, "perceelId", "is not a perceel of the register")
        problemen.check(aanbieders.contains(contract.aanbiederId), path, "aanbiederId", "is not a provider of the register")
        if let perceel, aanbieders.contains(contract.aanbiederId) {
            problemen.check(
                perceel.aandelen.contains { $0.aanbiederId == contract.aanbiederId }, path, "aanbiederId",
                "holds no share of perceel \(perceel.id): add it to the perceel's aandelen first")
        }
        problemen.check(contract.einddatum >= contract.startdatum, path, "einddatum", "must not lie before the startdatum")
        var laatste = contract.einddatum
        for (index, verlenging) in contract.verlengingen.enumerated() {
            problemen.check(verlenging > laatste, path, "verlengingen[\(index)]", "must lie after the einddatum and the extensions before it")
            laatste = max(laatste, verlenging)
        }
        let periode = contract.startdatum...max(contract.startdatum, laatste)
        problemen.check((1...100_000_000).contains(contract.prijs.bedragCent), path, "prijs.bedragCent", "must be 1 to 100000000 cents")
        for (index, capaciteit) in contract.capaciteit.enumerated() {
            let at = "\(path).capaciteit[\(index)]"
            problemen.check(capaciteit.tot >= capaciteit.van, at, "tot", "must not lie before van")
            problemen.check(periode.contains(capaciteit.van) && periode.contains(capaciteit.tot), at, "", "must lie within the contract's period and extensions")
            problemen.check((0...100_000).contains(capaciteit.plaatsen), at, "plaatsen", "must be 0 to 100000")
        }
        for (index, moment) in contract.instroommomenten.enumerated() {
            let at = "\(path).instroommomenten[\(index)]"
            problemen.check(periode.contains(moment.datum), at, "datum", "must lie within the contract's period and extensions")
            problemen.check((1...10_000).contains(moment.plaatsen), at, "plaatsen", "must be 1 to 10000")
        }
        problemen.add(uniek(contract.instroommomenten.map(\.datum.description), at: path + ".instroommomenten", field: "datum"))
        problemen.add(normProblemen(contract.normen, at: path + ".normen"))
        if let beeindiging = contract.beeindiging {
            problemen.check(periode.contains(beeindiging.datum), path, "beeindiging.datum", "must lie within the contract's period and extensions")
            problemen.check(Problemen.filled(beeindiging.reden, limit: 2000), path, "beeindiging.reden", "must give the reason (1 to 2000 characters)")
        }
        return problemen.all
    }

    private func normProblemen(_ normen: Contractnormen, at path: String) -> [DomainError.FieldProblem] {
        var problemen = Problemen()
        problemen.check((1...730).contains(normen.maxWachttijdDagen), path, "maxWachttijdDagen", "must be 1 to 730 days")
        for (field, value) in [
            ("minAanwezigheidProcent", normen.minAanwezigheidProcent), ("maxVerzuimProcent", normen.maxVerzuimProcent),
            ("minSlagingProcent", normen.minSlagingProcent), ("maxUitvalProcent", normen.maxUitvalProcent),
        ] {
            problemen.check((0...100).contains(value), path, field, "must be a percentage, 0 to 100")
        }
        problemen.check((1...10).contains(normen.minTevredenheid), path, "minTevredenheid", "must be a mark from 1 to 10")
        problemen.check((1...365).contains(normen.rapportageTermijnDagen), path, "rapportageTermijnDagen", "must be 1 to 365 days")
        return problemen.all
    }

    /// A problem for each value that occurs before, named by its place in `path`.
    private func uniek(_ values: [String], at path: String, field: String?) -> [DomainError.FieldProblem] {
        var seen: Set<String> = []
        var problems: [DomainError.FieldProblem] = []
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            problems.append(.init(name: "\(path)[\(index)]" + (field.map { "." + $0 } ?? ""), reason: "occurs twice; each must be unique"))
        }
        return problems
    }

    static let idRule = "must be 1 to 64 lowercase letters, digits or dashes, starting with a letter or digit"

    /// Whether `id` may name an entry: it becomes part of paths and token scopes.
    static func isID(_ id: String) -> Bool {
        guard let first = id.first, ("a"..."z").contains(first) || Problemen.isDigit(first) else { return false }
        return id.count <= 64 && id.allSatisfy { ("a"..."z").contains($0) || Problemen.isDigit($0) || $0 == "-" }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
