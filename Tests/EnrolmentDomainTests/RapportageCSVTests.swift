import EnrolmentDomain
import Models
import Testing

/// The providers' CSV: the header names the columns, `;` or `,` as it shows, quotes where
/// needed; one bad row refuses the file, every problem named by line and column.
@Suite struct RapportageCSVTests {
    @Test func readsSemicolonsOrCommasWithQuotesAndABom() throws {
        let semicolons = "\u{FEFF}bsn;periode;uren_gevolgd;verzuim_ongeoorloofd;uitval_reden\n123456782;2027-02;48;2;\n111222333;2027-02;12;0;\"verhuisd; buiten de regio\"\n"
        let rows = try RapportageCSV.parse(semicolons)
        #expect(rows.map(\.regel) == [2, 3] && rows.map(\.rapportage.urenGevolgd) == [48, 12])
        #expect(rows[1].rapportage.uitvalReden == "verhuisd; buiten de regio" && rows[0].rapportage.uitvalReden == nil)
        let commas = try RapportageCSV.parse("BSN,periode,uren_gevolgd,pvt_afgerond,voortgang_lezen\r\n123456782,2027-03,40,2027-03-20,a2\r\n")
        #expect(commas.first?.rapportage.pvtAfgerond == LocalDate(iso8601: "2027-03-20") && commas.first?.rapportage.voortgangLezen == .a2)
    }

    @Test func oneBadRowRefusesTheFileNamingLineAndColumn() {
        let text = "bsn;periode;uren_gevolgd;startdatum\n123456782;2027-02;48;2027-01-11\n123456780;2027-02;veel;2027-13-01\n111222333;2027-2;4;\n"
        #expect {
            try RapportageCSV.parse(text)
        } throws: { error in
            (error as? DomainError)?.fields.map(\.name) == [
                "regels[3].bsn", "regels[3].startdatum", "regels[3].uren_gevolgd", "regels[4].periode",
            ]
        }
    }

    @Test func theHeaderNamesKnownColumnsAndTheRequiredOnes() {
        #expect {
            try RapportageCSV.parse("bsn;uren_gevolgt\n123456782;4\n")
        } throws: { error in
            (error as? DomainError)?.fields.map(\.name) == ["regels[1].uren_gevolgt", "regels[1]", "regels[1]"]
        }
        #expect(throws: DomainError.self) { try RapportageCSV.parse("") }
    }
}
