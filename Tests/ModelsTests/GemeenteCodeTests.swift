import Models
import Testing

@Suite struct GemeenteCodeTests {
    @Test func acceptsCBSCodesAndNormalisesCase() throws {
        #expect(try GemeenteCode("GM0193").rawValue == "GM0193")
        #expect(try GemeenteCode("gm0166").rawValue == "GM0166")
    }

    @Test(arguments: ["", "0193", "GM193", "GM01934", "GMabcd", "XX0193"])
    func refusesOtherForms(_ code: String) {
        #expect(throws: GemeenteCode.Invalid.self) { try GemeenteCode(code) }
    }

    @Test func regionKnowsItsMunicipalities() throws {
        let zwolle = Gemeente(code: try GemeenteCode("GM0193"), naam: "Zwolle")
        let regio = Regio(id: "zwolle", naam: "Regio Zwolle", gemeenten: [zwolle])
        #expect(regio.contains(try GemeenteCode("GM0193")))
        #expect(!regio.contains(try GemeenteCode("GM0363")))
    }

    @Test(arguments: [("zwolle", true), ("regio-2", true), ("Zwolle", false), ("2zwolle", false), ("", false), ("a/b", false)])
    func regionIDsAreSafeForPathsAndUnits(_ id: String, _ valid: Bool) {
        #expect(Regio.isValidID(id) == valid)
    }
}
