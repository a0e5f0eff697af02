import IntakeTesting
import Testing
import QuestionnaireModel
@testable import Scoring

/// Loading a rules file: keys intake once ignored when their value had the
/// wrong type are refused, with the file, place and fix.
@Suite("Rules file loading")
struct RuleLoadingTests {
    /// A rules file for the shipped questionnaire with `extra` top-level keys
    /// and `rule` keys added to its one rule.
    func rules(_ extra: String = "", rule: String = "") -> String {
        """
        {"questionnaire": "massage-intake", "version": "1", "disclaimer": "General information, not medical advice.",\(extra)
         "categories": [{"code": "fit", "title": "Fit", "self": "s", "reception": "r"}, {"code": "good-fit", "title": "Good fit", "self": "s", "reception": "r"}],
         "rules": [{"id": "r1", "title": "R1", "effect": "information", "discuss": "d"\(rule)}]}
        """
    }

    /// The diagnostics for a rules file, one line each, or [] when it loads.
    func problems(_ text: String) -> [String] {
        do {
            _ = try RuleSet.load(Array(text.utf8), file: "r.json", questionnaire: Shipped.questionnaire, lexicon: Shipped.lexicon)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func theBaseFileLoads() {
        #expect(problems(rules()) == [])
        #expect(problems(rules(#" "$schema": "schema/rules.schema.json", "description": "notes", "medications": "medications.json","#, rule: #", "evidence": "NICE NG59""#)) == [])
    }

    @Test func receptionWordsAreReadAndCheckedLikeTheRulesOwn() throws {
        let worded = rules(#" "crisisText": "Call now.", "reception": {"disclaimer": "For the desk."},"#, rule: #", "reception": {"title": "R1 (client)", "discuss": ["The client should {pain_duration}."]}"#)
        #expect(problems(worded) == [])
        let set = try RuleSet.load(Array(worded.utf8), file: "r.json", questionnaire: Shipped.questionnaire, lexicon: Shipped.lexicon)
        let reception = set.worded(TextVariant(audience: .reception))
        #expect(reception.rules[0].title == "R1 (client)" && reception.rules[0].discuss == "The client should {pain_duration}.")
        #expect(reception.disclaimer == "For the desk." && reception.crisisText == "Call now.")
        #expect(set.worded(.original).rules[0].title == "R1")
        // A field the rule has no text in, a misspelt one, a placeholder naming nothing.
        #expect(problems(rules(rule: #", "reception": {"headline": "H"}"#)).contains { $0.contains("$.rules[0].reception.headline: 'headline' in 'reception' rewords no 'headline' of its own") })
        #expect(problems(rules(rule: #", "reception": {"dicsuss": "d"}"#)).contains { $0.contains("$.rules[0].reception.dicsuss: unknown key 'dicsuss'") && $0.contains("did you mean 'discuss'") })
        #expect(problems(rules(rule: #", "reception": {"discuss": "{nothing_here}"}"#)).contains { $0.contains("$.rules[0].reception.discuss: '{nothing_here}' names no question") })
        #expect(problems(rules(#" "reception": {"crisisText": "x"},"#)).contains { $0.contains("$.reception.crisisText: 'crisisText' in 'reception' rewords no 'crisisText' of its own") })
    }

    @Test func terminalControlCodesInTextAreRefused() {
        #expect(problems(rules(rule: #", "evidence": "see \u001b]8;;http://x\u0007here""#)).contains {
            $0.hasSuffix("$.rules[0].evidence: the text holds the control character U+001B, which could change what a terminal shows: remove it")
        })
    }

    @Test func notesAndFileNamesMustBeText() {
        #expect(problems(rules(#" "description": {"note": "x"},"#)) == [
            "r.json:1:126: $.description: 'description' must be a string, found an object",
        ])
        #expect(problems(rules(#" "$schema": true,"#)).first?.hasSuffix(#"$["$schema"]: '$schema' must be a string, found true or false"#) == true)
        #expect(problems(rules(#" "medications": ["medications.json"],"#)).first?.hasSuffix("$.medications: 'medications' must be a non-empty string, found a list") == true)
        #expect(problems(rules(rule: #", "evidence": 42"#)).first?.hasSuffix("$.rules[0].evidence: 'evidence' must be a non-empty string, found a number") == true)
    }

    @Test func aPressureScaleNeedsItsQuestionAndOrder() {
        #expect(problems(rules(#" "pressure": {"order": ["light", "medium", "firm"]},"#)) == [
            "r.json:1:123: $.pressure: 'question' is missing: 'pressure' needs the single-choice question holding the pressure preference",
        ])
        #expect(problems(rules(#" "pressure": {"question": "pressure_preference"},"#)).first?.hasSuffix(
            #"$.pressure: 'order' is missing: 'pressure' needs the codes of its question, lightest first, such as ["light", "medium", "firm"]"#) == true)
        #expect(problems(rules(#" "pressure": {"question": "pressure_preference", "order": "light"},"#)).first?.hasSuffix(
            #"$.pressure.order: 'order' must be a non-empty list of option codes, lightest first, such as ["light", "medium", "firm"]; found a string"#) == true)
    }

    @Test func thePressureOrderHoldsEachCodeOfItsQuestionOnce() {
        let found = problems(rules(#" "pressure": {"question": "pressure_preference", "order": ["light", null, "meduim", "light"]},"#))
        #expect(found.map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? $0 } == [
            "$.pressure.order[1]: the pressure order holds option codes (strings), found null",
            "$.pressure.order[2]: 'pressure_preference' has no option 'meduim' (did you mean 'medium'?)",
            "$.pressure.order[3]: 'light' is listed twice in the pressure order: list each code once, lightest first",
        ])
    }

    @Test func aPressureScaleWithoutAQuestionLeavesNoLimitsBehind() {
        // Once a scale without 'question' was dropped silently, and with it
        // every 'maxPressure' limit; now both are reported.
        let found = problems(rules(#" "pressure": {"order": ["light", "medium", "firm"]},"#, rule: #", "maxPressure": "light""#))
        #expect(found.count == 2)
        #expect(found.last?.contains("$.rules[0].maxPressure: 'maxPressure' must be a code of the pressure scale") == true)
    }
}
