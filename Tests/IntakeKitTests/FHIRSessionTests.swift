import FHIR
import Foundation
import IntakeKit
import IntakeTesting
import QuestionnaireModel
import Testing

/// FHIR R4 Questionnaires through intake's commands, in-process: a PHQ-9
/// with back, edit, resume, replay, report and export; what validate says;
/// the session's date; every file of shared/fhir run to a response FHIR's
/// own models accept.
@Suite("FHIR questionnaires, end to end")
struct FHIRSessionTests {
    static let phq9 = FHIRCheck.fixturePath("stanford-PHQ-9.json")

    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    /// Output with line breaks and runs of spaces made single spaces.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: - A PHQ-9, as a person answers it

    @Test func aPHQ9WithBackEditAndResumeEndsWithItsTotalAndTheWeightsItCameFrom() throws {
        let intake = InProcessIntake()
        intake.clock.offsetMinutes = 60
        // Three answers, back to the third to change it, then stop.
        let first = intake.run(SessionOptions(questionnaire: Self.phq9), typing: ["1", "2", "3", ":back", "nearly every day", ":quit"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Patient Health Questionnaire - 9 Item"))
        #expect(first.output.contains("Over the last two weeks, how often have you been bothered"))
        #expect(first.output.contains("Question 1 - about 8 more\nLittle interest or pleasure in doing things?"))
        #expect(first.output.contains("Press Enter to keep your answer: More than half the days"))
        #expect(first.output.contains("Answer: Nearly every day"))
        let transcript = try #require(intake.transcripts.first)
        #expect(first.output.contains("--resume \(transcript) --questionnaire \(Self.phq9)"))

        let second = intake.run(SessionOptions(questionnaire: Self.phq9, resume: transcript), typing: ["1", "1", "1", "1", "several days", "1"])
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("Welcome back. 3 answers are already saved"))
        let summary = Self.flat(second.output)
        #expect(summary.contains("Trouble falling or staying asleep, or sleeping too much?: Nearly every day"))
        // 0 + 1 + 3 + 0 + 0 + 0 + 0 + 1 + 0, each answer's ordinalValue.
        #expect(summary.contains("Scores Total score: 5 0 Little interest or pleasure in doing things?: Not at all 1 Feeling down, depressed, or hopeless?: Several days 3 Trouble falling"))
        #expect(summary.contains("There are no rules beside this questionnaire, so no assessment is given."))

        let replay = intake.replay(Replay.Options(path: transcript, check: true, questionnaire: Self.phq9))
        #expect(replay.status == 0, "\(replay.output)")
        #expect(replay.output.contains("Replay: every step did what the transcript recorded."))
        #expect(replay.output.contains("Total score: 5"))

        let report = intake.report(SessionReport.Options(transcript: transcript, format: .json, questionnaire: Self.phq9))
        #expect(report.status == 0, "\(report.error)")
        let scores = try #require(try Self.json(report.output)["scores"]?.arrayValue)
        #expect(scores.first?["value"]?.numberValue?.integer == 5)
        #expect(scores.first?["from"]?.arrayValue?.count == 9)
        let markdown = intake.report(SessionReport.Options(transcript: transcript, format: .markdown, questionnaire: Self.phq9))
        #expect(markdown.output.contains("## Scores\n\n**Total score: 5**"))
        #expect(markdown.output.contains("| Trouble falling or staying asleep, or sleeping too much? | Nearly every day | 3 |"))

        let export = intake.export(Export.Options(transcript: transcript, questionnaire: Self.phq9))
        #expect(export.status == 0, "\(export.error)")
        let response = try Self.json(export.output)
        #expect(response["resourceType"]?.stringValue == "QuestionnaireResponse")
        #expect(response["questionnaire"]?.stringValue == "http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9|3.0.0")
        #expect(response["status"]?.stringValue == "completed")
        // The manual clock's time, in the local offset the clock reports.
        #expect(response["authored"]?.stringValue?.hasPrefix("2026-11-26T20:5") == true)
        #expect(response["authored"]?.stringValue?.hasSuffix("+01:00") == true)
        // The group is kept; the edited answer is the one exported.
        let group = try #require(response["item"]?.arrayValue?.first)
        #expect(group["linkId"]?.stringValue == "H1/T1")
        let third = group["item"]?.arrayValue?.first { $0["linkId"]?.stringValue == "H1/T1/Q3" }
        #expect(third?["answer"]?.arrayValue?.first?["valueCoding"]?["display"]?.stringValue == "Nearly every day")
        #expect(try FHIRCheck.validate([response]) == [nil])

        let bundle = intake.export(Export.Options(transcript: transcript, format: .fhirBundle, questionnaire: Self.phq9))
        #expect(bundle.status == 2)
        #expect(bundle.error.contains("there are no rules for the questionnaire"))
        #expect(bundle.error.contains("--format fhir"))
    }

    /// `intake score` of a PHQ-9: no rules are needed for the total; an
    /// answer file keyed by linkId and the response export writes give it.
    @Test func scoringAFHIRFormWithoutRulesGivesTheTotalItComputes() throws {
        let intake = InProcessIntake()
        intake.files.place(Array(#"{"H1/T1/Q1": "Several days", "H1/T1/Q2": "4", "H1/T1/Q3": "not at all"}"#.utf8), at: "/memory/answers.json")
        let text = intake.score(AnswerFileScoring.Options(answers: "/memory/answers.json", questionnaire: Self.phq9))
        #expect(text.status == 0, "\(text.error)")
        #expect(Self.flat(text.output).contains("Scores Total score: 4 1 Little interest or pleasure in doing things?: Several days 3 Feeling down"))
        #expect(text.output.contains("There are no rules beside this questionnaire, so no assessment is given."))

        let json = intake.score(AnswerFileScoring.Options(answers: "/memory/answers.json", format: .json, questionnaire: Self.phq9))
        #expect(json.status == 0, "\(json.error)")
        let object = try Self.json(json.output)
        #expect(object["assessment"] == .null)
        #expect(object["scores"]?.arrayValue?.first?["value"]?.numberValue?.integer == 4)

        // A form that computes nothing, without rules: said, not an error.
        let form = #"{"resourceType": "Questionnaire", "status": "active", "item": [{"linkId": "name", "type": "string", "text": "Name?"}]}"#
        intake.files.place(Array(form.utf8), at: "/memory/name.json")
        intake.files.place(Array(#"{"name": "Ada"}"#.utf8), at: "/memory/name-answers.json")
        let nothing = intake.score(AnswerFileScoring.Options(answers: "/memory/name-answers.json", questionnaire: "/memory/name.json"))
        #expect(nothing.status == 0, "\(nothing.error)")
        #expect(nothing.output.contains("computes no scores, and has no rules beside it"))

        // intake's own format still needs its rules.
        intake.files.place(Array(#"{"id": "tiny", "version": "1", "title": "Tiny", "start": "q", "nodes": [{"id": "q", "kind": "yesno", "text": "Ok?"}]}"#.utf8), at: "/memory/tiny.json")
        intake.files.place(Array(#"{"q": "yes"}"#.utf8), at: "/memory/tiny-answers.json")
        let own = intake.score(AnswerFileScoring.Options(answers: "/memory/tiny-answers.json", questionnaire: "/memory/tiny.json"))
        #expect(own.status == 2)
        #expect(own.error.contains("/memory/tiny.json has no rules beside it (expected /memory/tiny.rules.json): pass --rules FILE"))
    }

    /// The README's PHQ-9 session is what a run shows: each part of it
    /// (between the "..." lines) is in the output, in order.
    @Test func theREADMEsPHQ9SessionIsWhatARunShows() throws {
        let readme = Fixtures.text("README.md")
        let command = "$ intake run --questionnaire Tests/FHIRTests/Fixtures/stanford-PHQ-9.json\n"
        let start = try #require(readme.range(of: "```\n" + command), "the README has no PHQ-9 session")
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let block = String(readme[start.upperBound..<end.lowerBound]) + "\n"

        let intake = InProcessIntake()
        let result = intake.run(
            SessionOptions(questionnaire: "Tests/FHIRTests/Fixtures/stanford-PHQ-9.json"),
            typing: ["2", "sev", "3", ":back", "nearly every day", "1", "not at all", "2", "1", "1", "1"])
        #expect(result.status == 0, "\(result.error)")
        let output = result.output.replacingOccurrences(of: InProcessIntake.sessions + "/", with: "Transcripts/sessions/")
        var from = output.startIndex
        for part in block.components(separatedBy: "...\n") {
            guard let found = output.range(of: part, range: from..<output.endIndex) else {
                Issue.record("the README's PHQ-9 session is out of date at:\n\(part)\nthe run shows:\n\(output)")
                return
            }
            from = found.upperBound
        }
    }

    /// A choice marked with the open-choice item control (the Android SDC
    /// library's way) takes other text, and exports it as a string.
    @Test func aChoiceWithTheOpenChoiceControlTakesOtherText() throws {
        let form = FHIRCheck.fixturePath("android/component_open_choice.json")
        let intake = InProcessIntake()
        let result = intake.run(SessionOptions(questionnaire: form), typing: ["asthma, something else"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Choose all that apply, or type your own, separated by commas."))
        #expect(result.output.contains("Answer: Asthma/COPD, something else"), "\(result.output)")
        let transcript = try #require(intake.transcripts.first)
        let export = intake.export(Export.Options(transcript: transcript, questionnaire: form))
        #expect(export.status == 0, "\(export.error)")
        let response = try Self.json(export.output)
        let answers = try #require(response["item"]?.arrayValue?.first?["answer"]?.arrayValue)
        #expect(answers.count == 2)
        #expect(answers.contains { $0["valueCoding"]?["display"]?.stringValue == "Asthma/COPD" })
        #expect(answers.contains { $0["valueString"]?.stringValue == "something else" })
        #expect(try FHIRCheck.validate([response]) == [nil])
    }

    @Test func aQuestionTheFormCannotAskIsReportedWhenTheSessionStarts() throws {
        let result = InProcessIntake().run(SessionOptions(questionnaire: FHIRCheck.fixturePath("android/component_attachment.json")), typing: [])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("component_attachment.json:"))
        #expect(result.error.contains("$.item[0].type: item '1' asks for a file to attach, which intake cannot ask: it is left unanswered"))
    }

    @Test func aFormThatCannotRunAtAllExitsTwoNamingTheFileAndThePlace() throws {
        let broken = InProcessIntake().run(SessionOptions(questionnaire: FHIRCheck.fixturePath("stanford-SkipLogicExample.json")), typing: [])
        #expect(broken.status == 2)
        #expect(broken.error.hasPrefix(FHIRCheck.fixturePath("stanford-SkipLogicExample.json") + ":82:7: "))
        let required = InProcessIntake().run(SessionOptions(questionnaire: FHIRCheck.fixturePath("android/behavior_answer_expression.json")), typing: [])
        #expect(required.status == 2)
        #expect(required.error.contains("$.item[0]: item 'vaccines' asks for a reference to another resource"))
        #expect(required.error.split(separator: "\n").count == 1)
    }

    // MARK: - The session's date

    /// A form whose date question is answered "today": the day is the
    /// local date the session started, and it replays as that day later.
    @Test func todayIsTheLocalDateTheSessionStartedOnAndReplaysAsIt() throws {
        let form = """
            {"resourceType": "Questionnaire", "id": "visit", "status": "active", "item": [
              {"linkId": "seen", "type": "date", "text": "When were you last seen?", "required": true}]}
            """
        let intake = InProcessIntake()
        intake.files.place(Array(form.utf8), at: "/memory/visit.json")
        // 23:30 UTC on 26 November is already 27 November at UTC+01:00.
        intake.clock.now = 1_795_735_800_000
        intake.clock.offsetMinutes = 60
        let run = intake.run(SessionOptions(questionnaire: "/memory/visit.json"), typing: ["today"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("27 November 2026"))
        let transcript = try #require(intake.transcripts.first)
        #expect(intake.text(transcript).contains(#""value":"2026-11-27""#))
        // Days later, "today" still means the day of the session.
        intake.clock.now += 5 * 86_400_000
        let replay = intake.replay(Replay.Options(path: transcript, check: true, questionnaire: "/memory/visit.json"))
        #expect(replay.status == 0, "\(replay.output)")
    }

    // MARK: - validate

    @Test func validateChecksAFHIRFormAsIntakeReadsItWithItsStatistics() throws {
        let intake = InProcessIntake()
        let plain = intake.validate(Validation.Options(files: [FHIRCheck.fixturePath("stanford-MultipleEnableWhen.json")]))
        #expect(plain.status == 0, "\(plain.output)")
        #expect(plain.output.contains("stanford-MultipleEnableWhen.json: FHIR questionnaire, ok"))
        #expect(plain.output.contains("6 nodes (3 questions), 7 links, 4 routes from start to end"))
        #expect(plain.output.contains("shortest interview 3 questions, longest 3"))

        let number = FHIRCheck.fixturePath("stanford-NumberExample.json")
        let warned = intake.validate(Validation.Options(files: [number]))
        #expect(warned.status == 0)
        #expect(warned.output.contains("\(number):62:5: warning: $.item[1].extension: item '904c4c88-1ae6-45cd-89e5-a35d81177909' limits decimal places: intake does not check them"))
        #expect(intake.validate(Validation.Options(files: [number], strict: true)).status == 1)

        let broken = intake.validate(Validation.Options(files: [FHIRCheck.fixturePath("stanford-SkipLogicExample.json")]))
        #expect(broken.status == 2)
        #expect(broken.output.contains(":82:7: a ',' before ']' is not allowed in JSON"))
    }

    /// A flow warning on a FHIR form names the item's enableWhen, not a
    /// node of intake's own format; long FHIR text is not warned about (it
    /// was not written for a terminal, and intake wraps it).
    @Test func flowWarningsNameTheFHIRItem() throws {
        let longText = String(repeating: "a long question ", count: 8)
        let form = """
            {"resourceType": "Questionnaire", "status": "active", "item": [
              {"linkId": "early", "type": "boolean", "text": "\(longText)",
               "enableWhen": [{"question": "late", "operator": "exists", "answerBoolean": true}]},
              {"linkId": "late", "type": "boolean", "text": "Asked second?"}]}
            """
        let intake = InProcessIntake()
        intake.files.place(Array(form.utf8), at: "/memory/order.json")
        let result = intake.validate(Validation.Options(files: ["/memory/order.json"]))
        #expect(result.output.contains("warning: $.item[0].enableWhen: the condition reads 'late', which no route to"), "\(result.output)")
        #expect(!result.output.contains("$.nodes"))
        #expect(!result.output.contains("columns wide"))
    }

    @Test func aLongOptionWrapsUnderItselfNotUnderItsNumber() throws {
        let label = "Yes, and it wakes me at night more often than not, even when I have taken something for it"
        let form = """
            {"resourceType": "Questionnaire", "status": "active", "item": [
              {"linkId": "wakes", "type": "choice", "text": "Does the pain wake you?",
               "answerOption": [{"valueString": "No"}, {"valueString": "\(label)"}]}]}
            """
        let intake = InProcessIntake()
        intake.files.place(Array(form.utf8), at: "/memory/wakes.json")
        let result = intake.run(SessionOptions(questionnaire: "/memory/wakes.json"), typing: ["2"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("  1  No\n  2  Yes, and it wakes me at night more often than not, even when I have taken\n     something for it\n"), "\(result.output)")
    }

    @Test func aQuestionnaireResponseGivenToValidateIsNamedForWhatItIs() throws {
        let intake = InProcessIntake()
        intake.files.place(Array(#"{"resourceType": "QuestionnaireResponse", "status": "completed"}"#.utf8), at: "/memory/response.json")
        let result = intake.validate(Validation.Options(files: ["/memory/response.json"]))
        #expect(result.status == 2)
        #expect(result.output.contains("/memory/response.json:1:18: $.resourceType: a FHIR QuestionnaireResponse, not a Questionnaire"))
        #expect(result.output.contains("score it with intake score FILE"))
    }

    // MARK: - Every file of shared/fhir

    /// The files that cannot run, each refused with one error naming it.
    static let refused = ["stanford-SkipLogicExample.json", "android/behavior_answer_expression.json", "android/component_attachment_with_validation.json"]

    /// Every fixture through `run --answers` (an answer file keyed by
    /// linkId), `replay --check`, `report` and `export`, the responses
    /// checked by FHIR's models together.
    @Test func everyFileRunsFromAnAnswerFileKeyedByLinkIdToAResponseFHIRAccepts() throws {
        var responses: [(name: String, response: JSONValue)] = []
        for name in FHIRCheck.fixtureNames {
            let intake = InProcessIntake()
            let path = FHIRCheck.fixturePath(name)
            if Self.refused.contains(name) {
                let result = intake.run(SessionOptions(questionnaire: path), typing: [])
                #expect(result.status == 2, "\(name)")
                #expect(result.error.hasPrefix(path + ":"), "\(name): \(result.error)")
                continue
            }
            let form = try FHIRQuestionnaireLoader.load(FHIRCheck.fixture(name), file: name)
            var answers = JSONObject()
            for node in form.questionnaire.nodes {
                if node.kind != .info { answers.set(node.id, .string(scriptedAnswer(for: node))) }
            }
            let answerFile = "/memory/answers.json"
            intake.files.place(JSONValue.object(answers).serializedBytes(), at: answerFile)
            let run = intake.run(SessionOptions(questionnaire: path, answers: answerFile), typing: [])
            #expect(run.status == 0, "\(name): \(run.error)")
            guard let transcript = intake.transcripts.first else {
                Issue.record("\(name): no transcript")
                continue
            }
            let replay = intake.replay(Replay.Options(path: transcript, check: true, questionnaire: path))
            #expect(replay.status == 0, "\(name): \(replay.output)")
            #expect(intake.report(SessionReport.Options(transcript: transcript, format: .html, questionnaire: path)).status == 0, "\(name)")
            let export = intake.export(Export.Options(transcript: transcript, questionnaire: path))
            #expect(export.status == 0, "\(name): \(export.error)")
            let response = try Self.json(export.output)
            #expect(response["status"]?.stringValue == "completed", "\(name)")
            responses.append((name, response))
        }
        #expect(responses.count == FHIRCheck.fixtureNames.count - Self.refused.count)
        let verdicts = try FHIRCheck.validate(responses.map(\.response))
        for ((name, _), verdict) in zip(responses, verdicts) {
            #expect(verdict == nil, "\(name): \(verdict ?? "")")
        }
    }
}

/// intake's own questionnaire and FHIR: converted, run as FHIR by every
/// persona to the same assessment; sessions exported as a Bundle FHIR's
/// models accept; the exported response scored again.
@Suite("intake's questionnaire as FHIR, through the commands")
struct ConvertedQuestionnaireTests {
    static let rules = "Questionnaires/massage-intake.rules.json"

    /// What `run` says from "What this suggests" to the end, without the
    /// transcript's name.
    static func assessment(_ output: String) -> String {
        var text = output.components(separatedBy: "What this suggests").last ?? ""
        if let saved = text.range(of: "\nSaved: ") { text = String(text[..<saved.lowerBound]) }
        return text
    }

    @Test func everyPersonaGetsTheSameAssessmentAsFHIRAndItsExportScoresTheSame() throws {
        let intake = InProcessIntake()
        let converted = "/memory/massage-intake.fhir.json"
        let conversion = intake.convert(Conversion.Options(file: "Questionnaires/massage-intake.json", output: converted))
        #expect(conversion.status == 0, "\(conversion.error)")
        var bundles: [JSONValue] = []
        // Partial files ("scoreOnly") are scored, not walked: no session to run.
        let personas = Persona.all(in: "Tests/Personas").filter { !$0.scoreOnly }
        #expect(personas.count > 50)
        for persona in personas {
            let name = persona.testDescription
            let direct = intake.run(SessionOptions(answers: persona.path), typing: [])
            #expect(direct.status == 0, "\(name): \(direct.error)")
            let transcript = try #require(intake.transcripts.last)
            let viaFHIR = intake.run(SessionOptions(questionnaire: converted, rules: Self.rules, answers: persona.path), typing: [])
            #expect(viaFHIR.status == 0, "\(name): \(viaFHIR.error)")
            #expect(viaFHIR.error.isEmpty, "\(name): \(viaFHIR.error)")
            #expect(Self.assessment(viaFHIR.output) == Self.assessment(direct.output), "\(name)")

            // The session of the built-in questionnaire, as FHIR.
            let export = intake.export(Export.Options(transcript: transcript, format: .fhirBundle))
            #expect(export.status == 0, "\(name): \(export.error)")
            let bundle = try JSONParser.parse(export.output)
            bundles.append(bundle)
            let entries = bundle["entry"]?.arrayValue ?? []
            let response = try #require(entries.first?["resource"])
            #expect(response["questionnaire"]?.stringValue == "urn:intake:questionnaire:massage-intake|2.1.0")
            let observation = try #require(entries.last?["resource"])
            #expect(observation["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"]?.stringValue == persona.category, "\(name)")

            // `score` reads the response back to the same outcome.
            intake.files.place(response.serializedBytes(), at: "/memory/response.json")
            let score = intake.score(AnswerFileScoring.Options(answers: "/memory/response.json", format: .json))
            #expect(score.status == 0, "\(name): \(score.error)")
            #expect(score.error.isEmpty, "\(name): \(score.error)")
            let scored = try JSONParser.parse(score.output)
            #expect(scored["category"]?.stringValue == persona.category, "\(name)")
            #expect(Set((scored["rules"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }) == persona.rules, "\(name)")
        }
        let verdicts = try FHIRCheck.validate(bundles + [try JSONParser.parse(intake.text(converted))])
        #expect(verdicts.allSatisfy { $0 == nil }, "\(verdicts.compactMap { $0 })")
    }

    @Test func anUnfinishedSessionIsInProgressAndAnUrgentStopIsStopped() throws {
        let intake = InProcessIntake()
        _ = intake.run(SessionOptions(), typing: ["over 50", ":quit"])
        let unfinished = try #require(intake.transcripts.last)
        let urgent = try #require(Persona.all(in: "Tests/Personas").first { $0.category == "seek-care-now" })
        _ = intake.run(SessionOptions(answers: urgent.path), typing: [])
        let stopped = try #require(intake.transcripts.last)
        let first = try JSONParser.parse(intake.export(Export.Options(transcript: unfinished)).output)
        #expect(first["status"]?.stringValue == "in-progress")
        let second = try JSONParser.parse(intake.export(Export.Options(transcript: stopped)).output)
        #expect(second["status"]?.stringValue == "stopped")
        #expect(try FHIRCheck.validate([first, second]) == [nil, nil])
    }

    @Test func aTranscriptThatDoesNotCheckOutIsNotExported() throws {
        let intake = InProcessIntake()
        _ = intake.run(SessionOptions(), typing: ["over 50", "2 years", ":quit"])
        let transcript = try #require(intake.transcripts.last)
        let altered = intake.text(transcript).replacingOccurrences(of: #""raw":"2 years""#, with: #""raw":"3 years""#)
        intake.files.place(Array(altered.utf8), at: transcript)
        let result = intake.export(Export.Options(transcript: transcript))
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("the record does not check out, so it is not exported; see what is wrong with: intake replay"))
    }

    @Test func convertRefusesAFHIRFormAndWritesTheDefaultQuestionnaireWhenNoneIsNamed() throws {
        let intake = InProcessIntake()
        let refused = intake.convert(Conversion.Options(file: FHIRCheck.fixturePath("stanford-PHQ-9.json")))
        #expect(refused.status == 2)
        #expect(refused.error.contains("this is a FHIR Questionnaire already"))
        let builtIn = intake.convert(Conversion.Options(file: nil, url: "https://clinic.example/Questionnaire/intake"))
        #expect(builtIn.status == 0)
        let form = try JSONParser.parse(builtIn.output)
        #expect(form["resourceType"]?.stringValue == "Questionnaire")
        #expect(form["url"]?.stringValue == "https://clinic.example/Questionnaire/intake")
    }
}
