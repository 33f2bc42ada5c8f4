import Foundation
import Models
import Testing

@Suite struct JSONValueTests {
    @Test func aValueRoundTripsExactlyIncludingLargeWholeNumbers() throws {
        let json = #"{"a":[true,null,"x"],"big":9007199254740993,"half":1.5,"negative":-42}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == json)
    }
}
