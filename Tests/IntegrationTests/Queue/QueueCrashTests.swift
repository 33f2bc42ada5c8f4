import Foundation
import Queue
import TestSupport
import Testing

/// The queue's promises, checked with real processes killed by SIGKILL at random moments.
@Suite struct QueueCrashTests {
    let load = Binaries.path("inburgering-queue-load")
    let ctl = Binaries.path("inburgeringctl")

    /// Lines `<a> <b>` printed by the load tool.
    func pairs(_ output: String) -> [(Int, Int)] {
        output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
            return (a, b)
        }
    }

    @Test func everyAcknowledgedPublishSurvivesSIGKILLExactlyOnceAndInOrder() async throws {
        let directory = try TemporaryDirectory()
        let queue = directory.path + "/queue"
        var acknowledged: [Int] = []
        for round in 0..<12 {
            let child = try ChildProcess(load, [
                "publish", "--queue-dir", queue, "--topic", "intake", "--count", "100000", "--size", "200",
                "--start", String(round * 1_000_000), "--acks", "--concurrency", String(1 + round % 4), "--batch", String(1 + round % 3),
            ], in: directory.path)
            try await Task.sleep(for: .milliseconds(Int.random(in: 30...250)))
            child.signal(SIGKILL)
            _ = try await child.waitForExit()
            acknowledged += pairs(child.standardOutput).map(\.0)
        }
        #expect(acknowledged.count > 100, "the publishers got going before they were killed")

        let topic = try DurableQueue(directory: queue).topic("intake")
        _ = try await topic.publish(Array("after the crashes".utf8))
        let records = try topic.read(from: 0, maxCount: 10_000_000)
        #expect(records.map(\.offset) == Array(0..<UInt64(records.count)))
        let numbers = records.dropLast().map { Int(String(decoding: $0.payload.prefix(while: { $0 != UInt8(ascii: ":") }), as: UTF8.self))! }
        var counts: [Int: Int] = [:]
        for number in numbers { counts[number, default: 0] += 1 }
        #expect(counts.values.allSatisfy { $0 == 1 }, "no record is present twice")
        let missing = acknowledged.filter { counts[$0] == nil }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(10))")
        let verify = try await runToEnd(ctl, ["queue", "verify", "--queue-dir", queue], in: directory.path)
        #expect(verify.status == 0)
        #expect(verify.output.contains("clean"))
    }

    @Test func aConsumerKilledMidHandlerSkipsNothing() async throws {
        let directory = try TemporaryDirectory()
        let queue = directory.path + "/queue"
        let total = 400
        let publish = try await runToEnd(load, ["publish", "--queue-dir", queue, "--topic", "pip", "--count", String(total), "--size", "64", "--batch", "50"], in: directory.path)
        #expect(publish.status == 0)

        var handled: [[Int]] = []
        for _ in 0..<30 {
            let child = try ChildProcess(load, [
                "consume", "--queue-dir", queue, "--topic", "pip", "--group", "enrolment", "--count", String(total), "--print",
                "--handler-milliseconds", "1", "--batch-size", String(Int.random(in: 1...40)),
            ], in: directory.path)
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...150)))
            child.signal(SIGKILL)
            _ = try await child.waitForExit()
            let offsets = pairs(child.standardOutput).map(\.0)
            if !offsets.isEmpty { handled.append(offsets) }
            if let last = offsets.last, last == total - 1 { break }
        }
        let finish = try await runToEnd(load, ["consume", "--queue-dir", queue, "--topic", "pip", "--group", "enrolment", "--count", "0", "--print"], in: directory.path)
        #expect(finish.status == 0)

        var seen = Set<Int>()
        var previousEnd = 0
        for run in handled {
            #expect(run == Array(run[0]..<(run[0] + run.count)), "each run handles records in order")
            #expect(run[0] <= previousEnd, "a run starts at or before the first unhandled record: nothing skipped")
            previousEnd = max(previousEnd, run.last! + 1)
            seen.formUnion(run)
        }
        let status = try DurableQueue(directory: queue).topic("pip").status()
        let cursor = Int(status.groups.first { $0.name == "enrolment" }?.cursor ?? 0)
        #expect(Set(0..<cursor).isSubset(of: seen), "everything before the cursor was handled")
    }

    @Test func twoProducersAndTwoGroupsEachGetEveryRecordOnceInOrder() async throws {
        let directory = try TemporaryDirectory()
        let queue = directory.path + "/queue"
        let groups = try ["a", "b"].map { group in
            try ChildProcess(load, ["consume", "--queue-dir", queue, "--topic", "shared", "--group", group, "--count", "1000", "--print"], in: directory.path)
        }
        let producers = try [0, 500_000].map { start in
            try ChildProcess(load, ["publish", "--queue-dir", queue, "--topic", "shared", "--count", "500", "--size", "100", "--start", String(start), "--concurrency", "2"], in: directory.path)
        }
        for producer in producers { #expect(try await producer.waitForExit(timeout: .seconds(60)) == 0) }
        for consumer in groups {
            #expect(try await consumer.waitForExit(timeout: .seconds(60)) == 0)
            let received = pairs(consumer.standardOutput)
            #expect(received.map(\.0) == Array(0..<1000))
            let numbers = received.map(\.1)
            #expect(Set(numbers).count == 1000)
            for range in [0..<250, 250..<500, 500_000..<500_250, 500_250..<500_500] {
                let fromOneTask = numbers.filter { range.contains($0) }
                #expect(fromOneTask == fromOneTask.sorted(), "each publishing task's records arrive in publish order")
            }
        }
    }

    @Test func aFullDiskFailsThePublishAtOnceAndWritingResumesWhenSpaceIsBack() async throws {
        let directory = try TemporaryDirectory()
        let queue = directory.path + "/queue"
        let result = try await runToEnd(load, [
            "publish", "--queue-dir", queue, "--topic", "notifier", "--count", "200", "--size", "1000", "--acks",
            "--file-size-limit", "60000", "--lift-after-error",
        ], in: directory.path)
        #expect(result.status == 0)
        #expect(result.output.contains("error disk full"))
        let acknowledged = pairs(result.output)
        #expect(acknowledged.count == 200)
        let records = try DurableQueue(directory: queue).topic("notifier").read(from: 0, maxCount: 1000)
        #expect(records.count == 200, "nothing half-written stayed, nothing was lost")
        #expect(try await runToEnd(ctl, ["queue", "verify", "--queue-dir", queue], in: directory.path).status == 0)
    }
}
