import Foundation
@testable import Queue
import Testing

/// The write and sync locks: `flock`s whose waiters sleep on a futex in the shared page.
/// Two open descriptors of one lock file conflict like two processes.
@Suite struct SharedLockTests {
    let directory = NSTemporaryDirectory() + "shared-lock-" + UUID().uuidString

    /// A writer lock as one process would have it: its own page mapping and descriptor.
    func processLock() throws -> ProcessLock {
        try FileIO.createDirectory(directory)
        let state = try #require(SharedSyncState(directory: directory))
        let descriptor = try FileIO.open(directory + "/.lock", O_CREAT | O_RDWR)
        return ProcessLock(lock: state.writeLock(descriptor: descriptor, path: directory + "/.lock"), descriptor: descriptor)
    }

    /// A lock (which keeps its page mapped) and its descriptor, handed to another thread by the test.
    struct ProcessLock: @unchecked Sendable {
        let lock: SharedLock
        let descriptor: Int32
    }

    @Test func aWaiterGetsTheLockOnlyOnceTheHolderLetsGo() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try processLock()
        let second = try processLock()
        defer { close(first.descriptor); close(second.descriptor) }
        let events = Events()
        let held = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            try? first.lock.withLock { () throws(QueueError) in
                events.add("first in")
                held.signal()
                Thread.sleep(forTimeInterval: 0.05)
                events.add("first out")
            }
            done.signal()
        }.start()
        held.wait()
        try second.lock.withLock { () throws(QueueError) in events.add("second in") }
        done.wait()
        #expect(events.all == ["first in", "first out", "second in"])
        #expect(try second.lock.withLockIfFree { () throws(QueueError) in true } == true, "a free lock is had at once")
    }

    /// A holder that dies releases the `flock` (the kernel does) but wakes no one: the
    /// sleeper looks again by itself.
    @Test func aWaiterGetsTheLockWhenTheHolderDiedWithoutWakingIt() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let waiter = try processLock()
        defer { close(waiter.descriptor) }
        let dying = try FileIO.open(directory + "/.lock", O_RDWR)
        #expect(flock(dying, LOCK_EX) == 0)
        #expect(try waiter.lock.withLockIfFree { () throws(QueueError) in true } == nil, "held by the other")
        let got = DispatchSemaphore(value: 0)
        Thread {
            try? waiter.lock.withLock { () throws(QueueError) in got.signal() }
        }.start()
        Thread.sleep(forTimeInterval: 0.02)
        close(dying)  // what the kernel does for a process that dies: the lock goes, no wake
        #expect(got.wait(timeout: .now() + 10) == .success)
    }

    /// A waiter for the sync lock looks again for a while, without sleeping, before it
    /// sleeps on the futex; either way it gets the lock once the holder lets go.
    @Test func aSyncWaiterLooksAgainForAWhileBeforeItSleeps() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileIO.createDirectory(directory)
        let state = try #require(SharedSyncState(directory: directory))
        let waiter = ProcessLock(lock: state.syncLock, descriptor: state.syncLock.descriptor)
        let lock = waiter.lock
        let holder = try FileIO.open(directory + "/.sync", O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        let started = ContinuousClock.now
        let got = DispatchSemaphore(value: 0)
        Thread {
            try? waiter.lock.withLock { () throws(QueueError) in got.signal() }
        }.start()
        let deadline = started + .seconds(10)
        while lock.sleeperCount == 0 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.0001) }
        #expect(lock.sleeperCount == 1)
        #expect(ContinuousClock.now - started >= .nanoseconds(Int64(SharedSyncState.syncWaitYieldingNanoseconds)), "it looked again first")
        flock(holder, LOCK_UN)
        lock.wakeSleepers()
        #expect(got.wait(timeout: .now() + 10) == .success)
    }
}

/// Strings appended from several threads, in order.
final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []
    var all: [String] { lock.withLock { events } }
    func add(_ event: String) { lock.withLock { events.append(event) } }
}
