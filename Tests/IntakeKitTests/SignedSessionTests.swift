import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import Testing

/// Desk keys and signed sessions, in-process: a desk makes a key, its
/// sessions are signed at every seal, a supervisor checks them with the
/// desk's public key file; edits made by someone without the key are caught.
@Suite("Signed sessions")
struct SignedSessionTests {
    static let persona = "Tests/Personas/01-desk-worker-neck.json"
    static let straight = Fixtures.text("Tests/Fixtures/straight-session.txt")
        .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)

    /// intake at a desk named `name`, with a key made by `keys init` (keys
    /// differ by `seed`), its public key file exported into `trusted` when given.
    static func desk(_ name: String, seed: UInt8 = 1, trustedIn trusted: TemporaryFolder? = nil) throws -> InProcessIntake {
        let intake = InProcessIntake(deskKeys: MemoryDeskKeys(seed: seed))
        let made = intake.keys(.create(desk: name, replacing: false))
        #expect(made.status == 0, "\(made.error)")
        if let trusted { try export(intake, into: trusted, as: "\(seed).pub") }
        return intake
    }

    /// `keys export` into a real folder, where every intake of the test reads it.
    static func export(_ intake: InProcessIntake, into folder: TemporaryFolder, as name: String) throws {
        let path = folder.path + "/" + name
        let exported = intake.keys(.export(path: path))
        #expect(exported.status == 0, "\(exported.error)")
        try Data(try #require(intake.deskKeys.written[path])).write(to: URL(fileURLWithPath: path))
    }

    /// Runs the persona's answer file; the transcript's path.
    static func session(at intake: InProcessIntake) throws -> String {
        let result = intake.run(SessionOptions(answers: persona), typing: [])
        #expect(result.status == 0, "\(result.error)")
        return try #require(intake.transcripts.last)
    }

    /// `text` with every run of spaces and line breaks made one space: what
    /// was said, whatever the width it was wrapped to.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func replay(_ intake: InProcessIntake, _ path: String, trusted: TemporaryFolder?, json: Bool = false) -> InProcessIntake.Result {
        intake.replay(Replay.Options(path: path, check: true, json: json, trustedKeys: trusted?.path))
    }

    /// What someone with the file but not the key does: replaces `old` with
    /// `new` on its line, recomputes the hash every later line carries, and
    /// re-seals, keeping the old signatures or dropping them.
    static func rehashedEdit(_ text: String, replacing old: String, with new: String, keepSignatures: Bool) -> String {
        var lines = text.split(separator: "\n").map(String.init)
        let edited = lines.firstIndex { $0.contains(old) }!
        lines[edited] = lines[edited].replacingOccurrences(of: old, with: new)
        if !keepSignatures {
            lines = lines.map { $0.replacingOccurrences(of: #","keyID":"[0-9a-f]{16}","signature":"[^"]*""#, with: "", options: .regularExpression) }
        }
        for index in lines.indices.dropFirst() {
            let previous = SHA256Hex.of(Array(lines[index - 1].utf8))
            lines[index] = lines[index].replacingOccurrences(of: #""prev":"[0-9a-f]{64}""#, with: #""prev":"\#(previous)""#, options: .regularExpression)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Signing and checking

    @Test func aSessionAtADeskWithAKeyIsSignedAndChecksOut() throws {
        let trusted = try TemporaryFolder()
        let intake = try Self.desk("Front desk 1", trustedIn: trusted)
        let result = intake.run(SessionOptions(answers: Self.persona), typing: [])
        #expect(result.output.contains(#"(signed by desk "Front desk 1")"#))
        let path = try #require(intake.transcripts.last)
        let lines = intake.text(path).split(separator: "\n")
        #expect(lines.last?.contains(#""type":"sealed","ms":"#) == true)
        #expect(lines.last?.contains(#""keyID":""#) == true)

        let checked = Self.replay(intake, path, trusted: trusted)
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
        #expect(checked.output.contains("Hash chain: intact"))
        #expect(Self.words(checked.output).contains(#"Signatures: signed by desk "Front desk 1"; the seal at line \#(lines.count) checks out."#))

        let unchecked = intake.replay(Replay.Options(path: path, check: true))
        #expect(unchecked.status == 0)
        #expect(Self.words(unchecked.output).contains("Signatures: signed with key "))
        #expect(Self.words(unchecked.output).contains("not verified: give the desks' public key files with --trusted-keys DIR."))
    }

    /// The private key stays in its file: not in the transcript, on the
    /// screen, or in a report; the public key is not written out either,
    /// only its id.
    @Test func keysAreNeverInTranscriptsOutputOrReports() throws {
        let intake = try Self.desk("Front desk 1")
        let keyFile = try #require(intake.deskKeys.written.values.first)
        let key = try DeskSigningKey(file: keyFile)
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(keyFile)) as? [String: Any])
        let privateKey = try #require(fields["privateKey"] as? String)
        let path = try Self.session(at: intake)
        let text = intake.text(path)
        let session = intake.run(SessionOptions(answers: Self.persona), typing: [])
        let report = intake.report(SessionReport.Options(transcript: path, format: .json))
        let page = intake.report(SessionReport.Options(transcript: path, format: .html))
        let replayed = intake.replay(Replay.Options(path: path))
        #expect(text.contains(key.keyID))
        for shown in [text, session.output, session.error, report.output, page.output, replayed.output, replayed.error] {
            #expect(!shown.contains(privateKey))
            #expect(!shown.contains(key.publicKey.base64))
        }
    }

    /// The attack the hash chain cannot see: an answer changed and every
    /// hash after it recomputed. Replay finds nothing wrong; the signature
    /// does, whether the old signature is kept or removed.
    @Test func aRehashedEditOfASignedSessionIsCaught() throws {
        let trusted = try TemporaryFolder()
        let intake = try Self.desk("Front desk 1", trustedIn: trusted)
        let path = try Self.session(at: intake)
        let original = #""node":"pain_intensity","raw":"5","value":5"#
        #expect(intake.text(path).contains(original))
        let tampered = InProcessIntake.sessions + "/tampered.jsonl"

        intake.files.place(Array(Self.rehashedEdit(intake.text(path), replacing: original, with: #""node":"pain_intensity","raw":"6","value":6"#, keepSignatures: true).utf8), at: tampered)
        let blind = intake.replay(Replay.Options(path: tampered, check: true))
        #expect(blind.status == 0, "without the desk's public key the edit cannot be seen: \(blind.output)")
        #expect(blind.output.contains("Hash chain: intact"))
        let caught = Self.replay(intake, tampered, trusted: trusted)
        #expect(caught.status == 1)
        #expect(Self.words(caught.output).contains(#"Signatures: ALTERED after it was signed: line 67: the seal is signed by desk "Front desk 1", but the lines it seals are not the ones the desk signed"#), "\(caught.output)")

        intake.files.place(Array(Self.rehashedEdit(intake.text(path), replacing: original, with: #""node":"pain_intensity","raw":"6","value":6"#, keepSignatures: false).utf8), at: tampered)
        let stripped = Self.replay(intake, tampered, trusted: trusted)
        #expect(stripped.status == 1)
        #expect(Self.words(stripped.output).contains("Signatures: not signed: none of its seals is signed: it was recorded at a desk without a desk key (intake keys init), or its signatures were removed."))
    }

    /// A session paused and resumed is sealed, and signed, at each ending;
    /// resumed at another desk it is signed by both; resumed by someone
    /// without a key, what came after the pause is signed by nobody.
    @Test func aPausedAndResumedSessionIsSignedAtEachSeal() throws {
        let trusted = try TemporaryFolder()
        let intake = try Self.desk("Front desk 1", trustedIn: trusted)
        #expect(intake.run(typing: Array(Self.straight.prefix(3)) + [":quit"]).status == 0)
        let path = try #require(intake.transcripts.last)
        let paused = intake.text(path)
        let pauseSeal = paused.split(separator: "\n").count
        #expect(paused.split(separator: "\n").last?.contains(#""keyID":""#) == true)

        #expect(intake.run(SessionOptions(resume: path), typing: Array(Self.straight.dropFirst(3))).status == 0)
        let ended = intake.text(path).split(separator: "\n").count
        let checked = Self.replay(intake, path, trusted: trusted)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(Self.words(checked.output).contains(#"Signatures: signed by desk "Front desk 1"; the seals at lines \#(pauseSeal) and \#(ended) check out."#), "\(checked.output)")

        // Resumed by another user, at a desk with a key of its own.
        intake.files.place(Array(paused.utf8), at: path)
        intake.environment["HOME"] = "/memory/back-office"
        #expect(intake.keys(.create(desk: "Back office", replacing: false)).status == 0)
        try Self.export(intake, into: trusted, as: "back-office.pub")
        #expect(intake.run(SessionOptions(resume: path), typing: Array(Self.straight.dropFirst(3))).status == 0)
        let twoDesks = Self.replay(intake, path, trusted: trusted)
        #expect(twoDesks.status == 0, "\(twoDesks.output)")
        #expect(Self.words(twoDesks.output).contains(#"Signatures: signed by desks "Front desk 1" and "Back office"; the seals at lines"#))

        // Resumed by a user without a desk key.
        intake.files.place(Array(paused.utf8), at: path)
        intake.environment["HOME"] = "/memory/nobody"
        #expect(intake.run(SessionOptions(resume: path), typing: Array(Self.straight.dropFirst(3))).status == 0)
        let half = Self.replay(intake, path, trusted: trusted)
        #expect(half.status == 1)
        #expect(Self.words(half.output).contains(#"Signatures: not signed: signed by desk "Front desk 1" up to line \#(pauseSeal); lines \#(pauseSeal + 1) to \#(ended) are not signed"#), "\(half.output)")
    }

    @Test func aSessionSignedByAKeyNotTrustedFails() throws {
        let trusted = try TemporaryFolder()
        _ = try Self.desk("Front desk 1", seed: 1, trustedIn: trusted)
        let stranger = try Self.desk("Somewhere else", seed: 9)
        let path = try Self.session(at: stranger)
        let keyID = try DeskSigningKey(file: try #require(stranger.deskKeys.written.values.first)).keyID
        let result = Self.replay(stranger, path, trusted: trusted)
        #expect(result.status == 1)
        #expect(Self.words(result.output).contains("Signatures: signed by a key that is not trusted: line 67: the seal is signed by key \(keyID), which none of the trusted keys is."), "\(result.output)")
    }

    /// Under --trusted-keys an unsigned session fails: it cannot be told
    /// from a signed one whose signatures were removed after an edit.
    @Test func anUnsignedSessionFailsOnlyWhenTrustedKeysAreGiven() throws {
        let trusted = try TemporaryFolder()
        _ = try Self.desk("Front desk 1", trustedIn: trusted)
        let intake = InProcessIntake()
        let path = try Self.session(at: intake)
        let plain = intake.replay(Replay.Options(path: path, check: true))
        #expect(plain.status == 0)
        #expect(!Self.words(plain.output).contains("Signatures"), "a desk without keys sees replay as before")
        let checked = Self.replay(intake, path, trusted: trusted)
        #expect(checked.status == 1)
        #expect(Self.words(checked.output).contains("Signatures: not signed: none of its seals is signed"))
    }

    /// A folder of sessions by who signed them: counted in words and in
    /// JSON, every session the trusted desks did not sign listed with why.
    @Test func aFolderSummarySaysWhoSignedEachSession() throws {
        let trusted = try TemporaryFolder()
        let intake = try Self.desk("Front desk 1", trustedIn: trusted)
        let signed = try Self.session(at: intake)
        let folder = InProcessIntake.sessions
        let unsignedDesk = InProcessIntake()
        intake.files.place(Array(unsignedDesk.text(try Self.session(at: unsignedDesk)).utf8), at: folder + "/b-unsigned.jsonl")
        let stranger = try Self.desk("Somewhere else", seed: 9)
        intake.files.place(Array(stranger.text(try Self.session(at: stranger)).utf8), at: folder + "/c-unknown-key.jsonl")
        let edit = Self.rehashedEdit(intake.text(signed), replacing: #""node":"pain_intensity","raw":"5","value":5"#, with: #""node":"pain_intensity","raw":"6","value":6"#, keepSignatures: true)
        intake.files.place(Array(edit.utf8), at: folder + "/d-altered.jsonl")

        let json = Self.replay(intake, folder, trusted: trusted, json: true)
        #expect(json.status == 1)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let signatures = try #require(summary["signatures"] as? [String: Any])
        #expect(signatures["trustedKeys"] as? String == trusted.path)
        #expect(signatures["signedBy"] as? [String: Int] == ["Front desk 1": 1])
        #expect(signatures["unsigned"] as? Int == 1)
        #expect(signatures["unknownKey"] as? Int == 1)
        #expect(signatures["altered"] as? Int == 1)
        let problems = try #require(signatures["problems"] as? [[String: String]])
        #expect(problems.map { $0["file"] ?? "" } == ["b-unsigned.jsonl", "c-unknown-key.jsonl", "d-altered.jsonl"])
        #expect(problems.map { $0["status"] ?? "" } == ["unsigned", "unknown-key", "altered"])

        let text = Self.replay(intake, folder, trusted: trusted)
        #expect(text.status == 1)
        for expected in [
            "  Signatures, checked with the trusted keys in \(trusted.path):",
            #"    signed by "Front desk 1"                  1"#,
            "Altered after they were signed (1)", "  d-altered.jsonl: line 67: the seal is signed by desk",
            "Signed by a key that is not trusted (1)", "Not signed by a trusted desk (to the end) (1)", "3 files need a look.",
        ] {
            #expect(Self.words(text.output).contains(Self.words(expected)), "\(expected)\n\(text.output)")
        }

        // Without trusted keys nothing can be checked: only counted.
        let unchecked = intake.replay(Replay.Options(path: folder, check: true))
        #expect(unchecked.status == 0, "\(unchecked.output)")
        #expect(unchecked.output.contains("  Signatures: 3 signed, 1 unsigned; not checked: give the desks' public key files with --trusted-keys DIR"))
    }

    /// The example signed session, recorded by the real binary at a desk
    /// whose private key was then thrown away, replays with its public key.
    @Test func theGoldenSignedTranscriptReplaysWithItsPublicKey() throws {
        let intake = InProcessIntake()
        let folder = "Transcripts/examples/signed"
        let file = folder + "/resumed-session-signed.jsonl"
        let result = intake.replay(Replay.Options(path: file, check: true, trustedKeys: folder + "/keys"))
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("questionnaire, rules and medicines list unchanged since"))
        #expect(result.output.contains("Replay: every step did what the transcript recorded."))
        #expect(Self.words(result.output).contains(#"Signatures: signed by desk "Example desk"; the seals at lines 20 and 79 check out."#), "\(result.output)")
        let summary = intake.replay(Replay.Options(path: folder, check: true, json: true, trustedKeys: folder + "/keys/example-desk.pub"))
        #expect(summary.status == 0)
        let signatures = try #require((try JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: Any])?["signatures"] as? [String: Any])
        #expect(signatures["signedBy"] as? [String: Int] == ["Example desk": 1])
        #expect((signatures["problems"] as? [Any])?.isEmpty == true)
    }

    // MARK: - The keys command and its refusals

    @Test func keysInitShowAndExport() throws {
        let intake = InProcessIntake()
        let none = intake.keys(.show)
        #expect(none.status == 2)
        #expect(none.error == "/memory/home/.config/intake/desk-key.json: there is no desk key yet: make one with: intake keys init --desk NAME\n")

        let made = intake.keys(.create(desk: "  Front desk 1 ", replacing: false))
        #expect(made.status == 0)
        #expect(made.output.hasPrefix(#"Made the key of desk "Front desk 1", kept in /memory/home/.config/intake/desk-key.json (readable by you only)."#))
        let key = try DeskSigningKey(file: try #require(intake.deskKeys.written["/memory/home/.config/intake/desk-key.json"]))
        #expect(made.output.contains("  key id      \(key.keyID)\n  public key  \(key.publicKey.base64)\n"))

        let again = intake.keys(.create(desk: "Front desk 2", replacing: false))
        #expect(again.status == 2)
        #expect(again.error.contains(#"this user already has the key of desk "Front desk 1" (key id \#(key.keyID))"#))
        #expect(again.error.hasSuffix("to replace it anyway, add --force\n"))

        let shown = intake.keys(.show)
        #expect(shown.status == 0)
        #expect(shown.output.contains("  key id      \(key.keyID)"))

        let exported = intake.keys(.export(path: "/memory/front.pub"))
        #expect(exported.status == 0)
        #expect(try DeskPublicKey(file: try #require(intake.deskKeys.written["/memory/front.pub"])) == key.publicKey)
        #expect(intake.keys(.export(path: "/memory/front.pub")).error == "/memory/front.pub: already exists: choose another name, or remove it first\n")

        let replaced = intake.keys(.create(desk: "Front desk 2", replacing: true))
        #expect(replaced.status == 0)
        #expect(try DeskSigningKey(file: try #require(intake.deskKeys.written["/memory/home/.config/intake/desk-key.json"])).keyID != key.keyID)
    }

    @Test func whereTheDeskKeyIsKept() {
        #expect(DeskKeys.privateKeyPath(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == "/c/intake/desk-key.json")
        #expect(DeskKeys.privateKeyPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h/"]) == "/h/.config/intake/desk-key.json")
        #expect(DeskKeys.privateKeyPath(environment: [:]) == nil)
        let homeless = InProcessIntake(environment: ["HOME": ""])
        let result = homeless.keys(.create(desk: "Front desk 1", replacing: false))
        #expect(result.status == 2)
        #expect(result.error == "neither HOME nor XDG_CONFIG_HOME is set, so there is no config folder for the desk key: set HOME and try again\n")
    }

    @Test func aDeskNameMustBeShortPrintableText() {
        let intake = InProcessIntake()
        let result = intake.keys(.create(desk: "desk\u{1B}[2J", replacing: false))
        #expect(result.status == 2)
        #expect(result.error == "--desk: a desk name cannot hold control or text-direction characters\n")
    }

    /// A desk that should sign never records unsigned sessions quietly: a
    /// key file that cannot be read stops the run before anything is saved.
    @Test func aDamagedDeskKeyStopsTheSessionBeforeItStarts() throws {
        let intake = InProcessIntake()
        intake.deskKeys.place(Array("{}".utf8), at: "/memory/home/.config/intake/desk-key.json")
        let result = intake.run(SessionOptions(answers: Self.persona), typing: [])
        #expect(result.status == 2)
        #expect(result.error == #"/memory/home/.config/intake/desk-key.json: not an intake desk private key file (its "intake" field must say "intake desk private key"): sessions cannot be signed with it; make a new desk key with: intake keys init --desk NAME --force"# + "\n")
        #expect(intake.transcripts.isEmpty)
    }

    @Test func trustedKeysMustBePublicKeyFiles() throws {
        let intake = InProcessIntake()
        let empty = try TemporaryFolder()
        try empty.file("README.md", "the desks we trust")
        let none = intake.replay(Replay.Options(path: "Transcripts/examples/signed", check: true, trustedKeys: empty.path))
        #expect(none.status == 2)
        #expect(none.error == "\(empty.path): holds no public key files (*.pub): put there the files desks write with: intake keys export FILE.pub\n")
        let bad = try empty.file("front.pub", "ssh-ed25519 AAAA front")
        let refused = intake.replay(Replay.Options(path: "Transcripts/examples/signed", check: true, trustedKeys: empty.path))
        #expect(refused.status == 2)
        #expect(refused.error == "\(bad): not a key file: unexpected 's': expected a value\n")
    }
}
