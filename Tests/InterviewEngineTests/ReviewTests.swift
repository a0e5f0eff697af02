import Testing
@testable import InterviewEngine
import QuestionnaireModel

/// An interview of the flow questionnaire with every check, answered to the
/// end: age, where, severity, pregnant, weeks, notes.
func answeredToTheEnd() throws -> Interview {
    var interview = Interview(questionnaire: try flow(), checks: .all)
    interview.continuePastInfo()
    for answer in ["old", "neck", "3", "yes", "20", "left side"] { _ = interview.handle(answer) }
    #expect(interview.current == "done")
    interview.continuePastInfo()
    return interview
}

@Suite("Review and edit")
struct ReviewTests {
    @Test func theReviewPageComesBeforeTheEnd() throws {
        var interview = try answeredToTheEnd()
        #expect(interview.isReviewing)
        #expect(!interview.isFinished)
        guard case .review = interview.step else {
            Issue.record("the step is the review page")
            return
        }
        #expect(interview.reviewItems.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(interview.reviewItems.map(\.node.id) == ["age", "where", "severity", "pregnant", "weeks", "notes"])
        #expect(interview.handle("more") == .rejected(node: Interview.reviewPage, raw: "more", reason: Rejection("Your answers are all in. Press Enter to finish, or type :edit and a number to change that answer.")))
        #expect(interview.handle(":review") == .command(.review))
        #expect(interview.handle("") == .accepted(node: Interview.reviewPage, answer: Answer(value: .text(""), raw: "")))
        #expect(interview.isFinished)
    }

    @Test func noReviewPageAfterAnUrgentStopOrWithoutTheCheck() throws {
        var urgent = Interview(questionnaire: try flow(), checks: .all)
        urgent.continuePastInfo()
        for answer in ["old", "back", "9"] { _ = urgent.handle(answer) }
        urgent.continuePastInfo()
        #expect(urgent.isFinished)
        #expect(urgent.endedUrgently)
        var plain = Interview(questionnaire: try flow(), checks: [.urgentStops, .nearMatches])
        plain.continuePastInfo()
        for answer in ["old", "neck", "3", "no", ""] { _ = plain.handle(answer) }
        plain.continuePastInfo()
        #expect(plain.isFinished)
        #expect(plain.handle(":edit 1") == .refused(node: "", raw: ":edit 1", reason: Rejection("The interview is over.")))
    }

    /// From the review page: the changed answer adds a follow-up, which is
    /// asked; everything else is kept, and the review page comes back.
    @Test func editFromTheReviewPage() throws {
        var interview = try answeredToTheEnd()
        #expect(interview.handle(":edit 2") == .wentBack(from: Interview.reviewPage, to: "where"))
        #expect(interview.current == "where")
        #expect(interview.previousAnswer?.value == .choices(["neck"]))
        _ = interview.handle("neck, knee")
        #expect(interview.current == "main", "the new follow-up is asked")
        _ = interview.handle("knee")
        #expect(interview.isReviewing, "then straight back to the review page")
        #expect(interview.reviewItems.map(\.node.id) == ["age", "where", "main", "severity", "pregnant", "weeks", "notes"])
        #expect(interview.answers["weeks"]?.value == .number(20))
        _ = interview.handle("")
        #expect(interview.isFinished)
    }

    /// From a question: back to where the person was, passing every answer
    /// that still applies and dropping what the new route no longer asks.
    @Test func editFromAQuestionReturnsToIt() throws {
        var interview = Interview(questionnaire: try flow(), checks: .all)
        interview.continuePastInfo()
        for answer in ["old", "neck", "3", "yes", "20"] { _ = interview.handle(answer) }
        #expect(interview.current == "notes")
        #expect(interview.handle(":edit how bad") == .wentBack(from: "notes", to: "severity"))
        #expect(interview.returnPoint == "notes")
        _ = interview.handle("5")
        #expect(interview.current == "notes", "pregnant and weeks still apply: passed")
        #expect(interview.answers["pregnant"]?.value == .yesNo(true))
        #expect(interview.returnPoint == nil)
        // A change that drops a follow-up: weeks no longer counts.
        _ = interview.handle(":edit pregnant")
        _ = interview.handle("no")
        #expect(interview.current == "notes")
        #expect(interview.answers["weeks"] == nil)
        #expect(interview.trail.contains("weeks") == false)
    }

    /// On the default questionnaire: an information page already read is
    /// not shown again on the way back; a new follow-up is asked.
    @Test func editOnTheDefaultQuestionnaire() throws {
        var interview = Interview(questionnaire: try Shipped.questionnaire(), checks: .all)
        Shipped.answer(&interview, ["2", "2 years", "most days", "lower back", "none", "none", "6", "7", "5", "not known", "none", "none", "ibuprofen", "8", "2"])
        #expect(interview.current == "pss_2")
        #expect(interview.handle(":edit stress") == .wentBack(from: "pss_2", to: "stress_level"))
        _ = interview.handle("3")
        #expect(interview.current == "pss_2", "pss_intro was read already, and pss_1 still applies")
        #expect(interview.answers["pss_1"]?.value == .integer(2))
        #expect(interview.handle(":edit conditions") == .wentBack(from: "pss_2", to: "conditions"))
        _ = interview.handle("pregnancy")
        #expect(interview.current == "pregnancy_weeks", "the new follow-up")
        Shipped.answer(&interview, ["20", "no"])
        #expect(interview.current == "pss_2")
        #expect(interview.answers["medications"]?.value == .medications(["ibuprofen"]))
    }

    @Test func editTargetsAndRefusals() throws {
        var interview = try answeredToTheEnd()
        let page = Interview.reviewPage
        #expect(interview.handle(":edit") == .refused(node: page, raw: ":edit", reason: Rejection("Type :edit and the number of the answer to change, such as :edit 3 (:review shows the numbers).")))
        #expect(interview.handle(":edit 9") == .refused(node: page, raw: ":edit 9", reason: Rejection("There is no answer 9: the answers are numbered 1 to 6 (:review shows them).")))
        #expect(interview.handle(":edit elbow") == .refused(node: page, raw: ":edit elbow", reason: Rejection("'elbow' is not a question you have answered: type :edit and a number from 1 to 6 (:review shows them).")))
        #expect(interview.handle(":EDIT Weeks") == .wentBack(from: page, to: "weeks"))
        var atNotes = Interview(questionnaire: try flow(), checks: .all)
        atNotes.continuePastInfo()
        for answer in ["old", "neck", "3", "no"] { _ = atNotes.handle(answer) }
        #expect(atNotes.handle(":edit notes") == .refused(node: "notes", raw: ":edit notes", reason: Rejection("That is the question you are on: type the new answer.")))
        // The question just before is :back: it walks on question by question.
        #expect(atNotes.handle(":edit 4") == .wentBack(from: "notes", to: "pregnant"))
        #expect(atNotes.returnPoint == nil)
    }

    /// An edit whose answer now leads to an urgent stop is read back first.
    @Test func anEditLeadingToAnUrgentStopIsConfirmed() throws {
        var interview = Interview(questionnaire: try confirmingFlow(), checks: .all)
        interview.continuePastInfo()
        for answer in ["old", "neck", "3", "no", ""] { _ = interview.handle(answer) }
        interview.continuePastInfo()
        #expect(interview.isReviewing)
        _ = interview.handle(":edit 3")
        #expect(interview.handle("10") == .rejected(node: "severity", raw: "10", reason: Rejection("You chose: 10 out of 10. Is that right? yes / no")))
        _ = interview.handle("yes")
        #expect(interview.current == "stop")
        interview.continuePastInfo()
        #expect(interview.isFinished)
        #expect(interview.endedUrgently)
    }

    @Test func editsReplayFromTheTranscript() throws {
        let inputs = ["old", "neck", "3", "yes", "20", ":edit 1", "young", "left side", ":edit 2", "neck, knee", "nee", "yes", ":edit 99", ""]
        let (text, original) = try recordedTranscript(inputs: inputs, checks: .all)
        #expect(original.isFinished)
        let document = TranscriptDocument(Array(text.utf8))
        let events = document.entries.map(\.event)
        #expect(events.contains(.back(from: "notes", to: "age")))
        #expect(events.contains(.back(from: Interview.reviewPage, to: "where")))
        #expect(events.contains(.asked(node: Interview.reviewPage)))
        #expect(events.contains(.answered(node: Interview.reviewPage, raw: "", value: .string(""))))
        let replay = TranscriptReplay(document, questionnaire: try flow())
        #expect(replay.mismatches.map(\.mismatch) == [])
        #expect(replay.completed)
        #expect(replay.interview.answers == original.answers)
        #expect(replay.interview.answers["main"]?.value == .choice("knee"))
    }
}
