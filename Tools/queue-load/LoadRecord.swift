import Foundation

/// The payload the load tool writes: `<number>:<monotonic nanoseconds>:` padded to a size.
/// The monotonic clock is shared by all processes of a host, so a consumer in another
/// process can tell how long a record took to arrive.
enum LoadRecord {
    static func make(number: Int, size: Int) -> [UInt8] {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        let head = Array("\(number):\(Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)):".utf8)
        return head + [UInt8](repeating: UInt8(ascii: "x"), count: max(0, size - head.count))
    }

    /// The number and the send time in a payload made by ``make(number:size:)``.
    static func parse(_ payload: [UInt8]) -> (number: Int, sentNanoseconds: Int64)? {
        let parts = payload.prefix(64).split(separator: UInt8(ascii: ":"), maxSplits: 2)
        guard parts.count >= 2, let number = Int(String(decoding: parts[0], as: UTF8.self)),
            let sent = Int64(String(decoding: parts[1], as: UTF8.self))
        else { return nil }
        return (number, sent)
    }

    static func monotonicNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// Writes a line to standard output at once (no buffering), so a killed process has
/// printed exactly what it had done.
func emit(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}
