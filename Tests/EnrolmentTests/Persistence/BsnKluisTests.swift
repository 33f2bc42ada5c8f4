import Foundation
import GRDB
import Models
import TestSupport
import Testing
@testable import Enrolment

/// Enrolment holds a BSN only sealed and keyed: the database file does not contain it, yet
/// a report row's BSN finds its person and DUO's melding gets it back.
@Suite struct BsnKluisTests {
    @Test func aBsnIsNeverInTheDatabaseAsText() async throws {
        let fixture = try EnrolmentFixture()
        let person = InburgeraarID()
        let bsn = try BSN("123456782")
        try await fixture.database.write { [store = fixture.store] db in try store.recordPersoon(person, bsn: bsn, in: db) }
        let other = try BSN("111222333")
        let (found, unknown) = try await fixture.database.read { [store = fixture.store] db in
            (try store.persoon(bsn: bsn, in: db), try store.persoon(bsn: other, in: db))
        }
        #expect(found == person && unknown == nil)
        _ = try await fixture.database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        let file = try Data(contentsOf: URL(fileURLWithPath: fixture.harness.directory.path + "/enrolment.sqlite"))
        let digits = Data("123456782".utf8)
        let inFile = file.range(of: digits)
        #expect(inFile == nil, "the BSN's digits are nowhere in the file")
        let sealed = try await fixture.database.read { db in try Data.fetchOne(db, sql: "SELECT bsn_verzegeld FROM persoon")! }
        let kluis = fixture.store.kluis
        #expect(try kluis.open(sealed, for: person.description) == bsn)
        #expect(throws: (any Error).self, "sealed for one person, it does not open for another") { try kluis.open(sealed, for: InburgeraarID().description) }
    }
}
