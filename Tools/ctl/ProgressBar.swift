import Foundation

/// A progress bar on standard error for long operations; silent when stderr is not a terminal.
final class ProgressBar {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    func show(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
