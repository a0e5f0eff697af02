import Foundation
import IntakeTesting
import QuestionnaireModel
import Testing

/// Faults on the real disk: a full and a read-only disk made by an
/// LD_PRELOAD shim (Tests/Hardening/fault-shim.c) that fails writes to
/// transcripts only, shared folders, links and system folders. What a full
/// disk does to a session at every moment (nothing acknowledged is lost,
/// the message, replay, resume) is tested in-process in
/// `IntakeKitTests/HardeningFaultTests.swift`; here a few representative
/// moments hold the binary's own writes to the same.
@Suite("Faults on the real disk")
struct DiskFaultTests {
    /// The shim, compiled once per test run.
    static let shim: String = {
        let source = Fixtures.path("Tests/Hardening/fault-shim.c")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("intake-fault-shim-\(getpid()).so").path
        if !FileManager.default.fileExists(atPath: output) {
            let compiler = Process()
            compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            compiler.arguments = ["cc", "-shared", "-fPIC", "-o", output, source, "-ldl"]
            try? compiler.run()
            compiler.waitUntilExit()
        }
        return output
    }()

    static let lines = Fixtures.text("Tests/Fixtures/straight-session.txt").split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)

    func answersAcknowledged(_ output: String) -> Int {
        output.components(separatedBy: "  Answer: ").count - 1
    }

    /// The type of each line of a transcript, without the `sealed` lines
    /// that close its endings.
    static func types(_ transcript: String) throws -> [String] {
        try HardeningText.events(transcript).compactMap { $0["type"]?.stringValue }.filter { $0 != "sealed" }
    }

    /// Before the header (nothing is asked) and in the middle of a session.
    @Test(arguments: [0, 4])
    func aFullDiskStopsAtOnceAndNothingUnsavedIsAcknowledged(_ writesBeforeFull: Int) throws {
        #expect(FileManager.default.fileExists(atPath: Self.shim), "cc must be installed to build the fault shim")
        let folder = try TemporaryFolder()
        let result = try IntakeProcess.run(
            ["run", "--transcripts", folder.path], input: Self.lines.joined(separator: "\n") + "\n",
            environment: ["LD_PRELOAD": Self.shim, "INTAKE_FAULT": "enospc", "INTAKE_FAULT_AFTER": String(writesBeforeFull)])
        #expect(result.status == 2)
        let path = HardeningText.transcripts(in: folder.path).first
        if writesBeforeFull == 0 {
            // Not even the header could be saved: nothing is asked at all.
            #expect(!result.output.contains("How old are you?"))
            #expect(result.error.contains("the disk is full"))
            #expect(result.error.contains("the interview cannot start"))
            return
        }
        #expect(result.error.contains("Your answers could not be saved (the disk is full). The interview has stopped so"))
        let transcript = try #require(path)
        let saved = try Self.types(transcript).filter { $0 == "answered" }.count
        #expect(answersAcknowledged(result.output) == saved, "every acknowledged answer is saved, and only those")
        // The lines that were written are intact, and the session carries on
        // once there is room again.
        let replay = try IntakeProcess.run(["replay", transcript, "--check"])
        #expect(replay.status == 0, "\(replay.output)")
        let resumed = try IntakeProcess.run(["run", "--resume", transcript], input: Self.lines.dropFirst(saved).joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(try Self.types(transcript).last == "completed")
    }

    @Test func aReadOnlyDiskStopsBeforeAnythingIsAsked() throws {
        let folder = try TemporaryFolder()
        let result = try IntakeProcess.run(
            ["run", "--transcripts", folder.path], input: "over 50\n",
            environment: ["LD_PRELOAD": Self.shim, "INTAKE_FAULT": "erofs"])
        #expect(result.status == 2)
        #expect(result.error.contains("the disk is read-only"))
        #expect(!result.output.contains("How old are you?"))
        #expect(!result.output.contains("Answer:"))
    }

    @Test func aSharedFolderIsRefusedAndLeftAsItWas() throws {
        let shared = try TemporaryFolder()
        chmod(shared.path, 0o1777)
        let result = try IntakeProcess.run(["run", "--transcripts", shared.path], input: "over 50\n")
        #expect(result.status == 2)
        #expect(result.error.contains("other people on this machine can open this folder"))
        let mode = try FileManager.default.attributesOfItem(atPath: shared.path)[.posixPermissions] as? Int
        #expect(mode == 0o1777, "intake never changes the permissions of a folder it did not create")
        #expect(HardeningText.transcripts(in: shared.path).isEmpty)
    }

    @Test func aSymlinkedFolderIsFollowedOnlyToAPrivateFolder() throws {
        let folder = try TemporaryFolder()
        let privateTarget = folder.path + "/private"
        try FileManager.default.createDirectory(atPath: privateTarget, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: privateTarget)
        let ok = try IntakeProcess.run(["run", "--transcripts", folder.path + "/link"], input: "over 50\n")
        #expect(ok.status == 0)
        #expect(HardeningText.transcripts(in: privateTarget).count == 1)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/to-tmp", withDestinationPath: "/tmp")
        let refused = try IntakeProcess.run(["run", "--transcripts", folder.path + "/to-tmp"], input: "over 50\n")
        #expect(refused.status == 2)
        let toFile = try folder.file("plain-file", "x")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/to-file", withDestinationPath: toFile)
        let notFolder = try IntakeProcess.run(["run", "--transcripts", folder.path + "/to-file"], input: "over 50\n")
        #expect(notFolder.status == 2)
        #expect(notFolder.error.contains("is a link that does not lead to a folder"))
    }

    @Test func aTranscriptThatIsASymlinkIsNotWrittenThrough() throws {
        let folder = try TemporaryFolder()
        // An unfinished session, private as intake saves them.
        let real = try folder.file("session.jsonl", Fixtures.text("Transcripts/examples/reception-unfinished.jsonl"))
        #expect(chmod(real, 0o600) == 0)
        let link = folder.path + "/link.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let before = try Data(contentsOf: URL(fileURLWithPath: real))
        let result = try IntakeProcess.run(["run", "--resume", link], input: "2 years\n")
        #expect(result.status == 2)
        #expect(result.error.contains("symbolic link"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: real)) == before)
    }

    @Test func systemFoldersAreRefused() throws {
        for folder in ["/etc", "/usr/bin", "../../../../../../../../etc"] {
            let result = try IntakeProcess.run(["run", "--transcripts", folder], input: "over 50\n")
            #expect(result.status == 2, "\(folder)")
            #expect(!result.output.contains("How old are you?"))
        }
    }
}
