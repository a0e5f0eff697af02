import IntakeTesting
import Dispatch
import Foundation
import Testing
import QuestionnaireModel
@testable import Scoring

@Suite("Massage-fit rules")
struct RuleTests {
    @Test func baselineIsAGoodFit() {
        let result = assess()
        #expect(result.category.code == "good-fit")
        #expect(result.firedIDs == ["chronic", "evidence-site", "frequency"])
        #expect(result.unchecked.isEmpty)
        #expect(!result.disclaimer.isEmpty)
    }

    @Test func ruleIdsEffectsAndCategoryOrderAreClinicalMDs() {
        #expect(Shipped.rules.categories.map(\.code) == ["seek-care-now", "check-with-doctor-first", "fit-with-precautions", "good-fit"])
        // Version 2: the urgent rules are in order of urgency (the first
        // that fires gives the headline: emergency number before today).
        let expected: [(String, String)] = [
            ("urgent-head", "seek-care-now"), ("urgent-clot", "seek-care-now"), ("urgent-nerve", "seek-care-now"),
            ("red-flag", "check-with-doctor-first"), ("self-harm-thoughts", "check-with-doctor-first"),
            ("bone-metastases", "check-with-doctor-first"), ("skin-at-site", "check-with-doctor-first"),
            ("unwell-today", "check-with-doctor-first"), ("bp-uncontrolled", "check-with-doctor-first"),
            ("cancer-treatment", "check-with-doctor-first"), ("pregnancy-high-risk", "check-with-doctor-first"),
            ("recent-surgery-fracture", "conditional"), ("bleeding-risk", "fit-with-precautions"),
            ("fragile-bone", "fit-with-precautions"), ("lymphoedema", "fit-with-precautions"),
            ("infection-risk", "fit-with-precautions"), ("patch-site", "fit-with-precautions"),
            ("injection-site", "fit-with-precautions"), ("recent-injury-or-injection", "fit-with-precautions"),
            ("healing-scar", "fit-with-precautions"), ("heart", "fit-with-precautions"), ("epilepsy", "fit-with-precautions"),
            ("allergies", "fit-with-precautions"), ("minor-consent", "conditional"),
            ("masked-feedback", "fit-with-precautions"),
            ("reduced-sensation", "fit-with-precautions"), ("pregnancy", "fit-with-precautions"),
            ("local-avoid", "fit-with-precautions"), ("dizziness", "fit-with-precautions"),
            ("worse-last-time", "fit-with-precautions"), ("bp-controlled", "information"), ("positioning", "information"),
            ("areas-to-avoid", "information"), ("no-consent", "information"),
            ("mood-screen", "information"), ("severe-impact", "information"),
            ("chronic", "supports"), ("evidence-site", "supports"), ("stress", "supports"), ("not-chronic", "information"),
            ("frequency", "information"),
        ]
        #expect(Shipped.rules.rules.map(\.id) == expected.map(\.0))
        for (rule, (_, effect)) in zip(Shipped.rules.rules, expected) {
            switch rule.effect {
            case .fixed(let fixed): #expect(fixed.description == effect, "\(rule.id)")
            case .conditional(_, let then, let otherwise):
                #expect(effect == "conditional")
                #expect(then == .category("check-with-doctor-first") && otherwise == .category("fit-with-precautions"))
            }
        }
    }

    @Test func chronicAt90DaysNotAt89() {
        let at89 = assess(["pain_duration": "89 days"])
        #expect(at89.firedIDs.contains("not-chronic"))
        #expect(!at89.firedIDs.contains("chronic"))
        let at90 = assess(["pain_duration": "90 days"])
        #expect(at90.firedIDs.contains("chronic"))
        #expect(!at90.firedIDs.contains("not-chronic"))
        #expect(assess(["pain_duration": "3 months"]).firedIDs.contains("chronic"), "3 months is 91 days")
    }

    @Test func newPainOverFiftyIsCheckedFirst() {
        #expect(assess(["age_band": "over-50", "pain_duration": "89 days"]).category.code == "check-with-doctor-first")
        #expect(assess(["age_band": "over-50", "pain_duration": "90 days"]).category.code == "good-fit")
        #expect(assess(["age_band": "18-50", "pain_duration": "89 days"]).category.code == "good-fit")
        let cancer = assess(["conditions": "cancer-history", "pain_duration": "2 months"])
        #expect(cancer.firedIDs.contains("red-flag"))
        #expect(!assess(["conditions": "cancer-history", "pain_duration": "2 years"]).firedIDs.contains("red-flag"))
    }

    @Test func stressAtPSS4TotalOf8NotOf7() {
        // PSS-4 total = pss_1 + (4 - pss_2) + (4 - pss_3) + pss_4.
        let seven = assess(["pss_1": "2", "pss_2": "2", "pss_3": "3", "pss_4": "2"])
        #expect(!seven.firedIDs.contains("stress"))
        #expect(seven.derived.first { $0.name == "pss4_total" }?.value.hasPrefix("7") == true)
        let eight = assess(["pss_1": "2", "pss_2": "2", "pss_3": "2", "pss_4": "2"])
        #expect(eight.firedIDs.contains("stress"))
        let because = eight.fired.first { $0.id == "stress" }?.reasons.map(\.subject.name)
        #expect(because == ["pss4_total"])
    }

    @Test func stressFromTheOtherAnswers() {
        #expect(assess(["stress_level": "7"]).firedIDs.contains("stress"))
        #expect(!assess(["stress_level": "6"]).firedIDs.contains("stress"))
        #expect(assess(["stress_worsens_pain": "a-lot"]).firedIDs.contains("stress"))
        #expect(assess(["goals": "reduce-pain, reduce-stress"]).firedIDs.contains("stress"))
    }

    @Test func severeImpactAtPEGMeanOf7() {
        let under = assess(["pain_intensity": "7", "pain_enjoyment": "7", "pain_activity": "6"])
        #expect(!under.firedIDs.contains("severe-impact"), "mean 6.7")
        let at = assess(["pain_intensity": "7", "pain_enjoyment": "7", "pain_activity": "7"])
        #expect(at.firedIDs.contains("severe-impact"))
        #expect(at.category.code == "good-fit", "information does not change the category")
    }

    @Test func moodScreenAtASubscaleOf3() {
        #expect(!assess(["phq_1": "1", "phq_2": "1", "phq_3": "1", "phq_4": "1"]).firedIDs.contains("mood-screen"))
        #expect(assess(["phq_1": "2", "phq_2": "1"]).firedIDs.contains("mood-screen"))
        #expect(assess(["phq_3": "3", "phq_4": "0"]).firedIDs.contains("mood-screen"))
    }

    @Test func categoryPrecedence() {
        let precautionAndCheck = assess(["medications": "warfarin", "today_unwell": "fever"])
        #expect(precautionAndCheck.category.code == "check-with-doctor-first")
        #expect(precautionAndCheck.firedIDs.isSuperset(of: ["bleeding-risk", "unwell-today"]))
        let everything = assess(["medications": "warfarin", "today_unwell": "fever", "conditions": "dvt-current"])
        #expect(everything.category.code == "seek-care-now")
        #expect(assess(["medications": "warfarin"]).category.code == "fit-with-precautions")
    }

    @Test func urgentOutcomesOnlyGiveUrgentPoints() {
        let result = assess(["conditions": "dvt-current", "medications": "warfarin"])
        #expect(result.category.code == "seek-care-now")
        let urgentPoint = result.fired.first { $0.id == "urgent-clot" }!.discuss
        #expect(result.discussionPoints == [urgentPoint])
        #expect(urgentPoint.hasPrefix("Get urgent medical care today"), "a known clot, no chest pain: care today")
        #expect(result.headlineSelf == "Get urgent medical care today (a doctor, urgent care or an emergency department): a swollen, red, warm calf or a known clot can be a blood clot in the leg.")
    }

    @Test func recentSurgeryAtTheMainAreaIsCheckedFirst() {
        let atMainArea = assess(["recent_events": "surgery-last-3-months", "recent_event_site": "lower-back"])
        #expect(atMainArea.category.code == "check-with-doctor-first")
        #expect(atMainArea.fired.first { $0.id == "recent-surgery-fracture" }?.effect == .category("check-with-doctor-first"))
        let elsewhere = assess(["recent_events": "fracture-last-3-months", "recent_event_site": "hand-left"])
        #expect(elsewhere.category.code == "fit-with-precautions")
        let injury = assess(["recent_events": "injury-last-6-weeks", "recent_event_site": "lower-back"])
        #expect(!injury.firedIDs.contains("recent-surgery-fracture"))
    }

    @Test func theSingleAreaCountsAsTheMainOne() {
        let single = assess(["pain_locations": "neck"])
        #expect(single.firedIDs.contains("evidence-site"))
        let knee = assess(["pain_locations": "knee-left", "pain_causes": "unknown"])
        #expect(!knee.firedIDs.contains("evidence-site"))
        let kneeOA = assess(["pain_locations": "knee-left", "pain_causes": "osteoarthritis"])
        #expect(kneeOA.firedIDs.contains("evidence-site"))
        let twoAreas = assess(["pain_locations": "knee-left, neck", "pain_primary": "knee-left"])
        #expect(!twoAreas.firedIDs.contains("evidence-site"), "the main area is the knee")
    }

    @Test func bleedingRiskWithFirmPressureIsCalledOut() {
        let firm = assess(["medications": "Eliquis 5 mg twice daily; Advil as needed", "pressure_preference": "firm"])
        #expect(firm.firedIDs.contains("bleeding-risk"))
        #expect(firm.discussionPoints.contains { $0.hasPrefix("Pressure: no firmer than light (Walton level 1-2)") && $0.contains("Firm pressure was asked for") })
        #expect(firm.pressureCap?.preferenceAbove == true)
        let because = firm.fired.first { $0.id == "bleeding-risk" }?.reasons
        #expect(because?.first?.value.contains("Eliquis 5 mg twice daily (anticoagulant)") == true)
        let light = assess(["medications": "Eliquis", "pressure_preference": "light"])
        #expect(light.pressureCap?.preferenceAbove == false, "the limit is still said, with no call-out")
        #expect(!light.discussionPoints.contains { $0.contains("was asked for") })
        #expect(!assess(["pressure_preference": "firm"]).discussionPoints.contains { $0.hasPrefix("Pressure:") })
    }

    /// Two precautions with different limits: each is named with its own
    /// limit, never both with the strictest.
    @Test func eachPressureLimitIsNamedWithItsOwnLevel() {
        let both = assess(["medications": "Eliquis, tramadol", "pressure_preference": "firm"])
        #expect(both.firedIDs.isSuperset(of: ["bleeding-risk", "masked-feedback"]))
        let note = both.discussionPoints.first { $0.hasPrefix("Pressure:") }
        #expect(note == "Pressure: no firmer than light (Walton level 1-2), the lowest limit here, because of bleeding risk. (Dulled pain feedback alone would allow up to medium (Walton level 3).) Firm pressure was asked for, which is more than that: agree on light pressure with the therapist.")
        // The lowest cap is the one shown, whatever was asked for.
        let medium = assess(["medications": "tramadol", "conditions": "osteoporosis", "pressure_preference": "light"])
        #expect(medium.pressureCap?.code == "light" && medium.pressureCap?.rules == ["fragile-bone risk"])
        #expect(medium.pressureCap?.preferenceAbove == false)
    }

    /// A rules file of 30,000 rules that all fire took half a minute to
    /// score (each fired rule's pressure limit was looked up by scanning
    /// every rule). The deadline only catches a return to quadratic time.
    @Test func thirtyThousandRulesAreScoredQuickly() throws {
        let many = (0..<30_000).map { #"{"id": "r\#($0)", "title": "R", "when": {"question": "pain_intensity", "gte": 0}, "effect": "fit", "maxPressure": "light", "discuss": "d"}"# }
        let text = #"{"questionnaire": "massage-intake", "version": "1", "disclaimer": "General information, not medical advice.", "pressure": {"question": "pressure_preference", "order": ["light", "medium", "firm"]}, "categories": [{"code": "fit", "title": "Fit", "self": "s", "reception": "r"}, {"code": "good-fit", "title": "Good fit", "self": "s", "reception": "r"}], "rules": [\#(many.joined(separator: ","))]}"#
        let rules = try RuleSet.load(Array(text.utf8), file: "many.json", questionnaire: Shipped.questionnaire, lexicon: Shipped.lexicon)
        let answers = AnswerSet(questionnaire: Shipped.questionnaire, answers: answers(["pressure_preference": "firm"]))
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.set(Assessment.assess(answers, rules: rules, lexicon: Shipped.lexicon).fired.count)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 20) == .success, "still scoring after 20 seconds")
        #expect(box.get() == 30_000)
    }

    @Test func unknownMedicinesAreKeptAsTyped() {
        let result = assess(["medications": "Zyrtec 10 mg, warfrin"])
        #expect(result.medicines.unrecognised == ["Zyrtec 10 mg", "warfrin"])
        #expect(!result.firedIDs.contains("bleeding-risk"), "a misspelling is never guessed")
        #expect(result.medicines.possibleMatches.map(\.name) == ["warfarin"], "but its possible match is named")
        #expect(result.isProvisional, "a near miss leaves the outcome provisional")
    }

    /// One answer missing late in the interview: questions the answers
    /// given already routed past (the main area, with one area) or ruled out
    /// (pregnancy follow-ups, with no conditions) are not "missing", and rules
    /// reading them are checked as in a whole interview.
    @Test func aLateMissingAnswerLeavesOnlyWhatItCouldChangeUnknown() {
        let result = assess(["recent_events": "surgery-last-3-months", "pain_locations": "neck"])
        #expect(result.firedIDs.contains("evidence-site"), "the only area is the main one")
        // The person's own words (optional, after the stop) are not known
        // either; no other rule depends on where the surgery was.
        #expect(result.unchecked.map(\.id) == ["areas-to-avoid"], "\(result.unchecked.map(\.id)): nothing else depends on where the surgery was")
        #expect(result.fired.first { $0.id == "recent-surgery-fracture" }?.cautiousBecauseUnknown == true)
    }

    @Test func partialAnswersLeaveRulesUncheckedAndSaySo() {
        let set = AnswerSet(questionnaire: Shipped.questionnaire, answers: answers([:], from: ["medications": "warfarin"]))
        let result = Assessment.assess(set, rules: Shipped.rules, lexicon: Shipped.lexicon)
        #expect(result.firedIDs == ["bleeding-risk", "frequency"])
        #expect(result.category.code == "fit-with-precautions")
        #expect(result.unchecked.contains { $0.id == "chronic" && $0.missing == ["pain_duration"] })
        #expect(result.missingAnswers.contains("pain_duration"))
        #expect(result.isProvisional, "unchecked rules could still raise the category")
        #expect(!assess().isProvisional)
    }

    @Test func everyFiredRuleNamesTheAnswersBehindIt() {
        let result = assess(["conditions": "osteoporosis, diabetes", "medications": "tramadol", "prior_massage": "worse-or-bruising"])
        for rule in result.fired where rule.id != "frequency" {
            #expect(!rule.reasons.isEmpty, "\(rule.id) names no answers")
        }
        let fragile = result.fired.first { $0.id == "fragile-bone" }
        #expect(fragile?.reasons.map(\.label) == ["Health conditions"])
    }
}

/// A value handed from the scoring thread to the test.
private final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int?
    func set(_ new: Int) { lock.lock(); value = new; lock.unlock() }
    func get() -> Int? { lock.lock(); defer { lock.unlock() }; return value }
}
