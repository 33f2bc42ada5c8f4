import Foundation

/// The topic's write lock (`.lock`) as readers take it: shared, to see the log with no
/// append half done. A release wakes the writers that slept on the lock meanwhile — they
/// sleep on the shared page (``SharedLock``), which a plain `flock` release does not touch.
final class ReadLock {
    private let descriptor: Int32
    private let directory: String
    private let shared: SharedSyncState?

    init(directory: String) throws(QueueError) {
        self.directory = directory
        self.descriptor = try FileIO.open(directory + "/.lock", O_CREAT | O_RDWR)
        self.shared = SharedSyncState(directory: directory)
    }

    deinit { close(descriptor) }

    func withLock<T>(_ body: () throws(QueueError) -> T) throws(QueueError) -> T {
        let result = try FileIO.withLock(descriptor, LOCK_SH, path: directory, body)
        shared?.writeLock(descriptor: descriptor, path: directory + "/.lock").wakeSleepers()
        return result
    }
}
