import Foundation
import ServiceKit
import Testing

/// The Standard Webhooks reference libraries' test vector, checked with openssl too.
enum SpecVector {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp: Int64 = 1_614_265_330
    static let body = Array(#"{"test": 2432232314}"#.utf8)
    static let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
}

@Suite struct StandardWebhooksTests {
    let secret: WebhookSecret

    init() throws { secret = try WebhookSecret(SpecVector.secret) }

    func at(_ offset: Int) -> Date { Date(timeIntervalSince1970: Double(SpecVector.timestamp + Int64(offset))) }

    func verify(
        signature: String?, body: [UInt8] = SpecVector.body, secrets: [WebhookSecret]? = nil, id: String? = SpecVector.id,
        timestamp: String? = String(SpecVector.timestamp), now: Date? = nil
    ) -> WebhookVerificationError.Reason? {
        do {
            try StandardWebhooks.verify(
                id: id, timestamp: timestamp, signature: signature, body: body, secrets: secrets ?? [secret], now: now ?? at(3))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func theSpecVectorSignsAndVerifies() throws {
        #expect(StandardWebhooks.sign(id: SpecVector.id, timestamp: SpecVector.timestamp, body: SpecVector.body, secret: secret) == SpecVector.signature)
        #expect(verify(signature: SpecVector.signature) == nil)
    }

    @Test func anyOfTheRotatedSecretsMayMatch() throws {
        let older = WebhookSecret.generate()
        let newer = WebhookSecret.generate()
        let signedWithOlder = StandardWebhooks.sign(id: SpecVector.id, timestamp: SpecVector.timestamp, body: SpecVector.body, secret: older)
        #expect(verify(signature: signedWithOlder, secrets: [newer, older]) == nil)
        let signedWithUnknown = StandardWebhooks.sign(
            id: SpecVector.id, timestamp: SpecVector.timestamp, body: SpecVector.body, secret: WebhookSecret.generate())
        #expect(verify(signature: signedWithUnknown, secrets: [newer, older]) == .noValidSignature)
        #expect(verify(signature: SpecVector.signature, secrets: []) == .noValidSignature)
    }

    @Test func oneValidV1EntryAmongDecoysIsEnough() throws {
        let garbage = "v1," + Data(repeating: 7, count: 32).base64EncodedString()
        #expect(verify(signature: "\(garbage) \(SpecVector.signature)") == nil)
        #expect(verify(signature: "\(SpecVector.signature) \(garbage)") == nil)
        #expect(verify(signature: garbage) == .noValidSignature)
        #expect(verify(signature: "v1,not base64!") == .noValidSignature)
        #expect(verify(signature: "v1") == .noValidSignature)
    }

    @Test func onlyV1EntriesCount() throws {
        let validBytes = SpecVector.signature.dropFirst(3)
        #expect(verify(signature: "v2,\(validBytes)") == .noValidSignature)
        #expect(verify(signature: "v1a,\(validBytes)") == .noValidSignature)
        #expect(verify(signature: "v1a,\(validBytes) \(SpecVector.signature)") == nil)
        #expect(verify(signature: "v1a,\(validBytes) v2,\(validBytes)") == .noValidSignature)
    }

    /// The window is inclusive: exactly 300 seconds either way passes, 301 fails.
    @Test func theTimestampMustLieWithinFiveMinutesEitherWay() throws {
        #expect(verify(signature: SpecVector.signature, now: at(300)) == nil)
        #expect(verify(signature: SpecVector.signature, now: at(-300)) == nil)
        #expect(verify(signature: SpecVector.signature, now: at(301)) == .timestampTooOld)
        #expect(verify(signature: SpecVector.signature, now: at(-301)) == .timestampTooNew)
        #expect(verify(signature: SpecVector.signature, now: at(300).addingTimeInterval(0.5)) == .timestampTooOld)
    }

    @Test func aShorterToleranceIsHonoured() throws {
        let tolerance = Duration.seconds(10)
        #expect(throws: WebhookVerificationError(.timestampTooOld)) {
            try StandardWebhooks.verify(
                id: SpecVector.id, timestamp: String(SpecVector.timestamp), signature: SpecVector.signature, body: SpecVector.body,
                secrets: [secret], now: at(11), tolerance: tolerance)
        }
    }

    @Test func missingHeadersAreNamed() throws {
        #expect(verify(signature: SpecVector.signature, id: nil) == .missingHeader("webhook-id"))
        #expect(verify(signature: SpecVector.signature, timestamp: "") == .missingHeader("webhook-timestamp"))
        #expect(verify(signature: nil) == .missingHeader("webhook-signature"))
        #expect(verify(signature: " ") == .missingHeader("webhook-signature"))
    }

    @Test func aTimestampIsWholeSeconds() throws {
        for malformed in ["1614265330.5", "-1614265330", "+1614265330", "1614265330Z", "2021-02-25T15:02:10Z", "99999999999999999999"] {
            #expect(verify(signature: SpecVector.signature, timestamp: malformed) == .malformedTimestamp, "\(malformed)")
        }
    }

    @Test func changingOneByteBreaksTheSignature() throws {
        var body = SpecVector.body
        body[body.count - 2] ^= 1
        #expect(verify(signature: SpecVector.signature, body: body) == .noValidSignature)
        #expect(verify(signature: SpecVector.signature, id: SpecVector.id + "x") == .noValidSignature)
        #expect(verify(signature: SpecVector.signature, body: SpecVector.body + [UInt8(ascii: "\n")]) == .noValidSignature)
    }

    @Test func reasonsNeverEchoTheSignatureOrTheSecret() throws {
        for reason in [verify(signature: "v1,AAAA"), verify(signature: SpecVector.signature, now: at(1000))] {
            let description = WebhookVerificationError(try #require(reason)).description
            #expect(!description.contains("AAAA") && !description.contains("g0hM9SsE"))
            #expect(!description.contains("MfKQ9r8G"))
            #expect(!description.contains("\n"))
        }
    }
}
