/// The rule that keeps personal data out of log lines, applied to every message and
/// metadata value before it is written.
///
/// - Any run of exactly nine digits (the shape of a BSN) becomes `[bsn]`.
/// - The values of metadata keys that name personal data (name, BSN, address, health,
///   birth date, e-mail, phone, notes) become `[redacted]`, whatever they hold.
///
/// Code logs ids, not people; this rule is the net under that habit, not a licence.
public enum LogRedaction {
    /// Metadata keys whose values are never written.
    public static let personalKeys: Set<String> = [
        "bsn", "naam", "name", "voornaam", "achternaam", "adres", "address", "gezondheid", "health",
        "geboortedatum", "birthdate", "email", "e-mail", "telefoon", "phone", "notitie", "notities", "notes", "vnummer",
    ]

    /// `text` with every nine-digit run replaced by `[bsn]`.
    public static func redact(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var digits = ""
        func flush() {
            result += digits.count == 9 ? "[bsn]" : digits
            digits = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// Whether the value under `key` must not be written.
    public static func isPersonal(key: String) -> Bool {
        personalKeys.contains(key.lowercased())
    }
}
