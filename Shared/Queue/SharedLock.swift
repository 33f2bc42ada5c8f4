import Foundation
import QueueSystem

/// An exclusive `flock` whose waiters sleep on a futex in a page shared by the processes
/// (``SharedSyncState``) instead of in the lock. Every release bumps the futex's word and
/// wakes sleepers: all of them, for a lock whose waiters may find their work done by the
/// holder (the sync lock), or one, for a lock each waiter needs itself (the write lock).
///
/// The lock itself stays the `flock`, which the kernel releases when a holder dies; a holder
/// that dies wakes no one, so a sleeper looks again after at most `sleepNanoseconds`.
///
/// Before it sleeps, a waiter may keep looking for a while (`yieldingNanoseconds`), giving
/// the CPU to others between looks: a wait that ends meanwhile needs no wake-up, which on a
/// virtual machine is an interrupt to an idle virtual CPU through the hypervisor.
struct SharedLock {
    /// What maps the page the two words live in; kept so that it stays mapped.
    let page: SharedSyncState
    let descriptor: Int32
    let path: String
    /// Bumped after every release: the futex's word.
    let generation: UnsafeMutablePointer<UInt32>
    /// How many sleep on it, so that a release without sleepers makes no system call.
    let sleepers: UnsafeMutablePointer<UInt32>
    let wakesAll: Bool
    /// How long a waiter keeps looking, with `sched_yield` between looks, before it sleeps.
    let yieldingNanoseconds: UInt64
    static let sleepNanoseconds: Int64 = 10_000_000

    /// Runs `body` under the lock, sleeping on the futex while another process holds it.
    func withLock<T>(_ body: () throws(QueueError) -> T) throws(QueueError) -> T {
        while true {
            let seen = currentGeneration
            if let result = try withLockIfFree(body) { return result }
            sleep(whileGenerationIs: seen)
        }
    }

    /// Runs `body` under the lock if no other process holds it; nil otherwise.
    func withLockIfFree<T>(_ body: () throws(QueueError) -> T) throws(QueueError) -> T? {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { return nil }
            guard errno == EINTR else { throw .system("lock", path: path, errno: errno) }
        }
        defer {
            flock(descriptor, LOCK_UN)
            wakeSleepers()
        }
        return try body()
    }

    /// Wakes those sleeping on the lock, as a release does: for a holder that took the
    /// `flock` some other way.
    func wakeSleepers() {
        queue_atomic_add32(generation, 1)
        if queue_atomic_load32(sleepers) > 0 { _ = queue_futex_wake(generation, wakesAll ? Int32.max : 1) }
    }

    /// How many sleep on the futex now, for tests.
    var sleeperCount: UInt32 { queue_atomic_load32(sleepers) }

    /// The futex's word now: read it before trying the lock, and sleep on that value.
    var currentGeneration: UInt32 { queue_atomic_load32(generation) }

    /// Waits until the lock is released after `seen` was read (at once if it already was):
    /// looking again for `yieldingNanoseconds`, then asleep on the futex.
    func sleep(whileGenerationIs seen: UInt32) {
        if yieldingNanoseconds > 0 {
            let deadline = DispatchTime.now().uptimeNanoseconds + yieldingNanoseconds
            while currentGeneration == seen && DispatchTime.now().uptimeNanoseconds < deadline { sched_yield() }
            if currentGeneration != seen { return }
        }
        queue_atomic_add32(sleepers, 1)
        _ = queue_futex_wait(generation, seen, Self.sleepNanoseconds)
        queue_atomic_sub32(sleepers, 1)
    }
}
