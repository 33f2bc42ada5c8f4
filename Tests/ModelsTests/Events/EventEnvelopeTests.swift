import Foundation
import Models
import Testing

@Suite struct EventEnvelopeTests {
    static let samples: [any DomainEvent] = EventSamples.all

    @Test func thereIsASampleForEveryKnownType() {
        #expect(Set(Self.samples.map { type(of: $0).eventType }) == Set(EventCatalog.all.map { $0.eventType }))
    }

    @Test(arguments: EventSamples.all.indices)
    func everyEventRoundTripsThroughJSON(_ index: Int) throws {
        let event = Self.samples[index]
        try roundTrip(event)
    }

    private func roundTrip<Event: DomainEvent>(_ event: Event) throws {
        let envelope = try EventEnvelope(event, source: "/inburgering/zwolle/test", time: EventSamples.instant)
        let json = try envelope.json()
        let decoded = try EventEnvelope(json: json)
        #expect(decoded == envelope)
        #expect(try decoded.decode(as: Event.self) == event)
        let viaCatalog = try #require(try EventCatalog.decode(decoded) as? Event)
        #expect(viaCatalog == event)
        #expect(decoded.subject == event.subject)
    }

    @Test func theEnvelopeIsCloudEvents10JSON() throws {
        let envelope = try EventEnvelope(EventSamples.keurmerk, source: "/inburgering/zwolle/contract-monitor", time: EventSamples.instant)
        let object = try #require(try JSONSerialization.jsonObject(with: envelope.json()) as? [String: Any])
        #expect(object["specversion"] as? String == "1.0")
        #expect(object["type"] as? String == "nl.inburgering.contract-monitor.keurmerk-gewijzigd.v1")
        #expect(object["datacontenttype"] as? String == "application/json")
        #expect(object["time"] as? String == "2026-11-24T09:30:00.000Z")
        #expect(object["subject"] as? String == "nltraining")
        #expect((object["id"] as? String)?.isEmpty == false)
        let data = try #require(object["data"] as? [String: Any])
        #expect(data["aanbiederId"] as? String == "nltraining")
        #expect((data["keurmerk"] as? [String: Any])?["ingangsdatum"] as? String == "2026-12-01")
    }

    @Test func anUnknownTypeDecodesAndIsSkippable() throws {
        let json = Data("""
            {"specversion":"1.0","id":"e1","source":"/inburgering/zwolle/future","type":"nl.inburgering.future.iets.v3",
             "time":"2026-11-24T09:30:00Z","datacontenttype":"application/json","data":{"nieuw":[1,2,{"x":null}]}}
            """.utf8)
        let envelope = try EventEnvelope(json: json)
        #expect(envelope.type == "nl.inburgering.future.iets.v3")
        #expect(try EventCatalog.decode(envelope) == nil)
        #expect(try envelope.decode(as: PipVastgesteld.self) == nil)
        #expect(try EventEnvelope(json: envelope.json()) == envelope)
    }

    @Test func aNewerVersionOfAKnownEventIsAlsoSkipped() throws {
        let json = Data("""
            {"specversion":"1.0","id":"e2","source":"/x","type":"nl.inburgering.pip.vastgesteld.v2",
             "time":"2026-11-24T09:30:00Z","datacontenttype":"application/json","data":{}}
            """.utf8)
        #expect(try EventCatalog.decode(EventEnvelope(json: json)) == nil)
    }

    @Test(arguments: [
        #"{"specversion":"0.3","id":"e","source":"/x","type":"t","time":"2026-11-24T09:30:00Z","datacontenttype":"application/json","data":{}}"#,
        #"{"specversion":"1.0","id":"e","source":"/x","type":"t","time":"2026-11-24T09:30:00Z","datacontenttype":"text/xml","data":{}}"#,
        #"{"specversion":"1.0","id":"e","source":"/x","type":"t","time":"yesterday","datacontenttype":"application/json","data":{}}"#,
        #"{"specversion":"1.0","source":"/x","type":"t","time":"2026-11-24T09:30:00Z","datacontenttype":"application/json","data":{}}"#,
        "not json",
    ])
    func refusesWhatIsNotAnEnvelope(_ text: String) {
        #expect(throws: (any Error).self) { try EventEnvelope(json: Data(text.utf8)) }
    }

    @Test func aKnownTypeWithBadDataFailsLoudly() throws {
        let json = Data("""
            {"specversion":"1.0","id":"e3","source":"/x","type":"nl.inburgering.pip.vastgesteld.v1",
             "time":"2026-11-24T09:30:00Z","datacontenttype":"application/json","data":{"versie":"een"}}
            """.utf8)
        #expect(throws: DecodingError.self) { try EventCatalog.decode(EventEnvelope(json: json)) }
    }
}
