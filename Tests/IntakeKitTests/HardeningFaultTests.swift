import Foundation
import IntakeKit
import IntakeTesting
import QuestionnaireModel
import Testing

/// Faults while saving, in-process: transcript writes fail after a number
/// of them (`TestFiles.failTranscriptWrites(after:)`), as on a full or
/// read-only disk. Nothing acknowledged on screen is lost, the session
/// stops at once, what was saved replays, and the session carries on once
/// there is room again. The same faults on the real disk (an LD_PRELOAD
/// shim), signals, shared folders and links are in
/// `intakeTests/DiskFaultTests.swift`.
@Suite("Faults")
struct HardeningFaultTests {
    static let lines = Fixtures.text("Tests/Fixtures/straight-session.txt").split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)

    static func answersAcknowledged(_ output: String) -> Int {
        output.components(separatedBy: "  Answer: ").count - 1
    }

    /// The type of each line of a transcript `intake` wrote, without the
    /// `sealed` lines that close its endings.
    static func types(_ transcript: String, of intake: InProcessIntake) throws -> [String] {
        try HardeningText.events(of: intake.files.written[transcript] ?? []).compactMap { $0["type"]?.stringValue }.filter { $0 != "sealed" }
    }

    @Test(arguments: [0, 1, 3, 4, 6, 9])
    func aFullDiskStopsAtOnceAndNothingUnsavedIsAcknowledged(_ writesBeforeFull: Int) throws {
        let intake = InProcessIntake()
        intake.files.failTranscriptWrites(after: writesBeforeFull)
        let result = intake.run(typing: Self.lines)
        #expect(result.status == 2)
        if writesBeforeFull == 0 {
            // Not even the header could be saved: nothing is asked at all.
            #expect(!result.output.contains("How old are you?"))
            #expect(result.error.contains("the disk is full"))
            #expect(result.error.contains("the interview cannot start"))
            return
        }
        #expect(result.error.contains("Your answers could not be saved (the disk is full). The interview has stopped so"))
        let transcript = try #require(intake.transcripts.first)
        let saved = try Self.types(transcript, of: intake).filter { $0 == "answered" }.count
        #expect(Self.answersAcknowledged(result.output) == saved, "every acknowledged answer is saved, and only those")
        // The lines that were written are intact, and the session carries on
        // once there is room again.
        let replay = intake.replay(.init(path: transcript, check: true))
        #expect(replay.status == 0, "\(replay.output)")
        intake.files.allowTranscriptWrites()
        let resumed = intake.run(SessionOptions(resume: transcript), typing: Array(Self.lines.dropFirst(saved)))
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(try Self.types(transcript, of: intake).last == "completed")
    }

    /// The first page acknowledges no answer, so it is shown at once and
    /// saved while the person reads it, but always before their first line
    /// is taken: a disk that fails then stops the session before a read.
    @Test func theFirstPageIsShownAtOnceAndSavedBeforeAnythingIsRead() throws {
        let intake = InProcessIntake()
        intake.files.failTranscriptWrites(after: 1)
        let reader = ScriptedLineReader(lines: Self.lines)
        let result = intake.run(SessionOptions(), reader: reader)
        #expect(result.status == 2)
        #expect(result.output.contains("How old are you?"))
        #expect(result.error.contains("the disk is full"))
        #expect(reader.prompts.isEmpty, "no line is read before the first page is saved")
    }

    @Test func aReadOnlyDiskStopsBeforeAnythingIsAsked() throws {
        let intake = InProcessIntake()
        intake.files.failTranscriptWrites(after: 0, reason: "the disk is read-only")
        let result = intake.run(typing: ["over 50"])
        #expect(result.status == 2)
        #expect(result.error.contains("the disk is read-only"))
        #expect(!result.output.contains("How old are you?"))
        #expect(!result.output.contains("Answer:"))
    }
}
