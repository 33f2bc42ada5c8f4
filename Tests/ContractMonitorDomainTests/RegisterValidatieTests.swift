import ContractMonitorDomain
import Models
import TestSupport
import Testing

/// The register's rules, each named by the field's JSON path.
@Suite struct RegisterValidatieTests {
    let validatie = RegisterValidatie(regio: [RegisterSample.zwolle, RegisterSample.dalfsen])

    func names(_ register: Register) -> [String] { validatie.problemen(register).map(\.name) }

    @Test func theSampleRegisterKeepsEveryRule() {
        #expect(validatie.problemen(RegisterSample.register).isEmpty)
    }

    @Test func aProviderNeedsDuosNumberAValidContactAndABowNumberWithItsKeurmerk() {
        var register = RegisterSample.register
        register.aanbieders[0].instellingsnummer = "12345"
        register.aanbieders[0].contact.email = "not an address"
        register.aanbieders[0].bowNummer = nil
        register.aanbieders[1].id = "Deltion"
        register.aanbieders[1].brin = "AA00"
        #expect(names(register) == [
            "register.aanbieders[0].instellingsnummer", "register.aanbieders[0].contact.email", "register.aanbieders[0].bowNummer",
            "register.aanbieders[1].id", "register.aanbieders[1].brin",
            // The perceel's and the contract's references to the renamed provider break too.
            "register.percelen[0].aandelen[1].aanbiederId", "register.contracten[1].aanbiederId",
        ])
    }

    @Test func aPerceelServesTheRegionAndItsSharesAddUpToAHundred() {
        var register = RegisterSample.register
        register.percelen[0].gemeenten.append(try! GemeenteCode("GM0363"))
        register.percelen[0].aandelen[1].procent = 30
        let problems = validatie.problemen(register)
        #expect(problems.map(\.name) == ["register.percelen[0].gemeenten[2]", "register.percelen[0].aandelen"])
        #expect(problems.last?.reason.contains("they add up to 90") == true)
    }

    @Test func aContractLiesWithinItsPeriodAndHoldsNormsThatCanBeMet() {
        var register = RegisterSample.register
        register.contracten[0].instroommomenten.append(.init(datum: RegisterSample.day.adding(years: 5), plaatsen: 10))
        register.contracten[0].verlengingen = [RegisterSample.day]
        register.contracten[0].normen.minAanwezigheidProcent = 120
        register.contracten[0].normen.minTevredenheid = 0
        #expect(names(register) == [
            "register.contracten[0].verlengingen[0]", "register.contracten[0].instroommomenten[1].datum",
            "register.contracten[0].normen.minAanwezigheidProcent", "register.contracten[0].normen.minTevredenheid",
        ])
    }

    @Test func aContractsProviderHoldsAShareOfItsPerceel() {
        var register = RegisterSample.register
        register.percelen[0].aandelen = [.init(aanbiederId: "nltraining", procent: 100)]
        #expect(names(register) == ["register.contracten[1].aanbiederId"])
        let change = register.percelen[0].problemen(in: RegisterSample.register, validatie: validatie, at: "inhoud")
        #expect(change.map(\.name) == ["inhoud.aandelen"], "a change that strands deltion's contract is refused")
    }

    @Test func idsAreUniqueAndMunicipalitiesAreTheRegions() {
        var register = RegisterSample.register
        register.contracten[1].id = "b1-nltraining"
        register.gemeenten.append(.init(code: try! GemeenteCode("GM0363"), naam: "Amsterdam"))
        #expect(names(register) == ["register.gemeenten[2].code", "register.contracten[1].id"])
    }

    @Test func anInstellingsnummerBelongsToOneProvider() {
        var other = RegisterSample.deltion
        other.instellingsnummer = RegisterSample.nltraining.instellingsnummer
        #expect(other.problemen(in: RegisterSample.register, validatie: validatie, at: "inhoud").map(\.name) == ["inhoud.instellingsnummer"])
    }
}
