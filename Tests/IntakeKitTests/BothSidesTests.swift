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
