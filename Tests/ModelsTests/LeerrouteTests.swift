import Models
import Testing

@Suite struct LeerrouteTests {
    @Test func componentsFollowTheLaw() {
        #expect(Leerroute.b1.onderdelen == [.pvt, .map, .knm])
        #expect(Leerroute.onderwijs.onderdelen == [.pvt])
        #expect(Leerroute.z.onderdelen == [.pvt, .map])
    }

    @Test func duoCodesAreDUOs() {
        #expect(Leerroute.allCases.map(\.duoCode) == ["B", "O", "Z"])
        #expect(Doelgroep.asielstatushouder.duoIndeling == "Asielstatushouder")
        #expect(Doelgroep.gezinsmigrant.duoIndeling == "Gezinsmigrant en overige migrant")
    }

    @Test func keurmerkAdmitsNewCursistenOnlyWhileValid() throws {
        let day = try #require(LocalDate(iso8601: "2027-03-01"))
        let contact = Aanbieder.Contact(naam: "Planning", email: "planning@example.nl")
        var school = Aanbieder(id: "school", naam: "School", instellingsnummer: "30RT000009", contact: contact)
        #expect(!school.magPlaatsen(.onderwijs, op: day) && !school.magPlaatsen(.b1, op: day))
        school.tstKeurmerk = Keurmerk(status: .geldig, ingangsdatum: day.adding(years: -1))
        #expect(school.magPlaatsen(.onderwijs, op: day), "a TST keurmerk admits the onderwijsroute")
        #expect(!school.magPlaatsen(.b1, op: day) && !school.magPlaatsen(.z, op: day), "B1 and Z need Blik op Werk's")
        school.bowKeurmerk = Keurmerk(status: .geldig, ingangsdatum: day.adding(years: -1), vervaldatum: day)
        #expect(school.magPlaatsen(.b1, op: day) && school.magPlaatsen(.z, op: day))
        #expect(!school.magPlaatsen(.b1, op: day.adding(days: 1)), "past its vervaldatum")
        school.bowKeurmerk?.status = .geschorst
        #expect(!school.magPlaatsen(.b1, op: day), "geschorst: no new cursisten")
    }

    @Test func healthIsTheOnlySpecialCategoryPart() {
        #expect(BredeIntakeOnderdeel.allCases.filter(\.isBijzonderPersoonsgegeven) == [.gezondheid])
    }

    @Test func endedEnrolmentStatuses() {
        #expect(EnrolmentStatus.allCases.filter(\.isBeeindigd) == [.afgerond, .uitgevallen, .overgeplaatst])
    }
}
