import ServiceKit
import Testing

/// The waits between attempts of a durable job.
@Suite struct RetryScheduleTests {
    @Test func stepsThenTheEnd() {
        let schedule = RetrySchedule(delays: [.seconds(5), .seconds(300)], jitter: 0)
        #expect(schedule.delay(afterAttempt: 1, unit: 0.5) == .seconds(5))
        #expect(schedule.delay(afterAttempt: 2, unit: 0.5) == .seconds(300))
        #expect(schedule.delay(afterAttempt: 3, unit: 0.5) == nil, "the job is dead after its last step")
    }

    @Test func stepsThenForever() {
        let schedule = RetrySchedule(delays: [.seconds(1)], thenEvery: .seconds(60), jitter: 0)
        #expect(schedule.delay(afterAttempt: 1, unit: 0) == .seconds(1))
        #expect(schedule.delay(afterAttempt: 50, unit: 0) == .seconds(60))
    }

    @Test func jitterSpreadsEachWaitBothWays() {
        let schedule = RetrySchedule(delays: [.seconds(100)], jitter: 0.2)
        #expect(schedule.delay(afterAttempt: 1, unit: 0) == .seconds(80))
        #expect(schedule.delay(afterAttempt: 1, unit: 1) == .seconds(120))
        #expect(schedule.delay(afterAttempt: 1, unit: 0.5) == .seconds(100))
    }

    @Test func exponentialDoublesToItsMaximum() {
        let forever = RetrySchedule.exponential(first: .seconds(1), maximum: .seconds(10), jitter: 0)
        #expect(forever.delays == [.seconds(1), .seconds(2), .seconds(4), .seconds(8)])
        #expect(forever.thenEvery == .seconds(10))
        let bounded = RetrySchedule.exponential(first: .seconds(1), maximum: .seconds(4), attempts: 5, jitter: 0)
        #expect(bounded.delays == [.seconds(1), .seconds(2), .seconds(4), .seconds(4)], "four waits between five attempts")
        #expect(bounded.delay(afterAttempt: 5, unit: 0) == nil)
    }
}
