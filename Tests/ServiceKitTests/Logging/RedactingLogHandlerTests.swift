import Logging
import ServiceKit
import Synchronization
import Testing

@Suite struct RedactingLogHandlerTests {
    final class Captured: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
    }

    func logger(_ captured: Captured) -> Logger {
        Logger(label: "test") { label in
            RedactingLogHandler(label: label, level: .trace) { line in captured.lines.withLock { $0.append(line) } }
        }
    }

    @Test func bsnShapedNumbersNeverReachTheLog() throws {
        let captured = Captured()
        let logger = logger(captured)
        logger.info("koppeling voor 111222333 ontvangen", metadata: ["dossier": "d-42", "ref": "x111222333y"])
        logger.error("failed", metadata: ["detail": .array(["123456782"])])
        #expect(!captured.text.contains("111222333"))
        #expect(!captured.text.contains("123456782"))
        #expect(captured.text.contains("[bsn]"))
        #expect(captured.text.contains("dossier=d-42"))
    }

    @Test func personalMetadataKeysAreRedactedWhateverTheyHold() {
        let captured = Captured()
        var logger = logger(captured)
        logger[metadataKey: "naam"] = "Amina Yusuf"
        logger.info("intake afgerond", metadata: ["gezondheid": "PTSS", "Email": "a@example.nl", "inburgeraar": "5b1f0e43"])
        for secret in ["Amina", "PTSS", "a@example.nl"] {
            #expect(!captured.text.contains(secret))
        }
        #expect(captured.text.contains("naam=[redacted]"))
        #expect(captured.text.contains("inburgeraar=5b1f0e43"))
    }

    @Test func otherNumbersStay() {
        #expect(LogRedaction.redact("port 8081, 12345678 and 1234567890") == "port 8081, 12345678 and 1234567890")
        #expect(LogRedaction.redact("111222333") == "[bsn]")
        #expect(LogRedaction.redact("a111222333,123456782") == "a[bsn],[bsn]")
    }

    @Test func levelsBelowTheThresholdAreDropped() {
        let captured = Captured()
        let logger = Logger(label: "test") { RedactingLogHandler(label: $0, level: .warning) { line in captured.lines.withLock { $0.append(line) } } }
        logger.info("niet")
        logger.warning("wel")
        #expect(captured.lines.withLock { $0.count } == 1)
        #expect(captured.text.contains(" warning test wel"))
    }
}
