import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import LineEditing
import Testing

/// Transcripts in-process: sealing, resume, replay of golden and altered
/// transcripts, folder summaries and reports of altered records. What only
/// the binary shows (file modes, locks, kill -9, signals, the name intake
/// gives itself) is in `intakeTests/TranscriptCLITests`.
@Suite("Transcripts, in-process")
struct TranscriptTests {
    typealias Text = SessionText

    /// The answers and outcome of a session, as its JSON report gives them.
    static func outcome(_ intake: InProcessIntake, _ path: String) throws -> (answers: [String], category: String?) {
        let report = intake.report(.init(transcript: path, format: .json))
        #expect(report.status == 0, "\(report.error)")
        let json = try Text.json(report.output)
        let answers = (json["answers"] as? [[String: Any]] ?? []).map { "\($0["question"] ?? ""): \($0["answer"] ?? "")" }
        let category = (json["assessment"] as? [String: Any])?["category"] as? String
        return (answers, category)
    }

    /// Each ending a real session writes (quit, then completed) is followed
    /// by its seal, and an edit to the last line is then caught by replay.
    @Test func everyEndingIsSealed() throws {
        let intake = InProcessIntake()
        _ = intake.run(typing: Array(Text.straight.prefix(3)) + [":quit"])
        let path = try #require(intake.transcripts.first)
        #expect(Text.lines(intake.text(path)).suffix(2).map { $0["type"] as? String } == ["paused", "sealed"])
        _ = intake.run(SessionOptions(resume: path), typing: Array(Text.straight.dropFirst(3)))
        let types = Text.lines(intake.text(path)).map { $0["type"] as? String ?? "" }
        #expect(types.suffix(2) == ["completed", "sealed"])
        #expect(types.contains("resumed") && types[types.firstIndex(of: "resumed")! - 1] == "sealed")
        let clean = intake.replay(.init(path: path, check: true))
        #expect(clean.status == 0, "\(clean.output)")
        #expect(!clean.output.contains("is not sealed"))

        var lines = intake.text(path).components(separatedBy: "\n").filter { !$0.isEmpty }
        let ending = lines.count - 2
        lines[ending] = lines[ending].replacingOccurrences(of: #""ms":"#, with: #""ms": "#)
        let edited = "/memory/edited.jsonl"
        intake.files.place(Array((lines.joined(separator: "\n") + "\n").utf8), at: edited)
        let check = intake.replay(.init(path: edited, check: true))
        #expect(check.status == 1)
        #expect(Text.words(check.output).contains("line \(lines.count): this line does not follow line \(lines.count - 1)"), "\(check.output)")
    }

    @Test(arguments: ["good-fit-neck", "check-with-doctor-first-new-pain-over-50", "seek-care-now-urgent-stop",
                      "fit-with-precautions-with-corrections", "resumed-session", "reception-unfinished"])
    func goldenTranscriptsReplayClean(_ name: String) throws {
        let result = InProcessIntake().replay(.init(path: Text.example(name), check: true))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Hash chain: intact"))
        #expect(result.output.contains("Replay: every step did what the transcript recorded."))
        #expect(result.output.contains("questionnaire, rules and medicines list unchanged since"),
                "the examples were recorded with other files: run scripts/make-example-transcripts.sh and review the diff")
    }

    @Test func replayStepFromAPipeTakesOneLinePerQuestion() throws {
        let path = Text.example("good-fit-neck")
        let whole = InProcessIntake().replay(.init(path: path))
        let questions = whole.output.components(separatedBy: "\n").filter { $0.contains(" Q ") }.count
        #expect(questions > 5)
        // Two Enters, then the end of the pipe: the rest is shown without waiting.
        let stepped = InProcessIntake().replay(.init(path: path, step: true), stepping: ScriptedLineReader(pipedBytes: Array("\n\n".utf8)))
        #expect(stepped.status == 0, "\(stepped.output)")
        #expect(stepped.output.components(separatedBy: "(Enter for the next question)").count - 1 == 3,
                "one wait per Enter, and one that met the end of input")
        #expect(stepped.output.components(separatedBy: "\n").filter { $0.contains(" Q ") }.count == questions)
        #expect(stepped.output.contains("Hash chain: intact"))
    }

    @Test func theExamplesCoverEveryCategoryAResumeAndCorrections() throws {
        let folder = Fixtures.path("Transcripts/examples")
        let summary = InProcessIntake().replay(.init(path: folder, check: true, json: true))
        #expect(summary.status == 0)
        let json = try Text.json(summary.output)
        let categories = json["categories"] as? [String: Int] ?? [:]
        #expect(Set(categories.keys) == ["seek-care-now", "check-with-doctor-first", "fit-with-precautions", "good-fit"])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }
        let all = files.flatMap { Text.events(ofFile: folder + "/" + $0) }
        #expect(all.contains { $0["type"] as? String == "resumed" })
        #expect(all.contains { $0["type"] as? String == "back" })
        #expect(all.contains { $0["type"] as? String == "rejected" })
    }

    /// The client reference is kept inside the transcript only: not in the
    /// file's name, not on standard error. (The file's mode and the form of
    /// its name on disk: `TranscriptCLITests.filesArePrivateAndNamedWithoutPersonalData`.)
    @Test func theClientReferenceIsKeptInsideTheTranscriptOnly() throws {
        let intake = InProcessIntake()
        let result = intake.run(SessionOptions(mode: .reception, client: "Jane Doe 1984", transcripts: "/memory/deeper/sessions"), typing: ["over 50", ":quit"])
        #expect(result.status == 0)
        let files = intake.files.transcripts(in: "/memory/deeper/sessions")
        #expect(files.count == 1)
        let name = (files[0] as NSString).lastPathComponent
        #expect(name.range(of: #"^\d{8}T\d{6}Z-[0-9a-f]{16}\.jsonl$"#, options: .regularExpression) != nil)
        #expect(Text.events(intake.text(files[0])).first?["client"] as? String == "Jane Doe 1984")
        #expect(!name.contains("Jane") && !result.error.contains("Jane"), "the reference is in no file name and no log line")
    }

    /// What `--client` refuses (exit 2, "--client: a client reference cannot
    /// hold ...": one of them is run by `TranscriptCLITests`).
    @Test func clientReferencesThatCouldNameAFileAreRefused() throws {
        for bad in ["../x", "a/b", "tab\there", "\u{1B}[2J"] {
            let intake = InProcessIntake()
            let result = intake.run(SessionOptions(mode: .reception, client: bad), typing: ["over 50"])
            #expect(result.status == 2, "\(bad.debugDescription)")
            #expect(result.error.hasPrefix("--client: a client reference cannot hold"), "\(bad.debugDescription): \(result.error)")
            #expect(intake.transcripts.isEmpty, "nothing is saved under a refused reference")
        }
    }

    /// `:quit` prints the command to carry on, with the transcript's path
    /// from the root, so it works from another folder. (That the binary
    /// names itself by the path it was started by, as `make run` starts it:
    /// `TranscriptCLITests.quitPrintsTheResumeCommandWithTheBinarysPath`.)
    @Test func quitPrintsTheExactResumeCommandAndItWorksFromAnotherFolder() throws {
        let folder = try TemporaryFolder()
        // A relative transcripts folder: the command printed must still work elsewhere.
        let here = InProcessIntake(directory: folder.path)
        let first = here.run(SessionOptions(transcripts: "sessions"), typing: Array(Text.straight.prefix(5)) + [":quit"])
        #expect(first.status == 0)
        let line = try #require(first.output.split(separator: "\n").first { $0.contains(" run --resume ") })
        let path = try #require(here.files.transcripts(in: "sessions").first)
        #expect(path.hasPrefix(folder.path + "/sessions/"))
        #expect(line.trimmingCharacters(in: .whitespaces) == "intake run --resume \(path)")
        #expect(Text.events(here.text(path)).last?["reason"] as? String == "quit")
        let words = line.split(separator: " ").map(String.init)
        #expect(Array(words.dropFirst()) == ["run", "--resume", path])
        // Pasted in another folder: the transcript is where the command says.
        let elsewhere = InProcessIntake(directory: "/")
        elsewhere.files.place(here.files.written[path] ?? [], at: path)
        let second = elsewhere.run(SessionOptions(resume: words[3]), typing: Array(Text.straight.dropFirst(5)))
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("Welcome back. 5 answers are already saved"))
        #expect(Text.events(elsewhere.text(path)).last?["type"] as? String == "completed")
        let replay = elsewhere.replay(.init(path: path, check: true))
        #expect(replay.status == 0, "\(replay.output)")
        let resumedAgain = elsewhere.run(SessionOptions(resume: path), typing: [])
        #expect(resumedAgain.status == 2)
        #expect(resumedAgain.error.contains("this session is already complete"))
    }

    /// Resuming a reception session says whose it is, from the transcript
    /// (read from the disk, continued in memory).
    @Test func aResumedReceptionSessionNamesTheClient() throws {
        let intake = InProcessIntake()
        let resumed = intake.run(SessionOptions(resume: Text.example("reception-unfinished")), typing: [":quit"])
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("Client: R-2041"))
        #expect(resumed.output.contains("The client's answers so far are saved"))
    }

    /// A last line cut short is reported, and cut off before the session
    /// goes on. (The same on the disk: `TranscriptCLITests.aTornLastLineIsCutOffOnDiskBeforeAppending`.)
    @Test func aTornLastLineIsReportedDroppedAndTheSessionGoesOn() throws {
        let intake = InProcessIntake()
        _ = intake.run(typing: Array(Text.straight.prefix(4)))
        let path = try #require(intake.transcripts.first)
        intake.files.place(Array(intake.text(path).utf8) + Array(#"{"type":"answered","ms":99,"node":"pain_prim"#.utf8), at: path)
        let check = intake.replay(.init(path: path, check: true))
        #expect(check.status == 1)
        #expect(Text.words(check.output).contains("the last line was cut short"))
        let resumed = intake.run(SessionOptions(resume: path), typing: Array(Text.straight.dropFirst(4)))
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.error.contains("the last line was cut short"))
        let after = intake.replay(.init(path: path, check: true))
        #expect(after.status == 0, "the torn line was cut off before appending: \(after.output)")
    }

    @Test func changedQuestionnairesAreRefusedUnlessForced() throws {
        let folder = try TemporaryFolder()
        for name in ["massage-intake.json", "massage-intake.rules.json", "medications.json"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("Questionnaires/\(name)"), toPath: folder.path + "/" + name)
        }
        let questionnaire = folder.path + "/massage-intake.json"
        let intake = InProcessIntake()
        _ = intake.run(SessionOptions(questionnaire: questionnaire), typing: ["over 50"])
        let path = try #require(intake.transcripts.first)
        var text = try String(contentsOfFile: questionnaire, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"How old are you?\"", with: "\"What is your age?\"")
        try text.write(toFile: questionnaire, atomically: true, encoding: .utf8)
        let refused = intake.run(SessionOptions(questionnaire: questionnaire, resume: path), typing: [])
        #expect(refused.status == 2)
        #expect(refused.error.contains("the questionnaire has changed since this session was recorded: resume anyway with --force"))
        let forced = intake.run(SessionOptions(questionnaire: questionnaire, resume: path, force: true), typing: ["2 years"])
        #expect(forced.status == 0, "\(forced.error)")
        let replay = intake.replay(.init(path: path, questionnaire: questionnaire))
        #expect(replay.output.contains("the questionnaire has changed since this session was recorded"))
    }

    /// A report made from an altered transcript says so at the top, in every
    /// format, not only on standard error: the therapist reads the report.
    @Test func aReportOfAnAlteredRecordSaysSoAtTheTop() throws {
        let golden = Text.example("good-fit-neck")
        var lines = try String(contentsOfFile: golden, encoding: .utf8).split(separator: "\n").map(String.init)
        let intake = InProcessIntake()
        let clean = intake.report(.init(transcript: golden))
        #expect(!clean.output.contains("CHECK THIS RECORD"))
        lines[9] = lines[9].replacingOccurrences(of: "\"ms\":", with: "\"ms\": ")
        let path = "/memory/altered.jsonl"
        intake.files.place(Array((lines.joined(separator: "\n") + "\n").utf8), at: path)
        let text = intake.report(.init(transcript: path))
        #expect(text.status == 0)
        let words = Text.words(text.output)
        #expect(words.contains("*** CHECK THIS RECORD ***"))
        #expect(words.contains("line 11: this line does not follow line 10"))
        #expect(text.output.range(of: "CHECK THIS RECORD")!.lowerBound < text.output.range(of: "What this suggests")!.lowerBound)
        let markdown = intake.report(.init(transcript: path, format: .markdown))
        #expect(markdown.output.contains("> **Check this record:**"))
        let html = intake.report(.init(transcript: path, format: .html))
        #expect(html.output.contains(#"<div class="notice notice-record" role="note"><p><strong>Check this record.</strong>"#))
        let json = try Text.json(intake.report(.init(transcript: path, format: .json)).output)
        #expect((json["recordProblems"] as? [String])?.first?.hasPrefix("line 11: this line does not follow line 10") == true)
        let cleanJSON = try Text.json(intake.report(.init(transcript: golden, format: .json)).output)
        #expect((cleanJSON["recordProblems"] as? [String]) == [])
    }

    /// (Messages are looked for word by word: they are wrapped to the
    /// screen after the file's path, and paths in memory are short.)
    @Test func tamperingIsReportedByLineNumber() throws {
        let golden = Text.example("good-fit-neck")
        let lines = try String(contentsOfFile: golden, encoding: .utf8).split(separator: "\n").map(String.init)
        let intake = InProcessIntake()
        var count = 0
        func check(_ changed: [String]) -> InProcessIntake.Result {
            count += 1
            let path = "/memory/t-\(count).jsonl"
            intake.files.place(Array((changed.joined(separator: "\n") + "\n").utf8), at: path)
            return intake.replay(.init(path: path, check: true))
        }
        var flipped = lines
        flipped[9] = flipped[9].replacingOccurrences(of: "\"ms\":", with: "\"ms\": ")
        let flip = check(flipped)
        #expect(flip.status == 1)
        #expect(Text.words(flip.output).contains("line 11: this line does not follow line 10: line 10 was changed"))

        var inserted = lines
        inserted.insert(lines[6], at: 8)
        let insert = check(inserted)
        #expect(insert.status == 1)
        #expect(Text.words(insert.output).contains("line 9: this line was inserted"))

        var removed = lines
        removed.remove(at: 12)
        let remove = check(removed)
        #expect(remove.status == 1)
        #expect(Text.words(remove.output).contains("line 13: this line does not follow line 12"))

        let clean = check(lines)
        #expect(clean.status == 0)
    }

    @Test func aFolderSummaryGoesOnPastBadFiles() throws {
        let folder = try TemporaryFolder()
        for name in ["good-fit-neck", "seek-care-now-urgent-stop", "reception-unfinished"] {
            try FileManager.default.copyItem(atPath: Text.example(name), toPath: folder.path + "/\(name).jsonl")
        }
        _ = try folder.file("garbage.jsonl", "this is not a transcript\n")
        _ = try folder.file("empty.jsonl", "")
        _ = try folder.file("notes.txt", "ignored")
        let intake = InProcessIntake()
        let text = intake.replay(.init(path: folder.path, check: true))
        #expect(text.status == 1)
        #expect(text.output.contains("3 sessions: 2 completed, 1 unfinished") || text.output.contains("5 sessions: 2 completed, 1 unfinished"))
        #expect(text.output.contains("garbage.jsonl: line 1"))
        #expect(text.output.contains("empty.jsonl: line 1"))
        let json = try Text.json(intake.replay(.init(path: folder.path, json: true)).output)
        #expect((json["damaged"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == ["empty.jsonl", "garbage.jsonl"])
        #expect((json["categories"] as? [String: Int]) == ["good-fit": 1, "seek-care-now": 1])
    }

    /// A termination signal (or Ctrl-C from a pipe) closes the transcript as
    /// paused, naming the signal, prints the command to carry on on standard
    /// error, exits 130, and the session resumes to its end. (The signals
    /// sent to a running intake: `SignalTests`.)
    @Test(arguments: [Signals.terminate, Signals.hangUp, Signals.interrupt])
    func aSignalClosesTheTranscriptAsPausedAndResumeWorks(_ signal: Int32) throws {
        let intake = InProcessIntake()
        let steps = Text.straight.prefix(3).map(ScriptedLineReader.Step.line) + [.signal(signal)]
        let stopped = intake.run(SessionOptions(), reader: ScriptedLineReader(steps))
        #expect(stopped.status == 130)
        let path = try #require(intake.transcripts.first)
        let last = Text.events(intake.text(path)).last
        #expect(last?["type"] as? String == "paused")
        #expect(last?["reason"] as? String == Signals.name(of: signal))
        #expect(stopped.error.contains("intake run --resume \(path)"))
        let resumed = intake.run(SessionOptions(resume: path), typing: Array(Text.straight.dropFirst(3)))
        #expect(resumed.status == 0)
        #expect(intake.replay(.init(path: path, check: true)).status == 0)
    }
}
