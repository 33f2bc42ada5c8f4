public import Crypto
import Foundation

/// A 256-bit key in a file: in production a systemd credential; in the demo a file made once
/// in the state directory. For data kept encrypted or keyed at rest (health notes, BSNs).
public enum KeyFile {
    /// Reads the 32-byte key (raw or base64) at `path`. A missing file is made with a new
    /// random key (0600) only when `making` (the demo's default place): a lost key makes what
    /// it sealed unreadable. `setting` names the flag and variable in errors.
    public static func load(_ path: String, making: Bool, setting: String) throws(ConfigurationError) -> SymmetricKey {
        if !FileManager.default.fileExists(atPath: path) && making {
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            guard FileManager.default.createFile(atPath: path, contents: key, attributes: [.posixPermissions: 0o600]) else {
                throw ConfigurationError("cannot create the key file \(path)")
            }
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("cannot read the key file \(path) (\(setting))")
        }
        let text = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = contents.count == 32 ? contents : Data(base64Encoded: text)
        guard let bytes, bytes.count == 32 else { throw ConfigurationError("the key file \(path) must hold 32 bytes, raw or base64 (\(setting))") }
        return SymmetricKey(data: bytes)
    }
}
