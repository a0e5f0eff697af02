import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// Each persona of `Tests/Personas/` through `intake score` and
/// `intake run --answers`, in-process: both must give the outcome expected
/// from CLINICAL.md.
@Suite("Scoring, end to end")
struct ScoreTests {
    /// The first category of the rules: care is needed now.
    static let mostUrgent = "seek-care-now"

    static var personas: [Persona] { Persona.all(in: "Tests/Personas") }

    /// Output with line breaks and runs of spaces made single spaces, so
    /// checks do not depend on where text was wrapped.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func ruleIDs(inText text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\[([a-z0-9-]+)\]$"#, options: .anchorsMatchLines)
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }

    @Test(arguments: personas)
    func scoreGivesTheExpectedCategoryAndRules(_ persona: Persona) throws {
        let result = InProcessIntake().score(.init(answers: persona.path, format: .json))
        #expect(result.status == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["category"] as? String == persona.category)
        let ids = (json?["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Set(ids) == persona.rules)
        #expect((json?["disclaimer"] as? String)?.contains("not medical advice") == true)
    }

    @Test(arguments: personas)
    func runWithTheAnswersGivesTheSameOutcome(_ persona: Persona) throws {
        let result = InProcessIntake().run(SessionOptions(answers: persona.path), typing: [])
        if persona.scoreOnly {
            // run --answers does not assume: a required follow-up the file
            // does not answer exits 2 naming it.
            #expect(result.status == 2, "\(result.error)")
            #expect(result.error.contains("_"), "the missing question is named: \(result.error)")
            return
        }
        #expect(result.status == 0, "\(result.error)")
        var assessment = result.output.components(separatedBy: "What this suggests").last ?? ""
        if let saved = assessment.range(of: "\nSaved: ") { assessment = String(assessment[..<saved.lowerBound]) }
        let expected = try ShownRules(answers: persona.path, fired: persona.rules, careNow: persona.category == Self.mostUrgent)
        let careNow = expected.careNow
        #expect(Self.ruleIDs(inText: assessment) == expected.shown)
        #expect(assessment.contains("In favour of massage") == expected.showsSupporting)
        #expect(assessment.contains("What to do now") == careNow)
        #expect(assessment.contains("not medical advice"))
        let score = InProcessIntake().score(.init(answers: persona.path))
        // The same, and after an urgent stop, run says what to do once more at the end.
        #expect(("What this suggests" + assessment).hasPrefix(score.output), "run and score say the same")
        #expect(careNow || ("What this suggests" + assessment).count == score.output.count)
    }

    @Test func receptionModeSpeaksAboutTheClient() throws {
        let persona = Fixtures.path("Tests/Personas/05-knee-oa-apixaban-firm.json")
        let selfMode = Self.flat(InProcessIntake().score(.init(answers: persona)).output)
        #expect(selfMode.contains("To discuss with your massage therapist"))
        #expect(selfMode.contains("Massage may fit your plan"))
        let reception = Self.flat(InProcessIntake().score(.init(answers: persona, mode: .reception)).output)
        #expect(reception.contains("To discuss with the client's massage therapist"))
        #expect(reception.contains("the client's plan"))
        #expect(!reception.contains("your massage therapist"))
        #expect(reception.contains("Pressure: no firmer than light (Walton level 1-2), the lowest limit here, because of bleeding risk."))
        #expect(reception.contains("Firm pressure was asked for, which is more than that: agree on light pressure with the therapist."))
        let run = InProcessIntake().run(SessionOptions(answers: persona, mode: .reception), typing: [])
        #expect(run.output.contains("To discuss with the client's massage therapist"))
        #expect(run.output.contains("The client's answers\n") && !run.output.contains("Your answers\n"))
        let typed = InProcessIntake().run(SessionOptions(mode: .reception), piping: "A-1\n18-50\n:review\n:quit\n")
        #expect(typed.output.contains("The client's answers so far:"))
        #expect(typed.output.contains("Stopped before the end. The client's answers so far are saved."))
        #expect(InProcessIntake().run(SessionOptions(answers: persona), typing: []).output.contains("Your answers\n"))
    }

    @Test func partialAnswersAreScoredAndTheMissingOnesNamed() throws {
        let folder = try TemporaryFolder()
        let partial = try folder.file("partial.json", #"{"medications": "Eliquis 5 mg twice daily; Advil as needed", "pressure_preference": "firm"}"#)
        let result = InProcessIntake().score(.init(answers: partial))
        #expect(result.status == 0)
        let text = Self.flat(result.output)
        #expect(text.contains("Massage may fit, with precautions (provisional)"))
        #expect(text.contains("because Medicine classes recognised: Eliquis 5 mg twice daily (anticoagulant)"))
        #expect(!text.contains("Advil as needed (nsaid)"), "only the classes the rule tests are named")
        #expect(text.contains("Not checked, because answers were missing:"))
        #expect(text.contains("Long-lasting (chronic) pain (chronic): missing pain_duration"))
        let json = InProcessIntake().score(.init(answers: partial, format: .json))
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((object?["missingAnswers"] as? [String])?.contains("pain_duration") == true)
        #expect((object?["rules"] as? [[String: Any]])?.map { $0["id"] as? String } == ["bleeding-risk", "frequency"])
    }

    @Test func unknownMedicinesAreListedForTheTherapist() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("meds.json", #"{"medications": ["Zyrtec 10 mg", "warfrin"]}"#)
        let result = InProcessIntake().score(.init(answers: file))
        #expect(Self.flat(result.output).contains("Medicines not recognised: \"Zyrtec 10 mg\", \"warfrin\" (possibly warfarin, blood thinner (anticoagulant))."))
        // Never under the plain good-fit words: the headline says to read on.
        #expect(!result.output.contains("Nothing in your answers calls for special precautions"))
        #expect(Self.flat(result.output).contains("Massage may be a good fit (provisional)"))
        #expect(!result.output.contains("[bleeding-risk]"))
    }

    @Test func badRulesFilesExitTwoNamingFileAndPlace() throws {
        let folder = try TemporaryFolder()
        let questionnaire = try folder.file("q.json", """
            {"id": "q", "version": "1", "title": "Q", "start": "a", "nodes": [
              {"id": "a", "kind": "multi", "text": "A?", "options": [{"code": "x", "label": "X"}, {"code": "none", "label": "None"}]}
            ]}
            """)
        let base = """
            {"questionnaire": "q", "version": "1", "disclaimer": "General information, not medical advice.",
             "categories": [{"code": "check", "title": "Check", "self": "s", "reception": "r"}, {"code": "fine", "title": "Fine", "self": "s", "reception": "r"}],
             "rules": [{"id": "r1", "title": "R1", "when": WHEN, "effect": "check", "discuss": "d"}]}
            """
        for (when, expected) in [
            (#"{"question": "b", "includes": "x"}"#, "$.rules[0].when.question: there is no question 'b'"),
            (#"{"question": "a", "includes": "y"}"#, "$.rules[0].when.includes: 'a' has no option 'y'"),
            (#"{"question": "a", "gte": 2}"#, "$.rules[0].when.gte: 'a' has a multiple-choice answer: test it with includes"),
            (#"{"value": "nothing", "equals": 1}"#, "$.rules[0].when.value: there is no derived value 'nothing'"),
        ] {
            let rules = try folder.file("q.rules.json", base.replacingOccurrences(of: "WHEN", with: when))
            let result = InProcessIntake().score(.init(answers: try folder.file("a.json", "{}"), questionnaire: questionnaire))
            #expect(result.status == 2)
            #expect(result.error.hasPrefix("\(rules):3:"), "\(result.error)")
            #expect(result.error.contains(expected), "\(result.error)")
        }
        let noRules = try folder.file("other.json", """
            {"id": "other", "version": "1", "title": "O", "start": "a", "nodes": [{"id": "a", "kind": "yesno", "text": "A?"}]}
            """)
        let missing = InProcessIntake().score(.init(answers: try folder.file("b.json", "{}"), questionnaire: noRules))
        #expect(missing.status == 2)
        #expect(missing.error.contains("has no rules beside it (expected \(folder.path)/other.rules.json): pass --rules FILE"))
    }
}
