import Foundation
import Models

/// A PIP version as a readable, printable decision letter (beschikking) in Dutch: route and
/// reasons, components, hours, term, and the bezwaar clause. A draft is marked as such.
enum PipLetter {
    static func html(_ pip: PipStore.Pip, gemeenteNaam: String? = nil) -> String {
        let keuze = pip.keuze ?? PipKeuze()
        let route = keuze.leerroute ?? pip.advies.route
        let vastgesteld = pip.status == "vastgesteld"
        let onderdelen = route.onderdelen.map(\.rawValue).sorted().map { onderdeelNaam[$0] ?? $0 }
        let uren = keuze.uren ?? PipTermijn.defaultHours(route)
        var body: [String] = []
        body.append("<h1>\(vastgesteld ? "Beschikking" : "Concept") Persoonlijk Plan Inburgering en Participatie</h1>")
        if !vastgesteld { body.append("<p class=\"concept\">CONCEPT — dit plan is nog niet vastgesteld en is geen besluit.</p>") }
        body.append("<p>Gemeente: \(escape(gemeenteNaam ?? pip.gemeente.rawValue))<br>Kenmerk: \(escape(pip.id))<br>Versie: \(max(pip.versie, 0))")
        if let dagtekening = pip.dagtekening { body.append("<br>Dagtekening: \(dagtekening)") }
        body.append("</p>")
        body.append("<h2>Leerroute</h2><p>De gemeente stelt de \(routeNaam[route] ?? route.rawValue) vast\(uren.map { ", met een geschatte omvang van \($0) uur" } ?? "").</p>")
        body.append("<h2>Onderbouwing</h2><ul>" + pip.advies.redenen.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        if route != pip.advies.route, let reden = keuze.afwijkingsreden {
            body.append("<p>Het advies was de \(routeNaam[pip.advies.route] ?? pip.advies.route.rawValue). De gemeente wijkt daarvan af omdat: \(escape(reden))</p>")
        }
        body.append("<h2>Onderdelen</h2><ul>" + onderdelen.map { "<li>\($0)</li>" }.joined() + "</ul>")
        if let einde = pip.termijnEinde {
            body.append("<h2>Inburgeringstermijn</h2><p>De inburgeringstermijn loopt drie jaar, tot en met \(einde). Latere versies van dit plan veranderen die termijn niet.</p>")
        }
        if pip.doelgroep == .asielstatushouder {
            body.append("<h2>Ontzorgen</h2><p>Ontvangt u een bijstandsuitkering, dan betaalt de gemeente ten minste de eerste zes maanden uw vaste lasten (zoals huur, energie, water en zorgverzekering) rechtstreeks voor u.</p>")
        }
        body.append("""
            <h2>Bezwaar</h2><p>Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dagtekening \
            bezwaar maken bij het college van burgemeester en wethouders van uw gemeente. Schrijf in uw bezwaar uw naam en adres, \
            de datum, het kenmerk van dit besluit en waarom u het er niet mee eens bent, en onderteken het.</p>
            """)
        return """
            <!doctype html>
            <html lang="nl"><head><meta charset="utf-8"><title>PIP \(escape(pip.id))</title>
            <style>body{font-family:sans-serif;max-width:42em;margin:2em auto;line-height:1.5}.concept{color:#a00;font-weight:bold}@media print{.concept{color:#000}}</style>
            </head><body>
            \(body.joined(separator: "\n"))
            </body></html>
            """
    }

    static let routeNaam: [Leerroute: String] = [.b1: "B1-route", .onderwijs: "onderwijsroute", .z: "zelfredzaamheidsroute (Z-route)"]
    static let onderdeelNaam = [
        "pvt": "Participatieverklaringstraject (PVT)", "map": "Module Arbeidsmarkt en Participatie (MAP)",
        "knm": "Kennis van de Nederlandse Maatschappij (KNM)",
    ]

    /// Text made safe for HTML.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
