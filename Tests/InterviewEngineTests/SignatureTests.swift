import Foundation
import Testing
@testable import InterviewEngine
import QuestionnaireModel

/// Desk keys, their files, and the signatures on seals, read back by the
/// transcript reader: the engine alone, every byte predictable.
@Suite("Signed seals")
struct SignatureTests {
    /// RFC 8032, section 7.1, test 1: the seed and the public key it gives.
    static let rfcSeed = hexBytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    static let rfcPublicKey = hexBytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")

    static func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static let frontDesk = try! DeskSigningKey(desk: "Front desk 1", seed: rfcSeed)
    static let otherDesk = try! DeskSigningKey(desk: "Back office", seed: [UInt8](repeating: 7, count: 32))

    static func trusting(_ keys: DeskSigningKey...) -> TrustedDeskKeys {
        var trusted = TrustedDeskKeys()
        for key in keys { try! trusted.add(key.publicKey) }
        return trusted
    }

    /// A session paused and resumed, each ending sealed (signed by `key`
    /// when given), as the recorder writes it.
    static func session(signedBy first: DeskSigningKey?, resumedAt second: DeskSigningKey?) throws -> [String] {
        var encoder = TranscriptEncoder()
        var lines: [String] = []
        var tick: Int64 = 0
        func record(_ event: TranscriptEvent) {
            lines.append(encoder.line(for: event, milliseconds: tick))
            tick += 1000
        }
        func seal(_ key: DeskSigningKey?) throws {
            record(.sealed(try key.map { try $0.signature(sealing: encoder.previousHash!) }))
        }
        let identity = FileIdentity(id: "flow", version: "1", sha256: String(repeating: "a", count: 64))
        record(.header(TranscriptHeader(tool: "intake test", session: "0123456789abcdef", startedMilliseconds: 1_795_000_000_000, mode: .self, client: nil, questionnaire: identity, rules: nil, medications: nil)))
        record(.asked(node: "age"))
        record(.answered(node: "age", raw: "42", value: .number(42)))
        record(.paused(reason: "quit"))
        try seal(first)
        record(.resumed(tool: "intake test", at: "2026-11-26T19:55:13.204Z"))
        record(.asked(node: "pain"))
        record(.answered(node: "pain", raw: "3", value: .number(3)))
        record(.completed(urgent: false, assessment: nil))
        try seal(second)
        return lines
    }

    static func document(_ lines: [String]) -> TranscriptDocument {
        TranscriptDocument(Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Every line's `prev` made the hash of the line before it again: what
    /// someone who edits a line and covers their tracks does.
    static func rehashed(_ lines: [String]) -> [String] {
        var result = [lines[0]]
        for line in lines.dropFirst() {
            let previous = SHA256Hex.of(Array(result.last!.utf8))
            result.append(line.replacingOccurrences(of: #""prev":"[0-9a-f]{64}""#, with: #""prev":"\#(previous)""#, options: .regularExpression))
        }
        return result
    }

    // MARK: - Keys

    @Test func aDeskKeyIsEd25519AsRFC8032DefinesIt() {
        #expect(Self.frontDesk.publicKey.rawRepresentation == Self.rfcPublicKey)
        #expect(Self.frontDesk.keyID == String(SHA256Hex.of(Self.rfcPublicKey).prefix(16)))
        #expect(Self.frontDesk.publicKey.base64 == "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
    }

    @Test func keyFilesReadBackAsTheSameKey() throws {
        let publicFile = Self.frontDesk.publicKey.fileBytes
        #expect(try DeskPublicKey(file: publicFile) == Self.frontDesk.publicKey)
        let privateKey = try DeskSigningKey(file: Self.frontDesk.fileBytes)
        #expect(privateKey.publicKey == Self.frontDesk.publicKey)
        let text = String(decoding: publicFile, as: UTF8.self)
        #expect(text.contains(#""intake": "intake desk public key""#))
        #expect(text.contains(#""desk": "Front desk 1""#))
        #expect(text.contains(#""keyID": "\#(Self.frontDesk.keyID)""#))
        #expect(!text.contains(Base64.encode(Self.rfcSeed)), "the public key file holds no private key")
    }

    struct BadKeyFile: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (String) -> String
        var message: String
        var testDescription: String { name }

        static let all: [BadKeyFile] = [
            BadKeyFile(name: "key id of another key", edit: { $0.replacingOccurrences(of: SignatureTests.frontDesk.keyID, with: "0123456789abcdef") },
                       message: "'keyID' does not belong to 'publicKey': the file was changed by hand; export it again with: intake keys export FILE"),
            BadKeyFile(name: "a private key file", edit: { _ in String(decoding: SignatureTests.frontDesk.fileBytes, as: UTF8.self) },
                       message: #"not an intake desk public key file (its "intake" field must say "intake desk public key")"#),
            BadKeyFile(name: "another algorithm", edit: { $0.replacingOccurrences(of: "Ed25519", with: "RSA") },
                       message: #"'algorithm' must be "Ed25519""#),
            BadKeyFile(name: "a key cut short", edit: { $0.replacingOccurrences(of: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", with: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcH") },
                       message: "'publicKey' must be 32 bytes in Base64"),
            BadKeyFile(name: "a field intake does not write", edit: { $0.replacingOccurrences(of: #""version": 1,"#, with: #""version": 1, "comment": "x","#) },
                       message: "unknown field 'comment': a key file holds only intake, version, desk, algorithm, keyID, publicKey"),
            BadKeyFile(name: "a newer version", edit: { $0.replacingOccurrences(of: #""version": 1"#, with: #""version": 2"#) },
                       message: "a key file of another version: update intake to read it"),
            BadKeyFile(name: "a desk name with an escape", edit: { $0.replacingOccurrences(of: "Front desk 1", with: #"Front\u001b[2J"#) },
                       message: "a desk name cannot hold control or text-direction characters"),
            BadKeyFile(name: "not JSON", edit: { _ in "ssh-ed25519 AAAA" }, message: "not a key file: unexpected 's': expected a value"),
        ]
    }

    @Test(arguments: BadKeyFile.all)
    func aKeyFileNotAsIntakeWritesItIsRefused(_ bad: BadKeyFile) throws {
        let text = bad.edit(String(decoding: Self.frontDesk.publicKey.fileBytes, as: UTF8.self))
        #expect(throws: DeskKeyError(bad.message)) { try DeskPublicKey(file: Array(text.utf8)) }
    }

    @Test func deskNamesAreShortPrintableText() throws {
        #expect(try DeskName.check("  Front desk 1 ") == "Front desk 1")
        #expect(throws: DeskKeyError("a desk needs a name, such as \"Front desk 1\"")) { try DeskName.check("   ") }
        #expect(throws: DeskKeyError("a desk name has at most 60 characters; this one has 61")) { try DeskName.check(String(repeating: "x", count: 61)) }
        #expect(throws: DeskKeyError("a desk name cannot hold control or text-direction characters")) { try DeskName.check("desk\u{202E}1") }
    }

    @Test func base64HasOneSpellingPerValue() {
        for (bytes, text) in [([], ""), ([0x66], "Zg=="), ([0x66, 0x6F], "Zm8="), ([0x66, 0x6F, 0x6F], "Zm9v"), (Array("foobar".utf8), "Zm9vYmFy")] as [([UInt8], String)] {
            #expect(Base64.encode(bytes) == text)
            #expect(Base64.decode(text) == bytes)
        }
        for bad in ["Zg", "Zh==", "Zm9=v", "Zm 9v", "Zg===", "====", "Zm8-"] {
            #expect(Base64.decode(bad) == nil, "\(bad)")
        }
    }

    // MARK: - Seals

    /// A signed seal is one line more of JSON: the key id and the signature
    /// after `ms`, the hash last as on every line.
    @Test func aSignedSealCarriesTheKeyIDAndTheSignature() throws {
        let lines = try Self.session(signedBy: Self.frontDesk, resumedAt: Self.frontDesk)
        let seal = try #require(lines.last)
        #expect(seal.hasPrefix(#"{"type":"sealed","ms":9000,"keyID":"\#(Self.frontDesk.keyID)","signature":""#))
        let document = Self.document(lines)
        #expect(document.problems.isEmpty)
        #expect(document.seals.map(\.line) == [5, 10])
        #expect(document.seals.allSatisfy { $0.signature?.keyID == Self.frontDesk.keyID })
        #expect(document.seals.last?.sealedHash == SHA256Hex.of(Array(lines[8].utf8)))
        // The signature is of the documented message, so other tools can check it.
        let signature = try #require(document.seals.last?.signature)
        let message = SealSignature.message(keyID: Self.frontDesk.keyID, sealedHash: SHA256Hex.of(Array(lines[8].utf8)))
        #expect(String(decoding: message, as: UTF8.self) == "intake-seal-v1:\(Self.frontDesk.keyID):\(SHA256Hex.of(Array(lines[8].utf8)))")
        #expect(Self.frontDesk.publicKey.isValid(signature, sealing: SHA256Hex.of(Array(lines[8].utf8))))
        #expect(!Self.frontDesk.publicKey.isValid(signature, sealing: SHA256Hex.of(Array(lines[7].utf8))))
    }

    @Test func aSealWithHalfASignatureIsDamaged() throws {
        var lines = try Self.session(signedBy: nil, resumedAt: Self.frontDesk)
        let last = lines.count - 1
        lines[last] = lines[last].replacingOccurrences(of: #","signature":"[^"]*""#, with: "", options: .regularExpression)
        // The seal cannot be read, so the ending before it is unsealed too.
        #expect(Self.document(lines).problems == [
            .init(kind: .damaged, line: 10, message: "a signed seal's 'signature' must be 64 bytes in Base64"),
            .init(kind: .tampered, line: 9, message: "the end of the session is not sealed: the line after it was removed, or this line was not written by intake"),
        ])
    }

    // MARK: - What the signatures show

    @Test func signedByATrustedDesk() throws {
        let signatures = SessionSignatures(Self.document(try Self.session(signedBy: Self.frontDesk, resumedAt: Self.frontDesk)), trusted: Self.trusting(Self.frontDesk, Self.otherDesk))
        #expect(signatures.status == .signed)
        #expect(signatures.desks == ["Front desk 1"])
        #expect(signatures.reason == #"signed by desk "Front desk 1"; the seals at lines 5 and 10 check out"#)
        #expect(!signatures.fails)
    }

    @Test func resumedAtAnotherDeskIsSignedByBoth() throws {
        let signatures = SessionSignatures(Self.document(try Self.session(signedBy: Self.frontDesk, resumedAt: Self.otherDesk)), trusted: Self.trusting(Self.frontDesk, Self.otherDesk))
        #expect(signatures.status == .signed)
        #expect(signatures.desks == ["Front desk 1", "Back office"])
    }

    @Test func withoutTrustedKeysSignaturesAreListedNotChecked() throws {
        let signatures = SessionSignatures(Self.document(try Self.session(signedBy: Self.frontDesk, resumedAt: Self.frontDesk)), trusted: nil)
        #expect(signatures.status == .notVerified)
        #expect(signatures.keyIDs == [Self.frontDesk.keyID])
        #expect(!signatures.fails)
    }

    @Test func unsignedFailsOnlyWhenTrustedKeysAreGiven() throws {
        let document = Self.document(try Self.session(signedBy: nil, resumedAt: nil))
        #expect(SessionSignatures(document, trusted: nil).status == .unsigned)
        #expect(!SessionSignatures(document, trusted: nil).fails)
        let checked = SessionSignatures(document, trusted: Self.trusting(Self.frontDesk))
        #expect(checked.status == .unsigned)
        #expect(checked.fails)
        #expect(checked.reason == "none of its seals is signed: it was recorded at a desk without a desk key (intake keys init), or its signatures were removed")
    }

    /// Signed when paused, resumed at a desk without a key: what came after
    /// the signed pause is vouched for by nobody.
    @Test func linesAfterTheLastSignedSealAreNotSigned() throws {
        let signatures = SessionSignatures(Self.document(try Self.session(signedBy: Self.frontDesk, resumedAt: nil)), trusted: Self.trusting(Self.frontDesk))
        #expect(signatures.status == .unsigned)
        #expect(signatures.reason.hasPrefix(#"signed by desk "Front desk 1" up to line 5; lines 6 to 10 are not signed"#))
        #expect(signatures.fails)
    }

    @Test func aKeyNotAmongTheTrustedOnes() throws {
        let signatures = SessionSignatures(Self.document(try Self.session(signedBy: Self.frontDesk, resumedAt: Self.otherDesk)), trusted: Self.trusting(Self.frontDesk))
        #expect(signatures.status == .unknownKey)
        #expect(signatures.reason == "line 10: the seal is signed by key \(Self.otherDesk.keyID), which none of the trusted keys is")
        #expect(signatures.fails)
    }

    /// The attack the hash chain alone cannot see: an answer changed and
    /// every hash after it recomputed. The chain is intact again; the
    /// signatures no longer match.
    @Test func aRehashedEditOfASignedSessionIsAltered() throws {
        let lines = try Self.session(signedBy: Self.frontDesk, resumedAt: Self.frontDesk)
        var edited = lines
        edited[2] = edited[2].replacingOccurrences(of: #""raw":"42","value":42"#, with: #""raw":"24","value":24"#)
        #expect(edited[2] != lines[2])
        let tampered = Self.document(Self.rehashed(edited))
        #expect(tampered.problems.isEmpty, "the chain alone does not see it")
        let signatures = SessionSignatures(tampered, trusted: Self.trusting(Self.frontDesk))
        #expect(signatures.status == .altered)
        #expect(signatures.reason.hasPrefix(#"line 5: the seal is signed by desk "Front desk 1", but the lines it seals are not the ones the desk signed"#))
        #expect(signatures.fails)

        // The signatures removed as well: unsigned, which fails all the same.
        let stripped = Self.rehashed(edited.map { $0.replacingOccurrences(of: #","keyID":"[0-9a-f]{16}","signature":"[^"]*""#, with: "", options: .regularExpression) })
        let unsigned = SessionSignatures(Self.document(stripped), trusted: Self.trusting(Self.frontDesk))
        #expect(unsigned.status == .unsigned)
        #expect(unsigned.fails)
    }

    /// An edit without re-hashing breaks the chain before a seal whose
    /// signature still matches its own line: the session is altered too.
    @Test func aBrokenChainUnderAValidSignatureIsAltered() throws {
        var lines = try Self.session(signedBy: Self.frontDesk, resumedAt: Self.frontDesk)
        lines[2] = lines[2].replacingOccurrences(of: #""raw":"42""#, with: #""raw":"24""#)
        let signatures = SessionSignatures(Self.document(lines), trusted: Self.trusting(Self.frontDesk))
        #expect(signatures.status == .altered)
        #expect(signatures.reason == #"line 4: this line does not follow line 3: line 3 was changed, or a line was removed between them, before the seal desk "Front desk 1" signed at line 5: the lines it signed were changed since"#)
    }

    /// A key is trusted once: the same key again is the same key; under
    /// another desk's name it is refused, so a session is never said to be
    /// signed by the wrong desk.
    @Test func oneKeyCannotBeTrustedUnderTwoDeskNames() throws {
        var trusted = TrustedDeskKeys()
        try trusted.add(Self.frontDesk.publicKey)
        try trusted.add(Self.frontDesk.publicKey)
        #expect(trusted.count == 1)
        let renamed = DeskPublicKey(desk: "Somebody else", rawRepresentation: Self.rfcPublicKey)
        #expect(throws: DeskKeyError(#"has the key id \#(Self.frontDesk.keyID), like the key of desk "Front desk 1": keep only one of them"#)) {
            try trusted.add(renamed)
        }
    }
}
