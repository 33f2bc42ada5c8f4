import Foundation
import Models
import PipDomain

/// A PIP version as a readable, printable decision letter (beschikking) in Dutch: route and
/// reasons, components and hours, preconditions and guidance, ontzorgen, the term, the
/// voortgangsgesprekken and the bezwaar clause. A draft is marked as such.
enum PipLetter {
    static func html(_ pip: PipStore.Pip, versie: PipVersie?) -> String {
        let inhoud = PipInhoud(
            keuze: pip.keuze, advies: pip.advies.route, versie: versie, dagtekening: pip.dagtekening, termijnEinde: pip.termijnEinde,
            voortgangsgesprekMaanden: pip.inhoud.voortgangsgesprekElkeMaanden)
        let vastgesteld = versie != nil
        var body: [String] = []
        body.append("<h1>\(vastgesteld ? "Beschikking" : "Concept") Persoonlijk Plan Inburgering en Participatie</h1>")
        if !vastgesteld { body.append("<p class=\"concept\">CONCEPT — dit plan is nog niet vastgesteld en is geen besluit.</p>") }
        body.append("<p>Gemeente: \(escape(pip.gemeente.rawValue))<br>Kenmerk: \(escape(pip.id))<br>Versie: \(versie?.versie ?? 0)")
        if let versie { body.append("<br>Dagtekening: \(versie.dagtekening)") }
        body.append("</p>")
        if let versie, versie.versie > 1 {
            body.append("<h2>Wijziging</h2><p>Deze versie wijzigt het plan (\(escape(soortNaam[versie.soort] ?? versie.soort))): \(escape(versie.reden))</p>")
        }
        body.append("<h2>Leerroute</h2><p>De gemeente stelt de \(routeNaam[inhoud.leerroute] ?? inhoud.leerroute.rawValue) vast op taalniveau \(inhoud.niveau.rawValue)\(uren(inhoud)).</p>")
        body.append("<h2>Onderbouwing</h2><ul>" + pip.advies.redenen.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        if inhoud.leerroute != pip.advies.route, let reden = pip.keuze?.afwijkingsreden {
            body.append("<p>Het advies was de \(routeNaam[pip.advies.route] ?? pip.advies.route.rawValue). De gemeente wijkt daarvan af omdat: \(escape(reden))</p>")
        }
        body.append("<h2>Onderdelen</h2><ul>" + inhoud.onderdelen.map { "<li>\(onderdeelNaam[$0.rawValue] ?? $0.rawValue)</li>" }.joined() + "</ul>")
        if !inhoud.voorwaarden.isEmpty {
            body.append("<h2>Voorwaarden</h2><ul>" + inhoud.voorwaarden.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        if let begeleiding = inhoud.begeleiding { body.append("<h2>Begeleiding</h2><p>\(escape(begeleiding))</p>") }
        body.append(ontzorgen(pip, inhoud))
        if let einde = pip.termijnEinde {
            body.append("<h2>Inburgeringstermijn</h2><p>De inburgeringstermijn loopt drie jaar, tot en met \(einde). Latere versies van dit plan veranderen die termijn niet.</p>")
        }
        if let eerste = inhoud.voortgangsgesprekken.first {
            body.append("<h2>Voortgangsgesprekken</h2><p>Elke \(inhoud.voortgangsgesprekElkeMaanden) maanden bespreekt de gemeente met u hoe het gaat; het eerste gesprek is rond \(eerste).</p>")
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

    private static func uren(_ inhoud: PipInhoud) -> String {
        guard let uren = inhoud.uren else { return "" }
        switch (inhoud.leerroute, inhoud.urenTaal, inhoud.urenParticipatie) {
        case (.z, let taal?, let participatie?): return ", met een geschatte omvang van \(uren) uur (\(taal) uur taal en \(participatie) uur participatie)"
        case (.onderwijs, let taal?, let overig?): return ", met een geschatte omvang van \(uren) uur (\(taal) uur taal en \(overig) uur andere vakken)"
        default: return ", met een geschatte omvang van \(uren) uur"
        }
    }

    private static func ontzorgen(_ pip: PipStore.Pip, _ inhoud: PipInhoud) -> String {
        if let ontzorgen = inhoud.ontzorgen, let tot = inhoud.ontzorgenTotEnMet {
            let betalingen = ontzorgen.betalingen.map { betalingNaam[$0] ?? $0.rawValue }.sorted().joined(separator: ", ")
            return "<h2>Ontzorgen</h2><p>Vanaf \(ontzorgen.startdatum) tot en met \(tot) (\(ontzorgen.maanden) maanden) betaalt de gemeente uit uw bijstandsuitkering rechtstreeks: \(betalingen).</p>"
        }
        guard pip.doelgroep == .asielstatushouder, pip.keuze?.bijstand != false else { return "" }
        return "<h2>Ontzorgen</h2><p>Ontvangt u een bijstandsuitkering, dan betaalt de gemeente ten minste de eerste zes maanden uw vaste lasten (zoals huur, energie, water en zorgverzekering) rechtstreeks voor u.</p>"
    }

    static let routeNaam: [Leerroute: String] = [.b1: "B1-route", .onderwijs: "onderwijsroute", .z: "zelfredzaamheidsroute (Z-route)"]
    static let soortNaam = ["schakelen": "schakelen naar een andere leerroute", "afschalen": "afschalen naar A2", "verhuizing": "verhuizing"]
    static let betalingNaam: [Ontzorgen.Betaling: String] = [.huur: "huur", .energieEnWater: "energie en water", .zorgverzekering: "zorgverzekering"]
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
