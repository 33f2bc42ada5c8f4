import Foundation
import Queue
import TestSupport
import Testing

@Suite struct CtlQueueTests {
    let ctl = Binaries.path("inburgeringctl")

    func ctl(_ arguments: [String], in directory: TemporaryDirectory, stdin: String? = nil) async throws -> (status: Int32, output: String, error: String) {
        try await runToEnd(ctl, arguments, in: directory.path)
    }

    @Test func operatorsCanInspectPublishAndRepairALiveQueue() async throws {
        let directory = try TemporaryDirectory()
        let root = directory.path + "/queue"
        let topic = try DurableQueue(directory: root).topic("intake")
        for number in 0..<5 { _ = try await topic.publish(Array("{\"n\":\(number)}".utf8)) }
        try "{\"fixed\":true}".write(toFile: directory.path + "/record.json", atomically: true, encoding: .utf8)
        let q = ["--queue-dir", root]

        let published = try await ctl(["queue", "publish"] + q + ["intake", "--file", directory.path + "/record.json"], in: directory)
        #expect(published.status == 0)
        #expect(published.output == "5\n")

        let peek = try await ctl(["queue", "peek"] + q + ["intake", "--from", "4", "--count", "5"], in: directory)
        #expect(peek.output.contains("4  "))
        #expect(peek.output.contains("{\"fixed\":true}"))
        #expect(!peek.output.contains("{\"n\":3}"))

        let tail = try await ctl(["queue", "tail"] + q + ["intake", "--count", "2", "--json"], in: directory)
        #expect(tail.output.split(separator: "\n").count == 2)

        let reset = try await ctl(["queue", "reset-offset"] + q + ["intake", "--group", "pip", "--to", "2", "--yes"], in: directory)
        #expect(reset.output.contains("now at 2"))
        let list = try await ctl(["queue", "list"] + q + ["--json"], in: directory)
        let statuses = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        let intake = try #require(statuses.first { $0["name"] as? String == "intake" })
        #expect(intake["nextOffset"] as? Int == 6)
        let groups = try #require(intake["groups"] as? [[String: Any]])
        #expect(groups.first?["lag"] as? Int == 4)
        let groupsTable = try await ctl(["queue", "groups"] + q + ["intake"], in: directory)
        #expect(groupsTable.output.contains("pip"))

        let refused = try await ctl(["queue", "reset-offset"] + q + ["intake", "--group", "pip", "--to", "latest"], in: directory)
        #expect(refused.status != 0)
        #expect(refused.error.contains("pass --yes"))
    }

    @Test func deadLettersAreListedReplayedAndDropped() async throws {
        let directory = try TemporaryDirectory()
        let root = directory.path + "/queue"
        let topic = try DurableQueue(directory: root).topic("pip")
        _ = try await topic.publish(Array("bad-1".utf8))
        _ = try await topic.publish(Array("bad-2".utf8))
        let consumer = Task {
            try await topic.consume(group: "enrolment", options: ConsumerOptions(retry: RetryPolicy(maxAttempts: 1), pollInterval: .milliseconds(20))) { _ in
                struct Refused: Error {}
                throw Refused()
            }
        }
        while (try? topic.pendingDeadLetters().count) != 2 { try await Task.sleep(for: .milliseconds(10)) }
        consumer.cancel()
        _ = await consumer.result
        let q = ["--queue-dir", root]

        let list = try await ctl(["queue", "dlq", "list"] + q + ["pip"], in: directory)
        #expect(list.output.contains("enrolment"))
        #expect(list.output.split(separator: "\n").count == 3)
        let replay = try await ctl(["queue", "dlq", "replay"] + q + ["pip", "--offset", "0"], in: directory)
        #expect(replay.status == 0)
        #expect(replay.output.contains("replayed 1"))
        #expect(try topic.read(from: 2, maxCount: 1).first?.payload == Array("bad-1".utf8))
        let drop = try await ctl(["queue", "dlq", "drop"] + q + ["pip", "--all"], in: directory)
        #expect(drop.output.contains("dropped 1"))
        let empty = try await ctl(["queue", "dlq", "list"] + q + ["pip", "--json"], in: directory)
        #expect((try JSONSerialization.jsonObject(with: Data(empty.output.utf8)) as? [Any])?.isEmpty == true)
        #expect(try topic.pendingDeadLetters().isEmpty)
        let nothing = try await ctl(["queue", "dlq", "replay"] + q + ["pip"], in: directory)
        #expect(nothing.status != 0)
    }

    @Test func applyRetentionFreesWhatEveryGroupHasPassed() async throws {
        let directory = try TemporaryDirectory()
        let root = directory.path + "/queue"
        let topic = try DurableQueue(directory: root, options: QueueOptions(segmentSize: 512)).topic("intake")
        for number in 0..<30 { _ = try await topic.publish(Array("record \(number) with some padding text".utf8)) }
        let segments = { try FileManager.default.contentsOfDirectory(atPath: root + "/intake").filter { $0.hasSuffix(".log") }.count }
        let before = try segments()
        let q = ["--queue-dir", root]

        let kept = try await ctl(["queue", "apply-retention"] + q, in: directory)
        #expect(kept.status == 0)
        #expect(kept.output.contains("deleted 0 segments"), "no group yet: everything is kept")
        _ = try topic.resetCursor(group: "pip", to: 30)
        let young = try await ctl(["queue", "apply-retention"] + q + ["--days", "1"], in: directory)
        #expect(young.output.contains("deleted 0 segments"), "younger than a day")
        let freed = try await ctl(["queue", "apply-retention"] + q + ["--days", "0"], in: directory)
        #expect(freed.status == 0)
        #expect(try segments() == 1, "only the active segment is left")
        #expect(freed.output.contains("deleted \(before - 1) segments"))
        let wrong = try await ctl(["queue", "apply-retention"] + q + ["--days", "-1"], in: directory)
        #expect(wrong.status != 0)
    }

    @Test func verifyNamesTheFileAndOffsetOfDamage() async throws {
        let directory = try TemporaryDirectory()
        let root = directory.path + "/queue"
        let topic = try DurableQueue(directory: root).topic("intake")
        for number in 0..<6 { _ = try await topic.publish(Array("record \(number) with some text".utf8)) }
        let segment = root + "/intake/" + (try FileManager.default.contentsOfDirectory(atPath: root + "/intake").first { $0.hasSuffix(".log") })!
        var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
        let frame = 24 + "record 0 with some text".utf8.count
        bytes[2 * frame + 30] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: segment))
        let verify = try await ctl(["queue", "verify", "--queue-dir", root, "intake"], in: directory)
        #expect(verify.status == 1)
        #expect(verify.output.contains(segment))
        #expect(verify.output.contains("offset"))
        let missing = try await ctl(["queue", "list", "--queue-dir", directory.path + "/nergens"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.error.split(separator: "\n").count == 1)
    }
}
