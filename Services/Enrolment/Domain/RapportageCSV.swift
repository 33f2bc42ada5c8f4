import Foundation
package import Models

/// A provider's reports as a CSV file (docs/enrolment.md, "Reports"): UTF-8, a header row
/// naming the columns, `;` or `,` as the header shows, fields quoted with `"` where they
/// hold the separator. Every row is checked; one bad row refuses the file, each problem
/// named by the file's line and the column (`regels[7].uren_gevolgd`).
package enum RapportageCSV {
    /// One row: its line in the file, the person's BSN, and the report.
    package struct Regel: Sendable {
        package var regel: Int
        package var bsn: BSN
        package var rapportage: Rapportage
    }

    /// The columns, as the header names them; `bsn`, `periode` and `uren_gevolgd` are required.
    package static let kolommen = [
        "bsn", "periode", "cursus", "startdatum", "einddatum", "uren_ingekocht", "uren_gevolgd", "verzuim_geoorloofd", "verzuim_ongeoorloofd",
        "voortgang_lezen", "voortgang_luisteren", "voortgang_schrijven", "voortgang_spreken", "pvt_afgerond", "map_afgerond", "knm_afgerond",
        "uitval_reden", "afgerond",
    ]
    static let verplicht = ["bsn", "periode", "uren_gevolgd"]

    /// The rows of `text`, or every problem found.
    package static func parse(_ text: String) throws(DomainError) -> [Regel] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first.map({ String($0).trimmingPrefix("\u{FEFF}") }), !header.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError.invalid("regels[1]", "must be the header row naming the columns (docs/enrolment.md)")
        }
        let separator: Character = header.filter { $0 == ";" }.count >= header.filter { $0 == "," }.count ? ";" : ","
        let names = fields(String(header), separator).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [DomainError.FieldProblem] = []
        for (index, name) in names.enumerated() where !kolommen.contains(name) {
            problems.append(.init(name: "regels[1].\(name.isEmpty ? "kolom \(index + 1)" : name)", reason: "is not a column of the report (docs/enrolment.md lists them)"))
        }
        for name in verplicht where !names.contains(name) { problems.append(.init(name: "regels[1]", reason: "has no column \(name), which is required")) }
        guard problems.isEmpty else { throw DomainError(.invalidInput, "the header row is not acceptable; nothing was taken", fields: problems) }
        var regels: [Regel] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = offset + 1
            let values = fields(String(line), separator)
            guard values.count == names.count else {
                problems.append(.init(name: "regels[\(number)]", reason: "has \(values.count) fields; the header has \(names.count)"))
                continue
            }
            var row: [String: String] = [:]
            for (name, value) in zip(names, values) {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { row[name] = trimmed }
            }
            var rowProblems: [DomainError.FieldProblem] = []
            func problem(_ column: String, _ reason: String) { rowProblems.append(.init(name: "regels[\(number)].\(column)", reason: reason)) }
            func datum(_ column: String) -> LocalDate? {
                guard let text = row[column] else { return nil }
                guard let date = LocalDate(iso8601: text) else { problem(column, "must be a date as yyyy-MM-dd"); return nil }
                return date
            }
            func getal(_ column: String) -> Int? {
                guard let text = row[column] else { return nil }
                guard let number = Int(text) else { problem(column, "must be a whole number of hours"); return nil }
                return number
            }
            func niveau(_ column: String) -> Taalniveau? {
                guard let text = row[column] else { return nil }
                guard let level = Taalniveau(rawValue: text.uppercased()) else { problem(column, "must be a level: A0, A1, A2, B1 or B2"); return nil }
                return level
            }
            let bsn: BSN? = row["bsn"].flatMap { try? BSN($0) }
            if bsn == nil { problem("bsn", "must be a BSN of nine digits that passes the elfproef") }
            if row["periode"] == nil { problem("periode", "is required") }
            if row["uren_gevolgd"] == nil { problem("uren_gevolgd", "is required") }
            let rapportage = Rapportage(
                periode: row["periode"] ?? "", cursus: row["cursus"], startdatum: datum("startdatum"), einddatum: datum("einddatum"),
                urenIngekocht: getal("uren_ingekocht"), urenGevolgd: getal("uren_gevolgd") ?? 0, verzuimGeoorloofd: getal("verzuim_geoorloofd") ?? 0,
                verzuimOngeoorloofd: getal("verzuim_ongeoorloofd") ?? 0, voortgangLezen: niveau("voortgang_lezen"), voortgangLuisteren: niveau("voortgang_luisteren"),
                voortgangSchrijven: niveau("voortgang_schrijven"), voortgangSpreken: niveau("voortgang_spreken"), pvtAfgerond: datum("pvt_afgerond"),
                mapAfgerond: datum("map_afgerond"), knmAfgerond: datum("knm_afgerond"), uitvalReden: row["uitval_reden"], afgerond: datum("afgerond"))
            if row["periode"] != nil {
                for field in rapportage.problemen { problem(column(field.name), field.reason) }
            }
            problems += rowProblems
            if rowProblems.isEmpty, let bsn { regels.append(Regel(regel: number, bsn: bsn, rapportage: rapportage)) }
        }
        guard problems.isEmpty else {
            throw DomainError(.invalidInput, "\(problems.count) problem(s) in the file, each named by line and column; nothing was taken", fields: problems)
        }
        return regels
    }

    /// The CSV column of a report field: `urenGevolgd` is `uren_gevolgd`.
    static func column(_ field: String) -> String {
        field.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }

    /// The fields of one line: separated by `separator`, `"…"` quoting with `""` for a quote.
    static func fields(_ line: String, _ separator: Character) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; if next == separator { fields.append(current); current = "" } else { current.append(next) } }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else if character == separator {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
