import Foundation

/// Watches a topic directory with inotify and bumps a ``ChangeSignal`` whenever a segment
/// is written or created, so consumers in other processes wake within milliseconds
/// without polling. Without inotify (limits reached, other systems) it does nothing and
/// consumers fall back to their poll interval.
final class DirectoryWatcher: @unchecked Sendable {
    private let inotify: Int32
    private let wake: (read: Int32, write: Int32)
    private let thread: Thread?

    init(directory: String, signal: ChangeSignal) {
        var pipeEnds: [Int32] = [-1, -1]
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0, pipe(&pipeEnds) == 0,
            inotify_add_watch(descriptor, directory, UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO)) >= 0
        else {
            if descriptor >= 0 { close(descriptor) }
            inotify = -1
            wake = (-1, -1)
            thread = nil
            return
        }
        inotify = descriptor
        wake = (pipeEnds[0], pipeEnds[1])
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let ends = wake
        thread = Thread {
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: ends.read, events: Int16(POLLIN), revents: 0)]
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { return }
                if fds[1].revents != 0 { return }
                if fds[0].revents != 0 {
                    while read(descriptor, &buffer, buffer.count) > 0 {}
                    signal.bump()
                }
            }
        }
        thread?.name = "inburgering-queue-watch"
        thread?.start()
    }

    /// Stops the watching thread and closes its descriptors.
    func stop() {
        guard inotify >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    deinit {
        stop()
        // The thread holds no reference to self; give it a moment to leave poll() before closing.
        if inotify >= 0 {
            let (inotify, wake) = (inotify, wake)
            DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
                close(inotify)
                close(wake.read)
                close(wake.write)
            }
        }
    }
}
