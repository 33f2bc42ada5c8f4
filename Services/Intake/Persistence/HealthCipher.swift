import Crypto
import Foundation
import ServiceKit

/// Encrypts the brede intake's notes (health first of all) at rest with AES-GCM (256-bit
/// key): a copy of the database file does not reveal them. The key is 32 bytes, raw or base64, in a file: in production the
/// systemd credential `health-key`; in the demo a file made once in the state directory.
struct HealthCipher: Sendable {
    private let key: SymmetricKey

    /// Reads the key from `path`; a missing file is made with a new random key only when
    /// `making` (the demo's default place), since a lost key makes the notes unreadable.
    init(keyFile path: String, making: Bool) throws(ConfigurationError) {
        key = try KeyFile.load(path, making: making, setting: "--intake-health-key-file, INTAKE_HEALTH_KEY_FILE")
    }

    /// The note, encrypted and authenticated together with `context` (the file's id, so a
    /// sealed note cannot be moved to another file): nonce, ciphertext and tag.
    func seal(_ text: String, for context: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(text.utf8), using: key, authenticating: Data(context.utf8)).combined else {
            throw HealthCipherError()
        }
        return combined
    }

    /// The note again; throws when the data or its context was altered, or another key sealed it.
    func open(_ sealed: Data, for context: String) throws -> String {
        String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Data(context.utf8)), as: UTF8.self)
    }
}

/// A health note could not be sealed.
struct HealthCipherError: Error, CustomStringConvertible {
    var description: String { "a health note could not be encrypted" }
}
