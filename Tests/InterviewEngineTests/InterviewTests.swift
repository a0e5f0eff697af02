import Testing
@testable import InterviewEngine
import QuestionnaireModel

let flowJSON = """
    {
      "id": "flow", "version": "1", "title": "Flow",
      "start": "welcome",
      "nodes": [
        {"id": "welcome", "kind": "info", "text": "Hello", "next": "age"},
        {"id": "age", "kind": "single", "text": "Age?", "options": [{"code": "young", "label": "Young"}, {"code": "old", "label": "Old"}], "next": "where"},
        {"id": "where", "kind": "multi", "text": "Where?", "options": [
            {"code": "neck", "label": "Neck"}, {"code": "back", "label": "Back"}, {"code": "knee", "label": "Knee"}, {"code": "none", "label": "Nowhere"}],
         "next": [{"when": {"question": "where", "count": {"gte": 2}}, "goto": "main"}, {"goto": "severity"}]},
        {"id": "main", "kind": "single", "optionsFrom": "where", "text": "Which most?", "next": "severity"},
        {"id": "severity", "kind": "scale", "min": 0, "max": 10, "text": "How bad?",
         "next": [{"when": {"question": "severity", "gte": 9}, "goto": "stop"}, {"goto": "pregnant"}]},
        {"id": "stop", "kind": "info", "urgent": true, "text": "Get help now"},
        {"id": "pregnant", "kind": "yesno", "text": "Pregnant?",
         "next": [{"when": {"question": "pregnant", "equals": true}, "goto": "weeks"}, {"goto": "notes"}]},
        {"id": "weeks", "kind": "number", "min": 1, "max": 42, "integer": true, "text": "Weeks?", "next": "notes"},
        {"id": "notes", "kind": "text", "required": false, "text": "Anything else?", "next": "done"},
        {"id": "done", "kind": "info", "text": "Thanks"}
      ]
    }
    """

func flow() throws -> Questionnaire {
    try QuestionnaireLoader.load(Array(flowJSON.utf8), file: "flow.json").questionnaire
}

/// Starts an interview past the welcome screen.
func started() throws -> Interview {
    var interview = Interview(questionnaire: try flow())
    #expect(interview.current == "welcome")
    interview.continuePastInfo()
    return interview
}

@Suite("Interview engine")
struct InterviewTests {
    @Test func walksTheGraphInOrder() throws {
        var interview = try started()
        #expect(interview.current == "age")
        #expect(interview.handle("old") == .accepted(node: "age", answer: Answer(value: .choice("old"), raw: "old")))
        #expect(interview.current == "where")
        _ = interview.handle("neck")
        #expect(interview.current == "severity", "one area: the main-area question is not asked")
        _ = interview.handle("4")
        _ = interview.handle("no")
        #expect(interview.current == "notes")
        _ = interview.handle("")
        #expect(interview.skipped == ["notes"])
        #expect(interview.current == "done")
        interview.continuePastInfo()
        #expect(interview.isFinished)
        #expect(!interview.endedUrgently)
        #expect(interview.answeredInOrder.map(\.node.id) == ["age", "where", "severity", "pregnant"])
    }

    @Test func optionsFromAnEarlierAnswer() throws {
        var interview = try started()
        _ = interview.handle("young")
        _ = interview.handle("knee, neck")
        #expect(interview.current == "main")
        #expect(interview.currentOptions.map(\.code) == ["neck", "knee"])
        #expect(interview.handle("back") == .rejected(node: "main", raw: "back", reason: Rejection("I couldn't match 'back' to a choice: type a number from 1 to 2, or one of: Neck, Knee. To go back to the previous question, type :back.")))
        #expect(interview.handle("2") == .accepted(node: "main", answer: Answer(value: .choice("knee"), raw: "2")))
    }

    @Test func rejectedAnswersKeepTheSameQuestion() throws {
        var interview = try started()
        _ = interview.handle("old")
        _ = interview.handle("back")
        let response = interview.handle("11")
        #expect(response == .rejected(node: "severity", raw: "11", reason: Rejection("11 is above 10: enter a whole number from 0 to 10.")))
        #expect(interview.current == "severity")
        #expect(interview.answers["severity"] == nil)
    }

    @Test func backOffersTheOldAnswerAndEnterKeepsIt() throws {
        var interview = try started()
        _ = interview.handle("old")
        _ = interview.handle("back")
        #expect(interview.handle(":back") == .wentBack(from: "severity", to: "where"))
        #expect(interview.current == "where")
        #expect(interview.defaultText == "back")
        #expect(interview.handle("") == .accepted(node: "where", answer: Answer(value: .choices(["back"]), raw: "back")))
        #expect(interview.current == "severity")
    }

    @Test func backAtTheFirstQuestionIsRefusedKindly() throws {
        var interview = try started()
        guard case .refused(_, _, let reason) = interview.handle(":back") else {
            Issue.record("expected a refusal")
            return
        }
        #expect(reason.message == "This is the first question, so there is nothing to go back to.")
        #expect(interview.current == "age")
    }

    @Test func changingAnEarlierAnswerDropsAnswersTheNewPathDoesNotReach() throws {
        var interview = try started()
        _ = interview.handle("old")
        _ = interview.handle("neck, back")
        _ = interview.handle("neck")
        _ = interview.handle("3")
        _ = interview.handle("yes")
        _ = interview.handle("20")
        #expect(interview.current == "notes")
        #expect(interview.answers["weeks"]?.value == .number(20))
        // Back to "pregnant" and change it: the weeks answer no longer applies.
        _ = interview.handle(":back")
        _ = interview.handle(":back")
        #expect(interview.current == "pregnant")
        _ = interview.handle("no")
        #expect(interview.current == "notes")
        #expect(interview.answers["weeks"] == nil)
        // Back to the areas, choose one: the main-area answer goes too.
        _ = interview.handle(":back")
        _ = interview.handle(":back")
        _ = interview.handle(":back")
        #expect(interview.current == "main")
        _ = interview.handle(":back")
        #expect(interview.current == "where")
        _ = interview.handle("knee")
        #expect(interview.answers["main"] == nil)
        #expect(interview.current == "severity")
        #expect(interview.previousAnswer?.value == .integer(3), "answers still on the path are kept")
    }

    /// Issue 13, fault 1: a follow-up the changed answer adds must not cut
    /// off the answers after it. Before, every answer past the first
    /// question left unanswered (the new follow-up) was dropped.
    @Test func aNewFollowUpKeepsEveryLaterAnswer() throws {
        var interview = try started()
        for answer in ["old", "neck", "3", "yes", "20", "left side"] { _ = interview.handle(answer) }
        #expect(interview.current == "done")
        for _ in 0..<5 { _ = interview.handle(":back") }
        #expect(interview.current == "where")
        #expect(interview.handle("neck, knee") == .accepted(node: "where", answer: Answer(value: .choices(["neck", "knee"]), raw: "neck, knee")))
        #expect(interview.current == "main", "the new follow-up")
        _ = interview.handle("knee")
        #expect(interview.current == "severity")
        #expect(interview.previousAnswer?.value == .integer(3))
        #expect(interview.handle("") == .accepted(node: "severity", answer: Answer(value: .integer(3), raw: "3")))
        #expect(interview.previousAnswer?.value == .yesNo(true))
        _ = interview.handle("")
        #expect(interview.current == "weeks")
        #expect(interview.previousAnswer?.value == .number(20))
        _ = interview.handle("")
        #expect(interview.previousAnswer?.value == .text("left side"))
        _ = interview.handle("")
        #expect(interview.current == "done")
        #expect(interview.answeredInOrder.map(\.node.id) == ["age", "where", "main", "severity", "pregnant", "weeks", "notes"])
    }

    /// The repro of issue 13, fault 1, on the default questionnaire: after
    /// the follow-up a changed answer adds, the medicines and stress answers
    /// come back as defaults.
    @Test func theIssueReproKeepsMedicinesAndStress() throws {
        var interview = Interview(questionnaire: try Shipped.questionnaire())
        Shipped.answer(&interview, ["2", "2 years", "most days", "lower back", "none", "none", "6", "7", "5", "not known", "none", "none", "ibuprofen, sertraline", "8"])
        #expect(interview.current == "pss_1")
        Shipped.answer(&interview, [":back", ":back", ":back"])
        #expect(interview.current == "recent_events")
        Shipped.answer(&interview, ["steroid", "lower back"])
        #expect(interview.current == "medications")
        #expect(interview.previousAnswer?.value == .medications(["ibuprofen", "sertraline"]))
        Shipped.answer(&interview, [""])
        #expect(interview.previousAnswer?.value == .integer(8))
        Shipped.answer(&interview, [""])
        #expect(interview.answeredInOrder.map(\.node.id).suffix(4) == ["recent_events", "recent_event_site", "medications", "stress_level"])
    }

    /// Sessions recorded before format 3 re-routed the old way, and replay
    /// must do what they did: there, the same change drops the later answers.
    @Test func transcriptsBeforeFormat3ReRouteTheOldWay() throws {
        var interview = Interview(questionnaire: try flow(), recordedUnder: Shipped.header(format: 2))
        interview.continuePastInfo()
        for answer in ["old", "neck", "3", "yes", "20", "left side", ":back", ":back", ":back", ":back", ":back", "neck, knee", "knee"] {
            _ = interview.handle(answer)
        }
        #expect(interview.current == "severity")
        #expect(interview.previousAnswer == nil)
        #expect(interview.handle("") == .rejected(node: "severity", raw: "", reason: Rejection("Please enter a whole number from 0 to 10.")))
    }

    /// Answers off the new route are held, not counted: conditions and
    /// scoring see only the path. When the route comes back to them they
    /// are offered again; at the end, those still off the path are gone.
    @Test func answersOffTheRouteAreHeldThenGoneAtTheEnd() throws {
        var interview = try started()
        for answer in ["old", "neck", "3", "yes", "20"] { _ = interview.handle(answer) }
        _ = interview.handle(":back")
        _ = interview.handle(":back")
        _ = interview.handle("no")
        #expect(interview.current == "notes")
        #expect(interview.answers["weeks"] == nil, "off the path: it does not count")
        #expect(interview.heldAnswers["weeks"]?.value == .number(20))
        // Changing it back brings the held answer back as the default.
        _ = interview.handle(":back")
        _ = interview.handle("yes")
        #expect(interview.current == "weeks")
        #expect(interview.previousAnswer?.value == .number(20))
        _ = interview.handle(":back")
        _ = interview.handle("no")
        _ = interview.handle("")
        interview.continuePastInfo()
        #expect(interview.isFinished)
        #expect(interview.heldAnswers.isEmpty)
        #expect(interview.answers["weeks"] == nil)
    }

    /// An answer drawn from an earlier answer's options is offered again
    /// only while its option is still on offer.
    @Test func aHeldChoiceThatIsNoLongerOnOfferIsNotOffered() throws {
        var interview = try started()
        for answer in ["old", "neck, back", "back", "3"] { _ = interview.handle(answer) }
        for _ in 0..<3 { _ = interview.handle(":back") }
        #expect(interview.current == "where")
        _ = interview.handle("neck, knee")
        #expect(interview.current == "main")
        #expect(interview.heldAnswers["main"]?.value == .choice("back"))
        #expect(interview.previousAnswer == nil, "'back' is not among the areas now chosen")
        #expect(interview.handle("") == .rejected(node: "main", raw: "", reason: Rejection("Please choose one: type its number or its name.")))
    }

    @Test func skipOnlyForOptionalQuestions() throws {
        var interview = try started()
        guard case .refused(_, _, let reason) = interview.handle(":skip") else {
            Issue.record("required questions cannot be skipped")
            return
        }
        #expect(reason.message.contains("needs an answer"))
        _ = interview.handle("young")
        _ = interview.handle("none")
        _ = interview.handle("2")
        _ = interview.handle("n")
        #expect(interview.handle(":skip") == .skipped(node: "notes"))
        #expect(interview.current == "done")
    }

    @Test func urgentStopEndsTheInterviewAtOnce() throws {
        var interview = try started()
        _ = interview.handle("old")
        _ = interview.handle("back")
        _ = interview.handle("9")
        #expect(interview.current == "stop")
        interview.continuePastInfo()
        #expect(interview.isFinished)
        #expect(interview.endedUrgently)
    }

    @Test func commandsAreReturnedForTheCallerToShow() throws {
        var interview = try started()
        #expect(interview.handle(":review") == .command(.review))
        #expect(interview.handle(":WHY") == .command(.why))
        #expect(interview.handle("  :help ") == .command(.help))
        #expect(interview.handle(":q") == .command(.quit))
        guard case .refused(_, _, let unknown) = interview.handle(":bak") else {
            Issue.record("unknown command")
            return
        }
        #expect(unknown.message == "There is no command ':bak'. Did you mean :back? Type :help to see the commands.")
        guard case .refused(_, _, let withArgument) = interview.handle(":back 3") else {
            Issue.record("command with an argument")
            return
        }
        #expect(withArgument.message == "':back' is used on its own, without anything after it.")
        #expect(interview.current == "age")
    }

    /// Issue 13, item 4: a command's word typed without its colon.
    @Test func aCommandWordWithoutItsColonSaysHowToTypeIt() throws {
        var interview = try started()
        #expect(interview.handle("help") == .rejected(node: "age", raw: "help", reason: Rejection("I couldn't match 'help' to a choice: type a number from 1 to 2, or one of: Young, Old. For help, type :help.")))
        guard case .rejected(_, _, let quit) = interview.handle("quit") else {
            Issue.record("quit is refused as an answer")
            return
        }
        #expect(quit.message.hasSuffix("To stop for now (your answers so far are kept), type :quit."))
    }

    @Test func colonFollowedByNonLetterIsAnAnswer() {
        #expect(Command.parse(":)") == nil)
        #expect(Command.parse(": see notes") == nil)
        #expect(Command.parse("back") == nil)
    }

    @Test func progressComesFromTheGraph() throws {
        var interview = try started()
        // age, where, [main], severity, pregnant, [weeks], notes: 5 to 7 questions.
        #expect(interview.progress == Interview.Progress(number: 1, fewestMore: 4, mostMore: 6))
        _ = interview.handle("old")
        _ = interview.handle("neck")
        // "where" is answered with one area, so "main" is out; the urgent stop is not an end.
        #expect(interview.progress == Interview.Progress(number: 3, fewestMore: 2, mostMore: 3))
        _ = interview.handle("1")
        _ = interview.handle("yes")
        #expect(interview.progress == Interview.Progress(number: 5, fewestMore: 1, mostMore: 1))
    }
}
