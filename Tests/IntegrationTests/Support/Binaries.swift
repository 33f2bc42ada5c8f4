import Foundation

/// Where the built executables are: `INBURGERING_BIN_DIR` (the Makefile sets it from
/// `swift build --show-bin-path`), else the debug build folder of this package.
enum Binaries {
    static let directory: String = {
        if let directory = ProcessInfo.processInfo.environment["INBURGERING_BIN_DIR"] { return directory }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }()

    static func path(_ name: String) -> String { "\(directory)/\(name)" }

    /// The package's root folder, for files such as deploy/.
    static let packageRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let services = ["intake", "pip", "enrolment", "contract-monitor", "notifier"]
}
