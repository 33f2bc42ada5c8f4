package import Foundation

/// A notification as DUO's Notificatie API 1.8 sends it: that something happened to a
/// person, and nothing more; the details are asked of DUO with the API that belongs to the
/// event (docs/duo-interface-notes.md).
package struct DuoNotificatie: Sendable, Equatable {
    package var registratieDatumTijd: Date
    package var gebeurtenisId: String
    package var bsn: String?
    package var vNummer: Int64?

    /// The codes intake acts on, and what each means. Any other code that fits DUO's
    /// pattern is accepted, stored and listed for the operator, never dropped.
    package static let handled: [String: String] = [
        "SS101": "inburgeringsplichtig", "SS139": "10 weken voor de PIP gestart", "SS120": "gevestigd zonder eerder PIP",
        "SS121": "gevestigd met PIP van een vorige gemeente", "SS124": "doelgroep gewijzigd", "SS125": "doelgroep gewijzigd",
        "SS110": "plicht ingetrokken", "SS111": "overleden", "SS137": "aangemeld voor de leerbaarheidstoets",
        "SS131": "resultaat leerbaarheidstoets", "SS102": "inburgeringstermijn gestart", "SS103": "termijn verlengd",
        "SS104": "termijn verlengd",
    ]

    /// The body as DUO's schema has it.
    private struct Body: Decodable {
        var registratieDatumTijd: String
        var gebeurtenisId: String
        var bsn: String?
        var vNummer: Int64?
    }

    /// Reads and checks a body against DUO's schema; the error names the field, never its value.
    package static func parse(_ bytes: [UInt8]) throws(DuoFout) -> DuoNotificatie {
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            throw DuoFout("\(key.stringValue) ontbreekt")
        } catch let DecodingError.valueNotFound(_, context) {
            throw DuoFout("\(context.codingPath.map(\.stringValue).joined(separator: ".")) ontbreekt")
        } catch let DecodingError.typeMismatch(_, context) {
            throw DuoFout("\(context.codingPath.map(\.stringValue).joined(separator: ".")) heeft het verkeerde type")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw DuoFout("\(context.codingPath.map(\.stringValue).joined(separator: ".")) is ongeldig")
        } catch {
            throw DuoFout("de body is geen JSON-object volgens de Notificatie API")
        }
        guard let registratie = dateTime(body.registratieDatumTijd) else { throw DuoFout("registratieDatumTijd is geen date-time") }
        guard body.gebeurtenisId.range(of: "^[0-9A-Z]{1,6}$", options: .regularExpression) != nil else {
            throw DuoFout("gebeurtenisId voldoet niet aan ^[0-9A-Z]{1,6}$")
        }
        if let bsn = body.bsn, bsn.range(of: "^[0-9]{9}$", options: .regularExpression) == nil { throw DuoFout("bsn moet 9 cijfers zijn") }
        if let vNummer = body.vNummer, !(0...9_999_999_999).contains(vNummer) { throw DuoFout("vNummer moet van 0 tot 9999999999 zijn") }
        return DuoNotificatie(registratieDatumTijd: registratie, gebeurtenisId: body.gebeurtenisId, bsn: body.bsn, vNummer: body.vNummer)
    }

    /// An RFC 3339 date-time, with or without fractional seconds (any number of digits) and
    /// with `Z` or an offset.
    package static func dateTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let fraction = text.range(of: #"\.[0-9]+"#, options: .regularExpression) else { return formatter.date(from: text) }
        guard let whole = formatter.date(from: text.replacingCharacters(in: fraction, with: "")),
            let seconds = Double("0" + text[fraction])
        else { return nil }
        return whole.addingTimeInterval(seconds)
    }
}

/// An answer in DUO's error shape: `{"fouttekst": "…"}` (at most 200 characters).
package struct DuoFout: Error, Encodable {
    package let fouttekst: String
    package init(_ fouttekst: String) { self.fouttekst = String(fouttekst.prefix(200)) }
}
