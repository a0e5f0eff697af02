import Foundation
import IntakeTesting
import Testing

/// The desk key on a real disk: file modes, exit codes, and a session the
/// binary signs with it. What it means is tested in-process
/// (`SignedSessionTests`); here only what a process shows.
@Suite("Desk keys, end to end")
struct KeysCommandTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func theDeskKeyIsPrivateAndSignsTheBinarysSessions() throws {
        let folder = try TemporaryFolder()
        let config = folder.path + "/config"
        let environment = ["XDG_CONFIG_HOME": config]
        let keyFile = config + "/intake/desk-key.json"

        let none = try IntakeProcess.run(["keys", "show"], environment: environment)
        #expect(none.status == 2)
        #expect(none.error == "\(keyFile): there is no desk key yet: make one with: intake keys init --desk NAME\n")
        #expect(try IntakeProcess.run(["keys", "init"], environment: environment).status == 2, "--desk is required")

        let made = try IntakeProcess.run(["keys", "init", "--desk", "Front desk 1"], environment: environment)
        #expect(made.status == 0, "\(made.error)")
        #expect(try Self.mode(keyFile) == 0o600)
        #expect(try Self.mode(config + "/intake") == 0o700)
        #expect(try Self.mode(config) == 0o700)
        let key = try String(contentsOfFile: keyFile, encoding: .utf8)

        let again = try IntakeProcess.run(["keys", "init", "--desk", "Front desk 2"], environment: environment)
        #expect(again.status == 2)
        #expect(again.error.split(separator: "\n").count == 1)
        #expect(again.error.hasPrefix("\(keyFile): this user already has the key of desk \"Front desk 1\""))
        #expect(try String(contentsOfFile: keyFile, encoding: .utf8) == key)

        let trusted = folder.path + "/trusted"
        try FileManager.default.createDirectory(atPath: trusted, withIntermediateDirectories: false)
        let exported = try IntakeProcess.run(["keys", "export", trusted + "/front.pub"], environment: environment)
        #expect(exported.status == 0, "\(exported.error)")
        #expect(try Self.mode(trusted + "/front.pub") & 0o022 == 0)
        #expect(try Self.mode(trusted + "/front.pub") & 0o444 == 0o444, "a public key file is meant to be read by others")
        let twice = try IntakeProcess.run(["keys", "export", trusted + "/front.pub"], environment: environment)
        #expect(twice.status == 2)
        #expect(twice.error == "\(trusted)/front.pub: already exists: choose another name, or remove it first\n")

        let sessions = folder.path + "/sessions"
        let run = try IntakeProcess.run(["run", "--transcripts", sessions, "--answers", Fixtures.path("Tests/Personas/01-desk-worker-neck.json")], environment: environment)
        #expect(run.status == 0, "\(run.error)")
        let transcript = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first.map { sessions + "/" + $0 })
        let signed = try IntakeProcess.run(["replay", transcript, "--check", "--trusted-keys", trusted], environment: environment)
        #expect(signed.status == 0, "\(signed.output)")
        #expect(HardeningText.words(signed.output).contains(#"Signatures: signed by desk "Front desk 1""#))
        let stranger = try IntakeProcess.run(["replay", transcript, "--check", "--trusted-keys", Fixtures.path("Transcripts/examples/signed/keys")], environment: environment)
        #expect(stranger.status == 1)
        #expect(HardeningText.words(stranger.output).contains("Signatures: signed by a key that is not trusted"))

        let replaced = try IntakeProcess.run(["keys", "init", "--desk", "Front desk 2", "--force"], environment: environment)
        #expect(replaced.status == 0, "\(replaced.error)")
        #expect(try Self.mode(keyFile) == 0o600)
        #expect(try String(contentsOfFile: keyFile, encoding: .utf8) != key)
    }

    /// Anyone who can read the key could sign as the desk: a key others can
    /// read is refused, and so is every session until it is replaced.
    @Test func aKeyOthersCanReadIsRefused() throws {
        let folder = try TemporaryFolder()
        let environment = ["XDG_CONFIG_HOME": folder.path + "/config"]
        let keyFile = folder.path + "/config/intake/desk-key.json"
        #expect(try IntakeProcess.run(["keys", "init", "--desk", "Front desk 1"], environment: environment).status == 0)
        #expect(chmod(keyFile, 0o644) == 0)
        let sessions = folder.path + "/sessions"
        let run = try IntakeProcess.run(["run", "--transcripts", sessions, "--answers", Fixtures.path("Tests/Personas/01-desk-worker-neck.json")], environment: environment)
        #expect(run.status == 2)
        #expect(run.error == "\(keyFile): other people on this machine can read or change the desk key, so anyone could sign as this desk: make a new key with: intake keys init --desk NAME --force\n")
        #expect(!FileManager.default.fileExists(atPath: sessions), "no session was started")
    }
}
