import Foundation
public import GRDB
public import Models

// The chain's value types as SQLite columns, as the stores write them: a date as
// `yyyy-MM-dd`, a municipality as its CBS code, a BSN as its nine digits, an id as a
// lowercase UUID. So Codable records read them without mapping by hand.

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(value).flatMap(LocalDate.init(iso8601:))
    }
}

extension GemeenteCode: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> GemeenteCode? {
        String.fromDatabaseValue(value).flatMap { try? GemeenteCode($0) }
    }
}

extension BSN: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { digits.databaseValue }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> BSN? {
        String.fromDatabaseValue(value).flatMap { try? BSN($0) }
    }
}

extension InburgeraarID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> InburgeraarID? {
        String.fromDatabaseValue(value).flatMap(UUID.init(uuidString:)).map(InburgeraarID.init)
    }
}
