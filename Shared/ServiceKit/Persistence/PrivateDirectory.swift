import Foundation

/// Directories that hold personal data: created 0700, parents included.
enum PrivateDirectory {
    /// Creates `path` (and missing parents) with mode 0700; an existing directory is kept
    /// as it is, so that systemd's `StateDirectoryMode=` stays in charge.
    static func create(_ path: String) throws(DatabaseOpenError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw DatabaseOpenError("\(path) exists and is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DatabaseOpenError("cannot create the directory \(path): \((error as NSError).localizedDescription)")
        }
    }
}
