import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// Transcripts through the real binary, for what only a process shows: the
/// modes of the files it makes, the lock that keeps two intakes out of one
/// session, the disk's permission checks, the name it gives itself in the
/// resume command, kill -9 at any moment. Everything else about transcripts
/// (sealing, resume, replay, reports, folder summaries) runs in-process in
/// `IntakeKitTests/TranscriptTests`; so do the checks of what a killed or
/// signalled process left.
@Suite("Transcripts, end to end")
struct TranscriptCLITests {
    static let straight = (try? String(contentsOfFile: Fixtures.path("Tests/Fixtures/straight-session.txt"), encoding: .utf8))?
        .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) ?? []

    static func transcripts(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The events of a transcript, without the `sealed` lines that close
    /// its endings (checked in `IntakeKitTests/TranscriptTests.everyEndingIsSealed`).
    static func events(_ path: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String != "sealed" }
    }

    /// How many answers a piped session has acknowledged on screen.
    static func acknowledged(_ output: String) -> Int {
        output.components(separatedBy: "  Answer: ").count - 1
    }

    /// A session stopped after its first `answers` answers, made in-process
    /// and saved on the disk as intake saves one (the folder 0700, the file
    /// 0600), for the binary to resume.
    static func savedSession(answers: Int, in folder: String) throws -> String {
        let intake = InProcessIntake()
        _ = intake.run(typing: Array(straight.prefix(answers)))
        let memory = try #require(intake.transcripts.first)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o700)
        let path = folder + "/" + (memory as NSString).lastPathComponent
        #expect(FileManager.default.createFile(atPath: path, contents: Data(intake.files.written[memory] ?? [])))
        chmod(path, 0o600)
        return path
    }

    @Test func filesArePrivateAndNamedWithoutPersonalData() throws {
        let folder = try TemporaryFolder()
        let sessions = folder.path + "/deeper/sessions"
        let result = try IntakeProcess.run(["run", "--mode", "reception", "--client", "Jane Doe 1984", "--transcripts", sessions], input: "over 50\n:quit\n")
        #expect(result.status == 0)
        let files = Self.transcripts(in: sessions)
        #expect(files.count == 1)
        let name = (files[0] as NSString).lastPathComponent
        #expect(name.range(of: #"^\d{8}T\d{6}Z-[0-9a-f]{16}\.jsonl$"#, options: .regularExpression) != nil)
        let fileMode = try FileManager.default.attributesOfItem(atPath: files[0])[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: sessions)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        #expect(!name.contains("Jane"), "the reference is in no file name")
    }

    /// A usage error of the argument parser: exit 2, the option named. (Every
    /// kind of reference refused: `TranscriptTests.clientReferencesThatCouldNameAFileAreRefused`.)
    @Test func aClientReferenceThatCouldNameAFileIsRefused() throws {
        let result = try IntakeProcess.run(["run", "--mode", "reception", "--client", "../x"])
        #expect(result.status == 2)
        #expect(result.error.contains("--client: a client reference cannot hold"))
    }

    /// Started by its full path (as a person runs a binary they built),
    /// intake names itself by that path in the command it prints to carry
    /// on (under `make run`, `make run ARGS=...`: `SessionsFolderTests`), and the
    /// transcript by its path from the root. (That the command works from
    /// another folder: `TranscriptTests.quitPrintsTheExactResumeCommandAndItWorksFromAnotherFolder`.)
    @Test func quitPrintsTheResumeCommandWithTheBinarysPath() throws {
        let folder = try TemporaryFolder()
        let first = try IntakeProcess.run(["run", "--transcripts", "sessions"], input: Self.straight.prefix(1).joined(separator: "\n") + "\n:quit\n",
                                          directory: folder.path)
        #expect(first.status == 0)
        let line = try #require(first.output.split(separator: "\n").first { $0.contains(" run --resume ") })
        let path = try #require(Self.transcripts(in: folder.path + "/sessions").first)
        #expect(line.trimmingCharacters(in: .whitespaces) == "\(IntakeProcess.binary) run --resume \(path)")
    }

    /// A person who starts intake from any folder leaves nothing there: the
    /// session goes to their data folder, created private, and the screen
    /// says where.
    @Test func byDefaultSessionsGoToTheDataFolderNotTheWorkingFolder() throws {
        let home = try TemporaryFolder()
        let working = try TemporaryFolder()
        let result = try IntakeProcess.run([], input: "over 50\n", environment: ["INTAKE_TRANSCRIPTS": "", "XDG_DATA_HOME": "", "HOME": home.path],
                                           directory: working.path)
        #expect(result.status == 0, "\(result.error)")
        let sessions = home.path + "/.local/share/intake/sessions"
        #expect(Self.transcripts(in: sessions).count == 1)
        #expect(result.output.contains("Answers are saved as you go, to \(sessions)/"), "\(result.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: working.path).isEmpty)
        for folder in [home.path + "/.local", sessions] {
            #expect(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700, "\(folder)")
        }
    }

    /// Reports and replays show times on the reader's clock as the system
    /// knows it: the zone TZ names, with its offset on the session's date
    /// (New York is UTC-04:00 in July and UTC-05:00 in November).
    @Test func reportsAndReplaysShowTheZoneTZNames() throws {
        let folder = try TemporaryFolder()
        func session(startingAt milliseconds: Int64) throws -> String {
            let intake = InProcessIntake(clock: ManualClock(now: milliseconds))
            _ = intake.run(typing: Self.straight)
            let memory = try #require(intake.transcripts.first)
            let path = folder.path + "/" + (memory as NSString).lastPathComponent
            #expect(FileManager.default.createFile(atPath: path, contents: Data(intake.files.written[memory] ?? [])))
            return path
        }
        let november = try session(startingAt: 1_795_722_913_000)  // 2026-11-26T19:55:13Z
        let july = try session(startingAt: 1_783_180_800_000)  // 2026-07-04T16:00:00Z
        let seoul = try IntakeProcess.run(["report", november], environment: ["TZ": "Asia/Seoul"])
        #expect(seoul.status == 0, "\(seoul.error)")
        #expect(seoul.output.contains("Date: 27 November 2026, 04:55 KST (UTC+09:00)"), "\(seoul.output)")
        let summer = try IntakeProcess.run(["report", july, "--format", "json"], environment: ["TZ": "America/New_York"])
        #expect(summer.output.contains(#""time": "2026-07-04T12:00:00-04:00""#), "\(summer.output)")
        let winter = try IntakeProcess.run(["replay", november], environment: ["TZ": "America/New_York"])
        #expect(winter.output.contains("started 26 November 2026, 14:55 EST (UTC-05:00)"), "\(winter.output)")
    }

    /// Two desks must not write one session: while it is open, resuming it
    /// elsewhere is refused and the file is left as it was.
    @Test func aSessionOpenInAnotherIntakeIsNotResumed() throws {
        let folder = try TemporaryFolder()
        let live = try LiveProcess(["run", "--transcripts", folder.path])
        live.send(Self.straight.prefix(2))
        #expect(live.wait { Self.acknowledged($0) >= 2 })
        let path = try #require(Self.transcripts(in: folder.path).first)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let second = try IntakeProcess.run(["run", "--resume", path], input: "18-50\n")
        #expect(second.status == 2)
        #expect(second.error.contains("this session is open in another intake right now"), "\(second.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing was written to it")
        live.send(Self.straight.dropFirst(2))
        live.closeInput()
        #expect(live.waitForExit() == 0)
        #expect(InProcessIntake().replay(.init(path: path, check: true)).status == 0)
    }

    /// A transcript or folder others can open is not written to on resume,
    /// as a new session is not saved there.
    @Test func aSessionOthersCanReadIsNotResumed() throws {
        let folder = try TemporaryFolder()
        let path = try Self.savedSession(answers: 3, in: folder.path + "/s")
        chmod(path, 0o644)
        let open = try IntakeProcess.run(["run", "--resume", path])
        #expect(open.status == 2)
        #expect(open.error.contains("other people on this machine can read this transcript"), "\(open.error)")
        chmod(path, 0o600)
        chmod(folder.path + "/s", 0o755)
        let openFolder = try IntakeProcess.run(["run", "--resume", path])
        #expect(openFolder.status == 2)
        #expect(openFolder.error.contains("other people on this machine can open the folder it is in"), "\(openFolder.error)")
        chmod(folder.path + "/s", 0o700)
        let resumed = try IntakeProcess.run(["run", "--resume", path], input: Self.straight.dropFirst(3).joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.error)")
    }

    /// On the disk, a last line cut short is cut off before the session is
    /// appended to, so the file checks out after. (The messages, in-process:
    /// `TranscriptTests.aTornLastLineIsReportedDroppedAndTheSessionGoesOn`.)
    @Test func aTornLastLineIsCutOffOnDiskBeforeAppending() throws {
        let folder = try TemporaryFolder()
        let path = try Self.savedSession(answers: 4, in: folder.path + "/s")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"type":"answered","ms":99,"node":"pain_prim"#.utf8))
        try handle.close()
        let resumed = try IntakeProcess.run(["run", "--resume", path], input: Self.straight.dropFirst(4).joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.error.contains("the last line was cut short"))
        let after = InProcessIntake().replay(.init(path: path, check: true))
        #expect(after.status == 0, "the torn line was cut off before appending: \(after.output)")
    }

    @Test func anUnwritableFolderStopsBeforeAnythingIsAsked() throws {
        guard getuid() != 0 else {
            // root writes anywhere; the read-only case is covered by a read-only bind in the hardening tests.
            let result = try IntakeProcess.run(["run", "--transcripts", "/proc/intake-cannot-write-here"], input: "over 50\n")
            #expect(result.status == 2)
            #expect(result.error.contains("the interview cannot start"))
            #expect(!result.output.contains("How old are you?"))
            return
        }
        let folder = try TemporaryFolder()
        chmod(folder.path, 0o500)
        let result = try IntakeProcess.run(["run", "--transcripts", folder.path], input: "over 50\n")
        #expect(result.status == 2)
        #expect(!result.output.contains("How old are you?"))
    }

    /// How many answers a transcript on disk holds.
    static func answers(in path: String) -> Int {
        events(path).filter { $0["type"] as? String == "answered" }.count
    }

    /// Kills a piped session with SIGKILL at 24 different moments, resumes
    /// it, and checks that no acknowledged answer was lost and that the
    /// result is the uninterrupted one. Every moment is an event, never a
    /// delay: right after an answer is acknowledged on screen (intake then
    /// waits for the next); right after an answer reaches the transcript,
    /// while it is made durable or acknowledged; or once half of several
    /// answers piped in at once are saved, while intake works through the
    /// rest. The killed process is the binary; what it left is
    /// resumed, reported and checked in-process.
    @Test(arguments: 0..<24)
    func killedAtAnyMomentResumesToTheSameResult(_ point: Int) throws {
        let expected = Self.uninterrupted
        #expect(expected.category == "fit-with-precautions")
        let folder = try TemporaryFolder()
        let session = try LiveProcess(["run", "--transcripts", folder.path])
        let sent = point + 1
        switch point % 4 {
        case 1:
            // Right after the answer is written: while it is made
            // durable, or as it is acknowledged.
            session.send(Self.straight.prefix(sent - 1))
            #expect(session.wait { Self.acknowledged($0) >= sent - 1 }, "kill point \(point)")
            let path = try #require(Self.transcripts(in: folder.path).first, "kill point \(point)")
            let writes = try FileWrites(path)
            session.send(Self.straight.dropFirst(sent - 1).prefix(1))
            #expect(writes.wait { Self.answers(in: path) >= sent }, "kill point \(point): the answer never reached the transcript")
        case 3:
            // Half of the answers piped in are saved: intake is working
            // through the rest, reading, saving or acknowledging one.
            #expect(session.wait { $0.contains("How old are you?") }, "kill point \(point)")
            let path = try #require(Self.transcripts(in: folder.path).first, "kill point \(point)")
            let writes = try FileWrites(path)
            session.send(Self.straight.prefix(sent))
            #expect(writes.wait { Self.answers(in: path) >= sent / 2 }, "kill point \(point)")
        default:
            // Right after the answer is acknowledged on screen.
            session.send(Self.straight.prefix(sent))
            #expect(session.wait { Self.acknowledged($0) >= sent }, "kill point \(point)")
        }
        session.killHard()
        // Everything it printed before it died was acknowledged.
        let acknowledged = Self.acknowledged(session.text)
        let path = try #require(Self.transcripts(in: folder.path).first, "kill point \(point)")
        let saved = Self.answers(in: path)
        #expect(saved >= acknowledged, "kill point \(point): \(acknowledged) answers acknowledged, \(saved) saved")
        let intake = InProcessIntake()
        let resumed = intake.run(SessionOptions(resume: path), typing: Array(Self.straight.dropFirst(saved)))
        #expect(resumed.status == 0, "kill point \(point): \(resumed.error)")
        let result = try Self.outcome(intake, path)
        #expect(result.answers == expected.answers, "kill point \(point)")
        #expect(result.category == expected.category, "kill point \(point)")
        let replay = intake.replay(.init(path: path, check: true))
        #expect(replay.status == 0, "kill point \(point): \(replay.output.suffix(400))")
    }

    /// The answers and outcome of the whole session without a kill.
    static let uninterrupted: (answers: [String], category: String?) = {
        let reference = InProcessIntake()
        _ = reference.run(typing: straight)
        return (try? outcome(reference, reference.transcripts.first ?? "")) ?? ([], nil)
    }()

    /// The answers and outcome of a session, as its JSON report gives them.
    static func outcome(_ intake: InProcessIntake, _ path: String) throws -> (answers: [String], category: String?) {
        let report = intake.report(.init(transcript: path, format: .json))
        let json = try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any]
        let answers = (json?["answers"] as? [[String: Any]] ?? []).map { "\($0["question"] ?? ""): \($0["answer"] ?? "")" }
        let category = (json?["assessment"] as? [String: Any])?["category"] as? String
        return (answers, category)
    }
}

/// Termination signals sent to a running intake. (What the transcript
/// holds after a signal, in-process: `TranscriptTests.aSignalClosesTheTranscriptAsPausedAndResumeWorks`.)
@Suite("Termination signals")
struct SignalTests {
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalClosesTheTranscriptAsPausedAndResumeWorks(_ signal: Int32) throws {
        let folder = try TemporaryFolder()
        let session = try LiveProcess(["run", "--transcripts", folder.path])
        let lines = TranscriptCLITests.straight
        session.send(lines.prefix(3))
        #expect(session.wait { TranscriptCLITests.acknowledged($0) >= 3 })
        kill(session.process.processIdentifier, signal)
        let status = session.waitForExit()
        #expect(status == 130)
        let path = try #require(TranscriptCLITests.transcripts(in: folder.path).first)
        let last = TranscriptCLITests.events(path).last
        #expect(last?["type"] as? String == "paused")
        #expect(last?["reason"] as? String == (signal == SIGTERM ? "SIGTERM" : signal == SIGHUP ? "SIGHUP" : "SIGINT"))
        #expect(session.text.contains("intake run --resume \(path)"))
        let intake = InProcessIntake()
        let resumed = intake.run(SessionOptions(resume: path), typing: Array(lines.dropFirst(3)))
        #expect(resumed.status == 0)
        #expect(intake.replay(.init(path: path, check: true)).status == 0)
    }
}
