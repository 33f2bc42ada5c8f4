import Foundation
import Models

/// The field problems of one validation, collected under a path prefix (`register.contracten[2]`).
struct Problemen {
    private(set) var all: [DomainError.FieldProblem] = []

    /// Records `reason` for `field` under `path` unless `ok`.
    mutating func check(_ ok: Bool, _ path: String, _ field: String, _ reason: String) {
        if !ok { all.append(.init(name: field.isEmpty ? path : path + "." + field, reason: reason)) }
    }

    /// Adds problems found elsewhere.
    mutating func add(_ problems: [DomainError.FieldProblem]) { all += problems }

    /// Whether `text` has something besides white space and at most `limit` characters.
    static func filled(_ text: String, limit: Int = 200) -> Bool {
        !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && text.count <= limit
    }

    /// Whether `text` is `count` (or `range`) characters all from `allowed`.
    static func matches(_ text: String, length range: ClosedRange<Int>, _ allowed: (Character) -> Bool) -> Bool {
        range.contains(text.count) && text.allSatisfy(allowed)
    }

    static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }
    static func isUpperAlphanumeric(_ character: Character) -> Bool { isDigit(character) || ("A"..."Z").contains(character) }
}
