import Foundation

/// The segment files of one topic directory: `<base offset, 20 digits>.log`, where the
/// base offset is the offset of the segment's first record.
struct SegmentFiles {
    let directory: String

    static let suffix = ".log"

    func path(base: UInt64) -> String {
        let digits = String(base)
        return directory + "/" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + Self.suffix
    }

    /// The base offsets of the existing segments, ascending.
    func bases() throws(QueueError) -> [UInt64] {
        guard let handle = opendir(directory) else { throw .system("list", path: directory, errno: errno) }
        defer { closedir(handle) }
        var bases: [UInt64] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            guard name.hasSuffix(Self.suffix), name.utf8.count == 20 + Self.suffix.utf8.count,
                let base = UInt64(name.dropLast(Self.suffix.count))
            else { continue }
            bases.append(base)
        }
        return bases.sorted()
    }

    func exists(base: UInt64) -> Bool { access(path(base: base), F_OK) == 0 }
}
