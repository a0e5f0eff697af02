import Testing
@testable import InterviewEngine
import QuestionnaireModel

/// The flow questionnaire with its urgent stop marked `confirm`.
func confirmingFlow() throws -> Questionnaire {
    let json = flowJSON.replacingOccurrences(of: #""urgent": true,"#, with: #""urgent": true, "confirm": true,"#)
    return try QuestionnaireLoader.load(Array(json.utf8), file: "flow.json").questionnaire
}

/// An interview of the confirming flow making `checks`, past the welcome and at "severity".
func atSeverity(checks: Interview.Checks = .all) throws -> Interview {
    var interview = Interview(questionnaire: try confirmingFlow(), checks: checks)
    interview.continuePastInfo()
    _ = interview.handle("old")
    _ = interview.handle("back")
    #expect(interview.current == "severity")
    return interview
}

@Suite("Checks: confirming an urgent stop, and did you mean")
struct CheckTests {
    // MARK: - Urgent stops (issue 13, fault 2)

    @Test func anAnswerThatEndsTheInterviewIsReadBackFirst() throws {
        var interview = try atSeverity()
        let asked = "You chose: 9 out of 10. Is that right? yes / no"
        #expect(interview.handle("9") == .rejected(node: "severity", raw: "9", reason: Rejection(asked)))
        #expect(interview.current == "severity", "nothing is taken yet")
        #expect(interview.answers["severity"] == nil)
        let check = try #require(interview.pendingCheck)
        #expect(check.reason == .urgentStop("stop"))
        #expect(check.prompt == asked)
        guard case .check = interview.step else {
            Issue.record("the step is the check")
            return
        }
        #expect(interview.handle("yes") == .accepted(node: "severity", answer: Answer(value: .integer(9), raw: "9")))
        #expect(interview.current == "stop")
        interview.continuePastInfo()
        #expect(interview.endedUrgently)
    }

    @Test func noAsksTheQuestionAgainWithNothingKept() throws {
        var interview = try atSeverity()
        _ = interview.handle("9")
        #expect(interview.handle("no") == .rejected(node: "severity", raw: "no", reason: Rejection("All right: that answer is not kept. Please answer the question again.")))
        #expect(interview.pendingCheck == nil)
        #expect(interview.current == "severity")
        #expect(interview.previousAnswer == nil, "the mistaken answer is not offered back")
        #expect(interview.handle("3") == .accepted(node: "severity", answer: Answer(value: .integer(3), raw: "3")))
        #expect(interview.current == "pregnant")
    }

    @Test func anotherAnswerInsteadOfYesOrNoIsTakenAsTheAnswer() throws {
        var interview = try atSeverity()
        _ = interview.handle("9")
        #expect(interview.handle("4") == .accepted(node: "severity", answer: Answer(value: .integer(4), raw: "4")))
        #expect(interview.pendingCheck == nil)
        // "1" is an answer too, not yes: digits are never a reply to a check.
        var again = try atSeverity()
        _ = again.handle("10")
        #expect(again.handle("1") == .accepted(node: "severity", answer: Answer(value: .integer(1), raw: "1")))
    }

    @Test func enterNeitherConfirmsNorDrops() throws {
        var interview = try atSeverity()
        _ = interview.handle("9")
        #expect(interview.handle("") == .rejected(node: "severity", raw: "", reason: Rejection("Please answer yes or no. You chose: 9 out of 10. Is that right? yes / no")))
        #expect(interview.pendingCheck?.reason == .urgentStop("stop"))
        #expect(interview.current == "severity")
    }

    @Test func commandsDuringACheck() throws {
        var interview = try atSeverity()
        _ = interview.handle("9")
        #expect(interview.handle(":help") == .command(.help))
        #expect(interview.handle(":quit") == .command(.quit))
        #expect(interview.pendingCheck != nil, "help and quit leave the check waiting")
        #expect(interview.handle(":back") == .wentBack(from: "severity", to: "where"))
        #expect(interview.pendingCheck == nil)
    }

    @Test func onlyStopsMarkedConfirmAndOnlyWhenAsked() throws {
        var unmarked = Interview(questionnaire: try flow(), checks: .all)
        unmarked.continuePastInfo()
        for answer in ["old", "back", "9"] { _ = unmarked.handle(answer) }
        #expect(unmarked.current == "stop", "the stop is not marked confirm")
        var notAsked = try atSeverity(checks: [])
        _ = notAsked.handle("9")
        #expect(notAsked.current == "stop", "an answer file, or a session that does not check")
    }

    @Test func aConfirmedStopReplaysFromItsTranscript() throws {
        let inputs = ["old", "back", "9", "no", "9", "yes"]
        let (text, original) = try recordedTranscript(inputs: inputs, checks: .all, questionnaire: try confirmingFlow())
        #expect(original.endedUrgently)
        let document = TranscriptDocument(Array(text.utf8))
        let events = document.entries.map(\.event)
        #expect(events.contains(.rejected(node: "severity", raw: "9", reason: "You chose: 9 out of 10. Is that right? yes / no")))
        #expect(events.contains(.answered(node: "severity", raw: "yes", value: .number(9))))
        #expect(events.contains(.completed(urgent: true, assessment: nil)))
        let replay = TranscriptReplay(document, questionnaire: try confirmingFlow())
        #expect(replay.mismatches.map(\.mismatch) == [])
        #expect(replay.completed)
        #expect(replay.interview.endedUrgently)
    }

    /// A session paused while a check waited is resumed at the check.
    @Test func aPendingCheckComesBackOnResume() throws {
        let (text, _) = try recordedTranscript(inputs: ["old", "back", "9"], checks: .all, questionnaire: try confirmingFlow())
        let replay = TranscriptReplay(TranscriptDocument(Array(text.utf8)), questionnaire: try confirmingFlow())
        #expect(replay.mismatches.isEmpty)
        #expect(replay.interview.pendingCheck?.reason == .urgentStop("stop"))
    }

    // MARK: - Did you mean (issue 13, item 9)

    @Test func aNearMatchIsAskedNeverTaken() throws {
        var interview = Interview(questionnaire: try flow(), checks: .all)
        interview.continuePastInfo()
        _ = interview.handle("old")
        #expect(interview.handle("nek") == .rejected(node: "where", raw: "nek", reason: Rejection("Did you mean Neck? yes / no")))
        #expect(interview.current == "where")
        #expect(interview.answers["where"] == nil)
        #expect(interview.handle("yes") == .accepted(node: "where", answer: Answer(value: .choices(["neck"]), raw: "neck")))
        #expect(interview.current == "severity")
    }

    @Test func noToADidYouMeanAsksAgain() throws {
        var interview = Interview(questionnaire: try flow(), checks: .all)
        interview.continuePastInfo()
        _ = interview.handle("old")
        _ = interview.handle("knee, bakc")
        #expect(interview.pendingCheck?.question == "Did you mean Back, Knee?")
        #expect(interview.handle("no") == .rejected(node: "where", raw: "no", reason: Rejection("All right: please type your answer again.")))
        #expect(interview.current == "where")
        #expect(interview.answers["where"] == nil)
    }

    @Test func withoutTheCheckANearMatchIsPlainlyRefused() throws {
        var interview = Interview(questionnaire: try flow())
        interview.continuePastInfo()
        _ = interview.handle("old")
        #expect(interview.handle("nek") == .rejected(node: "where", raw: "nek", reason: Rejection("I couldn't match 'nek' to a choice: type a number from 1 to 4, or one of: Neck, Back, Knee, Nowhere.")))
        #expect(interview.pendingCheck == nil)
    }

    @Test func nearMatchesOfEachKind() throws {
        let questionnaire = try Shipped.questionnaire()
        let before = ["2", "2 years", "most days", "lower back", "none", "none", "6", "7", "5", "not known", "none", "none", "ibuprofen", "8"]
        func asked(_ node: String, _ typed: String) -> String? {
            var interview = Interview(questionnaire: questionnaire, checks: .all)
            Shipped.answer(&interview, [])
            for answer in before where interview.current != node { Shipped.answer(&interview, [answer]) }
            #expect(interview.current == node)
            guard case .rejected = interview.handle(typed) else { return nil }
            return interview.pendingCheck?.question
        }
        #expect(asked("pain_locations", "lowr back") == "Did you mean Lower back?")
        #expect(asked("pain_duration", "2 yeras") == "Did you mean 2 years?")
        #expect(asked("pss_1", "fairy often") == "Did you mean 'fairly often'?")
        #expect(asked("pain_locations", "left nee, neck") == "Did you mean Neck, Left knee?")
        // Nothing is suggested when it is unclear.
        #expect(asked("pain_locations", "kne") == nil, "near Left knee and Right knee alike")
        #expect(asked("pain_locations", "elbw") == nil, "near nothing within one edit")
    }

    /// The check an application adds (medicine names, in the clinical
    /// issue): "no" keeps what was typed; what was typed and what was
    /// confirmed are both in the transcript.
    @Test func anApplicationCheckCanKeepWhatWasTyped() throws {
        let json = flowJSON.replacingOccurrences(of: #""kind": "text", "required": false"#, with: #""kind": "medications", "required": false"#)
        let questionnaire = try QuestionnaireLoader.load(Array(json.utf8), file: "flow.json").questionnaire
        let medicineCheck: AnswerCheck = { node, answer in
            guard case .medications(let names) = answer.value, names == ["warfrin"] else { return nil }
            return Interview.Check(
                reason: .nearMatch, node: node.id, typed: answer.raw,
                question: "'warfrin' is not a name intake knows. Did you mean warfarin (a blood thinner)?", replies: "yes / no, keep it as typed",
                onYes: Answer(value: .medications(["warfarin"]), raw: "warfarin"), onNo: answer)
        }
        var interview = Interview(questionnaire: questionnaire, checks: .all, answerCheck: medicineCheck)
        interview.continuePastInfo()
        for answer in ["old", "neck", "2", "no"] { _ = interview.handle(answer) }
        #expect(interview.current == "notes")
        #expect(interview.handle("warfrin") == .rejected(node: "notes", raw: "warfrin", reason: Rejection("'warfrin' is not a name intake knows. Did you mean warfarin (a blood thinner)? yes / no, keep it as typed")))
        #expect(interview.handle("no") == .accepted(node: "notes", answer: Answer(value: .medications(["warfrin"]), raw: "warfrin")))
    }
}
