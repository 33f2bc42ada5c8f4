import Foundation
import Models
import Testing

@Suite struct BSNTests {
    @Test(arguments: ["111222333", "123456782", "999993653", "012345672"])
    func acceptsNumbersThatPassTheElfproef(_ number: String) throws {
        #expect(try BSN(number).digits == number)
    }

    @Test func refusesANumberThatFailsTheElfproef() {
        #expect(throws: BSN.Invalid.elfproefFailed) { try BSN("123456789") }
        #expect(throws: BSN.Invalid.elfproefFailed) { try BSN("111222334") }
    }

    @Test(arguments: [("", 0), ("12345678", 8), ("1234567820", 10), ("1112223330", 10)])
    func refusesTheWrongLength(_ number: String, _ length: Int) {
        #expect(throws: BSN.Invalid.wrongLength(length)) { try BSN(number) }
    }

    @Test(arguments: ["11122233a", "1112 2333", "-11222333", "١١١٢٢٢٣٣٣"])
    func refusesNonDigits(_ number: String) {
        #expect(throws: (any Error).self) { try BSN(number) }
        if number.utf8.count == 9 {
            #expect(throws: BSN.Invalid.notDigits) { try BSN(number) }
        }
    }

    @Test func refusesAllZeros() {
        #expect(throws: BSN.Invalid.allZeros) { try BSN("000000000") }
    }

    @Test func neverPrintsTheNumber() throws {
        let bsn = try BSN("111222333")
        #expect(!"\(bsn)".contains("111222333"))
        #expect(!String(reflecting: bsn).contains("111222333"))
        #expect(!"\([bsn])".contains("111222333"))
    }

    @Test func errorMessagesNeverRepeatTheInput() {
        for input in ["123456789", "11122233", "11122233a"] {
            do {
                _ = try BSN(input)
                Issue.record("\(input.count) characters accepted")
            } catch {
                #expect(!error.description.contains(input))
            }
        }
    }

    @Test func decodesFromAJSONStringAndRefusesAnInvalidOne() throws {
        struct Person: Codable { var bsn: BSN }
        let person = try JSONDecoder().decode(Person.self, from: Data(#"{"bsn":"111222333"}"#.utf8))
        #expect(person.bsn.digits == "111222333")
        #expect(String(decoding: try JSONEncoder().encode(person), as: UTF8.self) == #"{"bsn":"111222333"}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Person.self, from: Data(#"{"bsn":"123456789"}"#.utf8)) }
    }
}
