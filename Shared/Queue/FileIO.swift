import Foundation

/// Thin wrappers over the POSIX calls the queue needs, turning `errno` into ``QueueError``.
enum FileIO {
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws(QueueError) -> Int32 {
        let descriptor = Foundation.open(path, flags | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .system("open", path: path, errno: errno) }
        return descriptor
    }

    /// Reads up to `count` bytes at `position`; fewer only at the end of the file.
    static func read(_ descriptor: Int32, count: Int, at position: Int64, path: String) throws(QueueError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let result = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + done, count - done, off_t(position) + off_t(done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .system("read", path: path, errno: errno)
            }
            if result == 0 { break }
            done += result
        }
        if done < count { bytes.removeLast(count - done) }
        return bytes
    }

    /// Writes all of `bytes` at `position`.
    static func write(_ descriptor: Int32, _ bytes: [UInt8], at position: Int64, path: String) throws(QueueError) {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress! + done, bytes.count - done, off_t(position) + off_t(done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .system("write", path: path, errno: errno)
            }
            done += result
        }
    }

    static func syncData(_ descriptor: Int32, path: String) throws(QueueError) {
        guard fdatasync(descriptor) == 0 else { throw .system("fdatasync", path: path, errno: errno) }
    }

    /// Makes a directory's entries (new, renamed or removed files) durable.
    static func syncDirectory(_ path: String) throws(QueueError) {
        let descriptor = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .system("fsync", path: path, errno: errno) }
    }

    static func size(_ descriptor: Int32, path: String) throws(QueueError) -> Int64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system("stat", path: path, errno: errno) }
        return Int64(info.st_size)
    }

    static func inode(_ descriptor: Int32, path: String) throws(QueueError) -> UInt64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system("stat", path: path, errno: errno) }
        return UInt64(info.st_ino)
    }

    static func truncate(_ descriptor: Int32, to length: Int64, path: String) throws(QueueError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw .system("truncate", path: path, errno: errno) }
    }

    /// Creates `path` with mode 0700 when missing, and makes its entry durable in the parent.
    static func createDirectory(_ path: String) throws(QueueError) {
        if mkdir(path, 0o700) == 0 {
            try syncDirectory((path as NSString).deletingLastPathComponent)
        } else if errno != EEXIST {
            throw .system("mkdir", path: path, errno: errno)
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file, fsync, rename, fsync of the directory.
    static func replaceAtomically(_ path: String, with bytes: [UInt8]) throws(QueueError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp"
        let descriptor = try open(temporary, O_CREAT | O_TRUNC | O_WRONLY)
        do throws(QueueError) {
            try write(descriptor, bytes, at: 0, path: temporary)
            guard fsync(descriptor) == 0 else { throw QueueError.system("fsync", path: temporary, errno: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let failure = QueueError.system("rename", path: path, errno: errno)
            unlink(temporary)
            throw failure
        }
        try syncDirectory(directory)
    }

    /// Runs `body` holding an advisory lock on `descriptor` (`LOCK_EX` or `LOCK_SH`).
    static func withLock<T>(_ descriptor: Int32, _ operation: Int32, path: String, _ body: () throws(QueueError) -> T) throws(QueueError) -> T {
        while flock(descriptor, operation) != 0 {
            guard errno == EINTR else { throw .system("lock", path: path, errno: errno) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
