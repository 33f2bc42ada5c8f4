import Foundation
import Models
import ServiceKit
import Testing

@Suite struct ManualClockTests {
    @Test func itStandsStillUntilMoved() {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_798_761_600))  // 2027-01-01T00:00Z
        #expect(clock.now() == clock.now())
        #expect(clock.today() == LocalDate(iso8601: "2027-01-01"))
        clock.advance(days: 31)
        #expect(clock.today() == LocalDate(iso8601: "2027-02-01"))
        clock.set(Date(timeIntervalSince1970: 0))
        #expect(clock.now() == Date(timeIntervalSince1970: 0))
    }
}
