import EnrolmentDomain
import Foundation
import Testing

/// The sample file docs/enrolment.md points providers to is one the service takes.
@Suite struct RapportageVoorbeeldTests {
    @Test func theDocumentedSampleFileParses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/examples/rapportages.csv"), encoding: .utf8)
        let rows = try RapportageCSV.parse(text)
        #expect(rows.count == 2 && rows[1].rapportage.pvtAfgerond != nil)
        let header = text.split(separator: "\n").first.map { $0.split(separator: ";").map(String.init) }
        #expect(header == RapportageCSV.kolommen, "the sample names every column, in the documented order")
    }
}
