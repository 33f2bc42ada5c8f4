import Foundation
import ServiceKit
import Testing

@Suite struct WebhookSecretTests {
    @Test func aSecretIsReadWithOrWithoutItsPrefix() throws {
        let prefixed = try WebhookSecret(SpecVector.secret)
        let bare = try WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(prefixed == bare)
        #expect(prefixed.key.count == 24)
        #expect(prefixed.encoded == SpecVector.secret)
    }

    @Test func aGeneratedSecretIs32RandomBytesThatReadBack() throws {
        let secret = WebhookSecret.generate()
        #expect(secret.key.count == 32)
        #expect(secret.encoded.hasPrefix("whsec_"))
        #expect(try WebhookSecret(secret.encoded) == secret)
        #expect(WebhookSecret.generate() != secret)
    }

    @Test func keysOutside24To64BytesOrNotBase64AreRefused() throws {
        let cases: [(String, WebhookSecretError.Code)] = [
            ("whsec_" + Data(repeating: 1, count: 16).base64EncodedString(), .wrongLength),
            (Data(repeating: 1, count: 65).base64EncodedString(), .wrongLength),
            ("whsec_", .notBase64),
            ("", .notBase64),
            ("whsec_not*base64*at*all", .notBase64),
            ("whsec_MfKQ9r8G KYqrTwjUPD8ILPZIo2LaLaSw", .notBase64),
        ]
        for (text, code) in cases {
            do {
                _ = try WebhookSecret(text)
                Issue.record("accepted '\(text)'")
            } catch {
                #expect(error.code == code)
                let secretPart = text.replacingOccurrences(of: "whsec_", with: "")
                #expect(secretPart.isEmpty || !error.description.contains(secretPart))
            }
        }
        #expect(try WebhookSecret(Data(repeating: 1, count: 64).base64EncodedString()).key.count == 64)
    }

    @Test func printingASecretNeverShowsTheKey() throws {
        let secret = try WebhookSecret(SpecVector.secret)
        var dumped = ""
        dump(secret, to: &dumped)
        for shown in [secret.description, "\(secret)", String(reflecting: secret), dumped, "\([secret])"] {
            #expect(!shown.contains("MfKQ9r8G"), "\(shown)")
            #expect(!shown.contains("49"))  // the first key byte, 0x31, as a decimal number in a dump of [UInt8]
        }
        #expect(secret.description == "whsec_…")
    }
}
