import Crypto
import Foundation
import Models

/// How enrolment holds BSNs: never as a column a copy of the database reveals. Each is
/// sealed (AES-GCM, for DUO's meldingen) and keyed (HMAC-SHA256, to find the person of a
/// provider's report row), with two keys derived from one key file.
struct BsnKluis: Sendable {
    private let sealing: SymmetricKey
    private let keying: SymmetricKey

    init(key: SymmetricKey) {
        sealing = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("enrolment bsn seal".utf8), outputByteCount: 32)
        keying = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("enrolment bsn lookup".utf8), outputByteCount: 32)
    }

    /// The lookup key of `bsn`: the same BSN always gives the same bytes, and without the key
    /// nobody can tell which BSN.
    func sleutel(_ bsn: BSN) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(bsn.digits.utf8), using: keying))
    }

    /// `bsn` sealed for the person `context` (their id), so a sealed BSN cannot be moved to another.
    func seal(_ bsn: BSN, for context: String) throws -> Data { try seal(text: bsn.digits, for: context) }

    /// The BSN again; throws when the data or its context was altered, or another key sealed it.
    func open(_ sealed: Data, for context: String) throws -> BSN { try BSN(try openText(sealed, for: context)) }

    /// Other personal data (a name) sealed the same way.
    func seal(text: String, for context: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(text.utf8), using: sealing, authenticating: Data(context.utf8)).combined else { throw BsnKluisError() }
        return combined
    }

    /// Sealed text again.
    func openText(_ sealed: Data, for context: String) throws -> String {
        String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: sealing, authenticating: Data(context.utf8)), as: UTF8.self)
    }
}

/// A BSN could not be sealed.
struct BsnKluisError: Error, CustomStringConvertible {
    var description: String { "a BSN could not be sealed" }
}
