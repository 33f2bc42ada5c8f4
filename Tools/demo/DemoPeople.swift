import Foundation
import Models
import ServiceKit

/// The demo's generated people: the same list for the same count, with BSNs from the range
/// set aside for tests (999990000–999999999) that pass the elfproef.
struct DemoPerson: Sendable {
    var index: Int
    var bsn: String
    var naam: String
    var geboortedatum: LocalDate
    var gemeente: GemeenteCode
    var koppeldatum: LocalDate
    /// The leerbaarheidstoets score DUO reports, for two in three people.
    var lbtScore: Int?

    static let voornamen = ["Amal", "Yonas", "Rahel", "Omar", "Lina", "Dawit", "Sara", "Hamid", "Noor", "Tesfay", "Huda", "Karim"]
    static let achternamen = ["Haddad", "Tesfaye", "Kebede", "Nasser", "Rahimi", "Abebe", "Mansour", "Yousef", "Haile", "Azizi", "Saleh", "Bekele"]

    /// `count` people, spread over `gemeenten`, linked over the last 12 weeks before `today` (so some PIP deadlines are near or passed).
    static func generate(count: Int, gemeenten: [GemeenteCode], today: LocalDate) -> [DemoPerson] {
        var bsns: [String] = []
        var candidate = 999_990_000
        while bsns.count < count && candidate <= 999_999_999 {
            if let bsn = try? BSN(String(candidate)) { bsns.append(bsn.digits) }
            candidate += 1
        }
        return bsns.enumerated().map { index, bsn in
            DemoPerson(
                index: index, bsn: bsn,
                naam: "\(voornamen[index % voornamen.count]) \(achternamen[(index / voornamen.count + index) % achternamen.count])",
                geboortedatum: LocalDate(year: 1970 + (index * 7) % 36, month: 1 + index % 12, day: 1 + index % 28)!,
                gemeente: gemeenten[index % gemeenten.count],
                koppeldatum: today.adding(days: -((index * 7) % 84)),
                lbtScore: index % 3 == 0 ? nil : (index % 3 == 1 ? 72 : 38))
        }
    }
}
