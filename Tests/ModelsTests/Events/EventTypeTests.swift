import Models
import Testing

@Suite struct EventTypeTests {
    @Test func parsesTheChainsForm() throws {
        let type = try #require(EventType("nl.inburgering.pip.vastgesteld.v1"))
        #expect(type.service == "pip")
        #expect(type.name == "vastgesteld")
        #expect(type.version == 1)
        #expect(EventType(service: "contract-monitor", name: "keurmerk-gewijzigd", version: 2).rawValue == "nl.inburgering.contract-monitor.keurmerk-gewijzigd.v2")
    }

    @Test(arguments: [
        "nl.inburgering.pip.vastgesteld", "nl.inburgering.pip.vastgesteld.v0", "nl.inburgering.pip.vastgesteld.v01",
        "com.example.pip.vastgesteld.v1", "nl.inburgering.Pip.vastgesteld.v1", "nl.inburgering.pip..v1", "nl.inburgering.pip.-x.v1",
    ])
    func refusesOtherForms(_ text: String) {
        #expect(EventType(text) == nil)
    }

    @Test func everyKnownTypeIsUniqueAndVersioned() {
        let types = EventCatalog.all.map { $0.eventType.rawValue }
        #expect(Set(types).count == types.count)
        #expect(types.allSatisfy { EventType($0) != nil })
    }
}
