import DUO

/// What DUO's simulator lists at `GET /instellingen` for the demo: the three providers of
/// `deploy/regions/zwolle.register.yaml`, by that file's (made-up) instellingsnummers, with
/// the keurmerken the file gives them.
enum DemoInstellingen {
    /// The providers' register ids, as the register file has them: also their partner ids in enrolment.
    static let aanbieders = [("nltraining", "NLtraining BV"), ("deltion", "Stichting Deltion"), ("windesheim", "Windesheim")]

    static let all = [
        DuoInstelling(
            instellingsnummer: "DEMO000001", naam: "NLtraining BV", postcode: "8011AA", huisnummer: "1", plaatsnaam: "Zwolle", bow: "10001",
            indicatieBowKeurmerk: true, indicatieTstKeurmerk: false),
        DuoInstelling(
            instellingsnummer: "DEMO000002", naam: "Stichting Deltion", postcode: "8017AA", huisnummer: "2", plaatsnaam: "Zwolle", bow: "10002",
            brin: "00AA", indicatieBowKeurmerk: true, indicatieTstKeurmerk: true),
        DuoInstelling(
            instellingsnummer: "DEMO000003", naam: "Windesheim", postcode: "8017AB", huisnummer: "3", plaatsnaam: "Zwolle", brin: "00AB",
            indicatieBowKeurmerk: false, indicatieTstKeurmerk: true),
    ]
}
