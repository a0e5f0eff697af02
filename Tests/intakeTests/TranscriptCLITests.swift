import Foundation
import IntakeTesting
import Testing

/// Transcripts through the real binary: durability, privacy, resume, replay.
@Suite("Transcripts, end to end")
struct TranscriptCLITests {
    static let straight = (try? String(contentsOfFile: Fixtures.path("Tests/Fixtures/straight-session.txt"), encoding: .utf8))?
        .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) ?? []

    static func transcripts(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The events of a transcript, without the `sealed` lines that close
    /// its endings (checked once, in `everyEndingIsSealed`).
    static func events(_ path: String) -> [[String: Any]] {
        allLines(path).filter { $0["type"] as? String != "sealed" }
    }

    static func allLines(_ path: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Each ending a real session writes (quit, then completed) is followed
    /// by its seal, and an edit to the last line is then caught by replay.
    @Test func everyEndingIsSealed() throws {
        let folder = try TemporaryFolder()
        _ = try IntakeProcess.run(["run", "--transcripts", folder.path], input: Self.straight.prefix(3).joined(separator: "\n") + "\n:quit\n")
        let path = try #require(Self.transcripts(in: folder.path).first)
        #expect(Self.allLines(path).suffix(2).map { $0["type"] as? String } == ["paused", "sealed"])
        _ = try IntakeProcess.run(["run", "--resume", path], input: Self.straight.dropFirst(3).joined(separator: "\n") + "\n")
        let types = Self.allLines(path).map { $0["type"] as? String ?? "" }
        #expect(types.suffix(2) == ["completed", "sealed"])
        #expect(types.contains("resumed") && types[types.firstIndex(of: "resumed")! - 1] == "sealed")
        let clean = try IntakeProcess.run(["replay", path, "--check"])
        #expect(clean.status == 0, "\(clean.output)")
        #expect(!clean.output.contains("is not sealed"))

        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n").filter { !$0.isEmpty }
        let ending = lines.count - 2
        lines[ending] = lines[ending].replacingOccurrences(of: #""ms":"#, with: #""ms": "#)
        let edited = try folder.file("edited.jsonl", lines.joined(separator: "\n") + "\n")
        let check = try IntakeProcess.run(["replay", edited, "--check"])
        #expect(check.status == 1)
        #expect(HardeningText.words(check.output).contains("line \(lines.count): this line does not follow line \(lines.count - 1)"), "\(check.output)")
    }

    /// The answers and outcome of a session, as its JSON report gives them.
    static func outcome(_ path: String) throws -> (answers: [String], category: String?) {
        let report = try IntakeProcess.run(["report", path, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any]
        let answers = (json?["answers"] as? [[String: Any]] ?? []).map { "\($0["question"] ?? ""): \($0["answer"] ?? "")" }
        let category = (json?["assessment"] as? [String: Any])?["category"] as? String
        return (answers, category)
    }

    @Test(arguments: ["good-fit-neck", "check-with-doctor-first-new-pain-over-50", "seek-care-now-urgent-stop",
                      "fit-with-precautions-with-corrections", "resumed-session", "reception-unfinished"])
    func goldenTranscriptsReplayClean(_ name: String) throws {
        let path = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples/\(name).jsonl").path
        let result = try IntakeProcess.run(["replay", path, "--check"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Hash chain: intact"))
        #expect(result.output.contains("Replay: every step did what the transcript recorded."))
        #expect(result.output.contains("questionnaire, rules and medicines list unchanged since"),
                "the examples were recorded with other files: run scripts/make-example-transcripts.sh and review the diff")
    }

    @Test func replayStepFromAPipeTakesOneLinePerQuestion() throws {
        let path = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples/good-fit-neck.jsonl").path
        let whole = try IntakeProcess.run(["replay", path])
        let questions = whole.output.components(separatedBy: "\n").filter { $0.contains(" Q ") }.count
        #expect(questions > 5)
        // Two Enters, then the end of the pipe: the rest is shown without waiting.
        let stepped = try IntakeProcess.run(["replay", path, "--step"], input: "\n\n")
        #expect(stepped.status == 0, "\(stepped.output)")
        #expect(stepped.output.components(separatedBy: "(Enter for the next question)").count - 1 == 3,
                "one wait per Enter, and one that met the end of input")
        #expect(stepped.output.components(separatedBy: "\n").filter { $0.contains(" Q ") }.count == questions)
        #expect(stepped.output.contains("Hash chain: intact"))
    }

    @Test func theExamplesCoverEveryCategoryAResumeAndCorrections() throws {
        let folder = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples").path
        let summary = try IntakeProcess.run(["replay", folder, "--json", "--check"])
        #expect(summary.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: Any]
        let categories = json?["categories"] as? [String: Int] ?? [:]
        #expect(Set(categories.keys) == ["seek-care-now", "check-with-doctor-first", "fit-with-precautions", "good-fit"])
        let all = Self.transcripts(in: folder).flatMap(Self.events)
        #expect(all.contains { $0["type"] as? String == "resumed" })
        #expect(all.contains { $0["type"] as? String == "back" })
        #expect(all.contains { $0["type"] as? String == "rejected" })
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
        #expect(Self.events(files[0]).first?["client"] as? String == "Jane Doe 1984")
        #expect(!name.contains("Jane") && !result.error.contains("Jane"), "the reference is in no file name and no log line")
    }

    @Test func clientReferencesThatCouldNameAFileAreRefused() throws {
        for bad in ["../x", "a/b", "tab\there", "\u{1B}[2J"] {
            let result = try IntakeProcess.run(["run", "--mode", "reception", "--client", bad])
            #expect(result.status == 2, "\(bad)")
            #expect(result.error.contains("--client: a client reference cannot hold"))
        }
    }

    @Test func quitPrintsTheExactResumeCommandAndItWorksFromAnotherFolder() throws {
        let folder = try TemporaryFolder()
        // A relative transcripts folder: the command printed must still work elsewhere.
        let first = try IntakeProcess.run(["run", "--transcripts", "sessions"], input: Self.straight.prefix(5).joined(separator: "\n") + "\n:quit\n",
                                          directory: folder.path)
        #expect(first.status == 0)
        let line = try #require(first.output.split(separator: "\n").first { $0.contains(" run --resume ") })
        let path = try #require(Self.transcripts(in: folder.path + "/sessions").first)
        // Started by its full path, as make run does, intake names itself by it.
        #expect(line.trimmingCharacters(in: .whitespaces) == "\(IntakeProcess.binary) run --resume \(path)")
        #expect(Self.events(path).last?["reason"] as? String == "quit")
        let words = line.split(separator: " ").map(String.init)
        let second = try IntakeProcess.run(Array(words.dropFirst()), input: Self.straight.dropFirst(5).joined(separator: "\n") + "\n", directory: "/")
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("Welcome back. 5 answers are already saved"))
        #expect(Self.events(path).last?["type"] as? String == "completed")
        let replay = try IntakeProcess.run(["replay", path, "--check"])
        #expect(replay.status == 0, "\(replay.output)")
        let resumedAgain = try IntakeProcess.run(["run", "--resume", path])
        #expect(resumedAgain.status == 2)
        #expect(resumedAgain.error.contains("this session is already complete"))
    }

    /// Two desks must not write one session: while it is open, resuming it
    /// elsewhere is refused and the file is left as it was.
    @Test func aSessionOpenInAnotherIntakeIsNotResumed() throws {
        let folder = try TemporaryFolder()
        let live = try LiveProcess(["run", "--transcripts", folder.path])
        live.send(Self.straight.prefix(2))
        #expect(live.wait { $0.components(separatedBy: "  Answer: ").count - 1 >= 2 })
        let path = try #require(Self.transcripts(in: folder.path).first)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let second = try IntakeProcess.run(["run", "--resume", path], input: "18-50\n")
        #expect(second.status == 2)
        #expect(second.error.contains("this session is open in another intake right now"), "\(second.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing was written to it")
        live.send(Self.straight.dropFirst(2))
        live.closeInput()
        #expect(live.waitForExit() == 0)
        #expect(try IntakeProcess.run(["replay", path, "--check"]).status == 0)
    }

    /// A transcript or folder others can open is not written to on resume,
    /// as a new session is not saved there.
    @Test func aSessionOthersCanReadIsNotResumed() throws {
        let folder = try TemporaryFolder()
        _ = try IntakeProcess.run(["run", "--transcripts", folder.path + "/s"], input: Self.straight.prefix(3).joined(separator: "\n") + "\n")
        let path = try #require(Self.transcripts(in: folder.path + "/s").first)
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

    /// Resuming a reception session says whose it is, from the transcript.
    @Test func aResumedReceptionSessionNamesTheClient() throws {
        let folder = try TemporaryFolder()
        let sessions = folder.path + "/s"
        try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let path = sessions + "/reception.jsonl"
        try FileManager.default.copyItem(atPath: URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples/reception-unfinished.jsonl").path, toPath: path)
        chmod(path, 0o600)
        let resumed = try IntakeProcess.run(["run", "--resume", path], input: ":quit\n")
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("Client: R-2041"))
        #expect(resumed.output.contains("The client's answers so far are saved"))
    }

    @Test func aTornLastLineIsReportedDroppedAndTheSessionGoesOn() throws {
        let folder = try TemporaryFolder()
        _ = try IntakeProcess.run(["run", "--transcripts", folder.path], input: Self.straight.prefix(4).joined(separator: "\n") + "\n")
        let path = try #require(Self.transcripts(in: folder.path).first)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"type":"answered","ms":99,"node":"pain_prim"#.utf8))
        try handle.close()
        let check = try IntakeProcess.run(["replay", path, "--check"])
        #expect(check.status == 1)
        #expect(check.output.contains("the last line was cut short"))
        let resumed = try IntakeProcess.run(["run", "--resume", path], input: Self.straight.dropFirst(4).joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.error.contains("the last line was cut short"))
        let after = try IntakeProcess.run(["replay", path, "--check"])
        #expect(after.status == 0, "the torn line was cut off before appending: \(after.output)")
    }

    @Test func changedQuestionnairesAreRefusedUnlessForced() throws {
        let folder = try TemporaryFolder()
        let source = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Questionnaires")
        for name in ["massage-intake.json", "massage-intake.rules.json", "medications.json"] {
            try FileManager.default.copyItem(atPath: source.appendingPathComponent(name).path, toPath: folder.path + "/" + name)
        }
        let questionnaire = folder.path + "/massage-intake.json"
        _ = try IntakeProcess.run(["run", "--questionnaire", questionnaire, "--transcripts", folder.path + "/s"], input: "over 50\n")
        let path = try #require(Self.transcripts(in: folder.path + "/s").first)
        var text = try String(contentsOfFile: questionnaire, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"How old are you?\"", with: "\"What is your age?\"")
        try text.write(toFile: questionnaire, atomically: true, encoding: .utf8)
        let refused = try IntakeProcess.run(["run", "--resume", path, "--questionnaire", questionnaire])
        #expect(refused.status == 2)
        #expect(refused.error.contains("the questionnaire has changed since this session was recorded: resume anyway with --force"))
        let forced = try IntakeProcess.run(["run", "--resume", path, "--questionnaire", questionnaire, "--force"], input: "2 years\n")
        #expect(forced.status == 0, "\(forced.error)")
        let replay = try IntakeProcess.run(["replay", path, "--questionnaire", questionnaire])
        #expect(replay.output.contains("the questionnaire has changed since this session was recorded"))
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

    /// A report made from an altered transcript says so at the top, in every
    /// format, not only on standard error: the therapist reads the report.
    @Test func aReportOfAnAlteredRecordSaysSoAtTheTop() throws {
        let golden = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples/good-fit-neck.jsonl").path
        var lines = try String(contentsOfFile: golden, encoding: .utf8).split(separator: "\n").map(String.init)
        let folder = try TemporaryFolder()
        let clean = try IntakeProcess.run(["report", golden])
        #expect(!clean.output.contains("CHECK THIS RECORD"))
        lines[9] = lines[9].replacingOccurrences(of: "\"ms\":", with: "\"ms\": ")
        let path = try folder.file("altered.jsonl", lines.joined(separator: "\n") + "\n")
        let text = try IntakeProcess.run(["report", path])
        #expect(text.status == 0)
        let words = HardeningText.words(text.output)
        #expect(words.contains("*** CHECK THIS RECORD ***"))
        #expect(words.contains("line 11: this line does not follow line 10"))
        #expect(text.output.range(of: "CHECK THIS RECORD")!.lowerBound < text.output.range(of: "What this suggests")!.lowerBound)
        let markdown = try IntakeProcess.run(["report", path, "--format", "markdown"])
        #expect(markdown.output.contains("> **Check this record:**"))
        let html = try IntakeProcess.run(["report", path, "--format", "html"])
        #expect(html.output.contains(#"<div class="notice notice-record" role="note"><p><strong>Check this record.</strong>"#))
        let json = try IntakeProcess.run(["report", path, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((object?["recordProblems"] as? [String])?.first?.hasPrefix("line 11: this line does not follow line 10") == true)
        let cleanJSON = try JSONSerialization.jsonObject(with: Data(try IntakeProcess.run(["report", golden, "--format", "json"]).output.utf8)) as? [String: Any]
        #expect((cleanJSON?["recordProblems"] as? [String]) == [])
    }

    @Test func tamperingIsReportedByLineNumber() throws {
        let golden = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples/good-fit-neck.jsonl").path
        let lines = try String(contentsOfFile: golden, encoding: .utf8).split(separator: "\n").map(String.init)
        let folder = try TemporaryFolder()
        func check(_ changed: [String]) throws -> IntakeProcess.Result {
            let path = try folder.file("t-\(UUID().uuidString).jsonl", changed.joined(separator: "\n") + "\n")
            return try IntakeProcess.run(["replay", path, "--check"])
        }
        var flipped = lines
        flipped[9] = flipped[9].replacingOccurrences(of: "\"ms\":", with: "\"ms\": ")
        let flip = try check(flipped)
        #expect(flip.status == 1)
        #expect(flip.output.contains("line 11: this line does not follow line 10: line 10 was changed"))

        var inserted = lines
        inserted.insert(lines[6], at: 8)
        let insert = try check(inserted)
        #expect(insert.status == 1)
        #expect(insert.output.contains("line 9: this line was inserted"))

        var removed = lines
        removed.remove(at: 12)
        let remove = try check(removed)
        #expect(remove.status == 1)
        #expect(remove.output.contains("line 13: this line does not follow line 12"))

        let clean = try check(lines)
        #expect(clean.status == 0)
    }

    @Test func aFolderSummaryGoesOnPastBadFiles() throws {
        let folder = try TemporaryFolder()
        let examples = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples")
        for name in ["good-fit-neck", "seek-care-now-urgent-stop", "reception-unfinished"] {
            try FileManager.default.copyItem(atPath: examples.appendingPathComponent("\(name).jsonl").path, toPath: folder.path + "/\(name).jsonl")
        }
        _ = try folder.file("garbage.jsonl", "this is not a transcript\n")
        _ = try folder.file("empty.jsonl", "")
        _ = try folder.file("notes.txt", "ignored")
        let text = try IntakeProcess.run(["replay", folder.path, "--check"])
        #expect(text.status == 1)
        #expect(text.output.contains("3 sessions: 2 completed, 1 unfinished") || text.output.contains("5 sessions: 2 completed, 1 unfinished"))
        #expect(text.output.contains("garbage.jsonl: line 1"))
        #expect(text.output.contains("empty.jsonl: line 1"))
        let json = try IntakeProcess.run(["replay", folder.path, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((object?["damaged"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == ["empty.jsonl", "garbage.jsonl"])
        #expect((object?["categories"] as? [String: Int]) == ["good-fit": 1, "seek-care-now": 1])
    }

    /// Kills a scripted session with SIGKILL at 24 different moments, resumes
    /// it, and checks that no acknowledged answer was lost and that the
    /// result is the uninterrupted one.
    @Test func killedAtAnyMomentResumesToTheSameResult() throws {
        let reference = try TemporaryFolder()
        let full = try IntakeProcess.run(["run", "--transcripts", reference.path], input: Self.straight.joined(separator: "\n") + "\n")
        #expect(full.status == 0)
        let expected = try Self.outcome(try #require(Self.transcripts(in: reference.path).first))
        #expect(expected.category == "fit-with-precautions")

        for point in 0..<24 {
            let folder = try TemporaryFolder()
            let session = try LiveProcess(["run", "--transcripts", folder.path])
            let sent = point + 1
            session.send(Self.straight.prefix(sent))
            if point % 2 == 0 {
                // Right after the answer is acknowledged on screen.
                session.wait { $0.components(separatedBy: "  Answer: ").count - 1 >= sent }
            } else {
                // At a moment that is not waited for: mid-answer, mid-write.
                session.wait { $0.contains("How old are you?") }
                usleep(UInt32(point * 700))
            }
            let acknowledged = session.text.components(separatedBy: "  Answer: ").count - 1
            session.killHard()
            let path = try #require(Self.transcripts(in: folder.path).first, "kill point \(point)")
            let saved = Self.events(path).filter { $0["type"] as? String == "answered" }.count
            #expect(saved >= acknowledged, "kill point \(point): \(acknowledged) answers acknowledged, \(saved) saved")
            let resumed = try IntakeProcess.run(["run", "--resume", path], input: Self.straight.dropFirst(saved).joined(separator: "\n") + "\n")
            #expect(resumed.status == 0, "kill point \(point): \(resumed.error)")
            let result = try Self.outcome(path)
            #expect(result.answers == expected.answers, "kill point \(point)")
            #expect(result.category == expected.category, "kill point \(point)")
            let replay = try IntakeProcess.run(["replay", path, "--check"])
            #expect(replay.status == 0, "kill point \(point): \(replay.output.suffix(400))")
        }
    }
}

@Suite("Termination signals")
struct SignalTests {
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalClosesTheTranscriptAsPausedAndResumeWorks(_ signal: Int32) throws {
        let folder = try TemporaryFolder()
        let session = try LiveProcess(["run", "--transcripts", folder.path])
        let lines = TranscriptCLITests.straight
        session.send(lines.prefix(3))
        #expect(session.wait { $0.components(separatedBy: "  Answer: ").count - 1 >= 3 })
        kill(session.process.processIdentifier, signal)
        let status = session.waitForExit()
        #expect(status == 130)
        let path = try #require(TranscriptCLITests.transcripts(in: folder.path).first)
        let last = TranscriptCLITests.events(path).last
        #expect(last?["type"] as? String == "paused")
        #expect(last?["reason"] as? String == (signal == SIGTERM ? "SIGTERM" : signal == SIGHUP ? "SIGHUP" : "SIGINT"))
        #expect(session.text.contains("intake run --resume \(path)"))
        let resumed = try IntakeProcess.run(["run", "--resume", path], input: lines.dropFirst(3).joined(separator: "\n") + "\n")
        #expect(resumed.status == 0)
        #expect(try IntakeProcess.run(["replay", path, "--check"]).status == 0)
    }
}
