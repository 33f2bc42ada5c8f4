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

    @Test func keurmerkIsRequiredForB1AndZOnly() {
        let withoutKeurmerk = Aanbieder(id: "school", naam: "School", heeftKeurmerk: false)
        #expect(withoutKeurmerk.magLeveren(.onderwijs))
        #expect(!withoutKeurmerk.magLeveren(.b1))
        #expect(!withoutKeurmerk.magLeveren(.z))
    }

    @Test func healthIsTheOnlySpecialCategoryPart() {
        #expect(BredeIntakeOnderdeel.allCases.filter(\.isBijzonderPersoonsgegeven) == [.gezondheid])
    }

    @Test func endedEnrolmentStatuses() {
        #expect(EnrolmentStatus.allCases.filter(\.isBeeindigd) == [.afgerond, .uitgevallen, .overgeplaatst])
    }
}
