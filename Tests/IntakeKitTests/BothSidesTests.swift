import IntakeKit
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing

/// "both knees" at the pain areas is the left and the right knee, in
/// English and in Korean ("양쪽 어깨"), as a person says it.
@Suite("Both sides named at once")
struct BothSidesTests {
    static func answer(_ typed: String) -> Interview.Response {
        var interview = KoreanCompletionTests.interview(at: "pain_locations")
        return interview.handle(typed)
    }

    static func codes(_ typed: String) -> [String]? {
        guard case .accepted(_, let answer) = answer(typed), case .choices(let codes) = answer.value else { return nil }
        return codes
    }

    @Test func bothTakesTheLeftAndTheRight() {
        #expect(Self.codes("both knees") == ["knee-left", "knee-right"])
        #expect(Self.codes("Both shoulders, lower back") == ["lower-back", "shoulder-left", "shoulder-right"])
        #expect(Self.codes("neck both hips") == ["neck", "hip-left", "hip-right"])
        #expect(Self.codes("both feet") == ["foot-left", "foot-right"])
        #expect(Self.codes("both knee") == ["knee-left", "knee-right"])
        #expect(Self.codes("양쪽 어깨") == ["shoulder-left", "shoulder-right"])
        #expect(Self.codes("양쪽무릎, 허리") == ["lower-back", "knee-left", "knee-right"])
    }

    @Test func bothWithoutTwoSidesIsNotGuessed() {
        // The neck has no left and right: refused as before, naming the word.
        guard case .rejected(_, _, let reason) = Self.answer("both necks") else {
            Issue.record("'both necks' was taken")
            return
        }
        #expect(reason.message.contains("'both'"))
    }
}

/// A session recorded before "both" was read (format 3) refused "both
/// knees"; its replay reads it as then, so one that took it does not replay
/// as recorded, and today's (format 4) does.
@Suite("Both sides in older transcripts")
struct BothSidesReplayTests {
    @Test func aSessionReplaysWithTheReadingOfItsFormat() throws {
        let intake = InProcessIntake()
        let run = intake.run(SessionOptions(), typing: ["", "2", "2 years", "most days", "both knees", ":quit"])
        #expect(run.status == 0, "\(run.error)")
        let today = try #require(intake.transcripts.last)
        #expect(intake.text(today).contains(#""format":4"#))
        #expect(intake.text(today).contains(#""raw":"both knees","value":["knee-left","knee-right"]"#))
        #expect(intake.replay(Replay.Options(path: today, check: true)).status == 0)

        // The same lines under a format 3 header: format 3 did not read
        // "both", so its answer there is not what replay reads now.
        let older = "/memory/format-3.jsonl"
        let text = SignedSessionTests.rehashedEdit(intake.text(today), replacing: #""format":4"#, with: #""format":3"#, keepSignatures: false)
        intake.files.place(Array(text.utf8), at: older)
        let replay = intake.replay(Replay.Options(path: older, check: true))
        #expect(replay.status == 1)
        #expect(replay.output.contains("'both knees' was accepted"), "\(replay.output)")
    }
}
