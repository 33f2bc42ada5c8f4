package import Models

/// One invitation to a conversation for the brede intake, as the file shows it.
package struct Uitnodiging: Codable, Sendable, Equatable {
    package var nummer: Int
    package var datum: LocalDate
    /// nil until the case worker records whether the person came.
    package var verschenen: Bool?

    package init(nummer: Int, datum: LocalDate, verschenen: Bool? = nil) {
        self.nummer = nummer
        self.datum = datum
        self.verschenen = verschenen
    }

    /// The number of a new invitation after `earlier`; refused while one of them has no
    /// recorded attendance.
    package static func nextNumber(after earlier: [Uitnodiging]) throws(DomainError) -> Int {
        guard earlier.allSatisfy({ $0.verschenen != nil }) else {
            throw DomainError.conflict("record whether the person came to the previous invitation first")
        }
        return (earlier.map(\.nummer).max() ?? 0) + 1
    }

    /// Checks that attendance may be recorded `today`: once, and on or after the day.
    package func checkAttendance(today: LocalDate) throws(DomainError) {
        guard verschenen == nil else { throw DomainError.conflict("attendance for invitation \(nummer) is recorded already") }
        guard datum <= today else { throw DomainError.conflict("invitation \(nummer) is for a day still to come") }
    }
}
