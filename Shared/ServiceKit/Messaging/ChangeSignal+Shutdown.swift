import Queue
import ServiceLifecycle

extension ChangeSignal {
    /// Waits for a bump after `generation`, the timeout, or the start of a graceful
    /// shutdown, whichever comes first: how a service's worker loop idles.
    func waitForWork(after generation: UInt64, timeout: Duration) async {
        await withGracefulShutdownHandler {
            await wait(after: generation, timeout: timeout)
        } onGracefulShutdown: {
            self.bump()
        }
    }
}
