import IntakeTesting
import Testing
import QuestionnaireModel
@testable import Scoring

/// How an assessment reads (CLINICAL.md version 2): because-lines name only
/// the answers that fired the rule, derived values say how they were
/// computed, the headline never reads safer than the points below it,
/// missing follow-ups are assumed the cautious way, points go by who acts.
@Suite("How an assessment reads")
struct ReadingTests {
    static func because(_ result: Assessment, _ rule: String) -> [String] {
        result.fired.first { $0.id == rule }?.reasons.map { "\($0.label): \($0.value)" } ?? []
    }

    // MARK: - Because lines

    @Test func eachUrgentRuleCitesOnlyItsOwnWarningSign() {
        let result = assess(["red_flags": "bladder-bowel-change, calf-swollen-red-warm"])
        #expect(Self.because(result, "urgent-nerve") == ["Warning signs: New bladder or bowel problems"])
        #expect(Self.because(result, "urgent-clot") == ["Warning signs: Calf swelling with redness or warmth"])
    }

    @Test func aConditionRuleCitesOnlyTheConditionThatFiredIt() {
        let clot = assess(["conditions": "dvt-current, varicose-veins"])
        #expect(Self.because(clot, "urgent-clot") == ["Health conditions: A blood clot now (DVT)"])
        let cancer = assess(["conditions": "cancer-active-treatment, implanted-device", "cancer_details": "port-or-line"])
        #expect(Self.because(cancer, "cancer-treatment") == ["Health conditions: Cancer being treated now"])
    }

    @Test func aMedicineRuleCitesOnlyTheClassesOfTheBranchThatHeld() {
        let result = assess(["medications": "Eliquis 5 mg twice daily; Advil as needed"])
        #expect(Self.because(result, "bleeding-risk") == ["Medicine classes recognised: Eliquis 5 mg twice daily (anticoagulant)"])
        let both = assess(["medications": "ibuprofen 400 mg, sertraline 50 mg"])
        #expect(Self.because(both, "bleeding-risk") == ["Medicine classes recognised: ibuprofen 400 mg (nsaid); sertraline 50 mg (ssri)"])
    }

    @Test func theStressScoreSaysWhichItemsAreReversed() {
        let result = assess(["pss_1": "1", "pss_2": "1", "pss_3": "1", "pss_4": "1"])
        let line = Self.because(result, "stress").first ?? ""
        #expect(line.hasPrefix("PSS-4 stress score (0-16; items 2 and 3 are scored in reverse): 8 (from "))
        #expect(line.contains("scored in reverse:") && line.contains("1 counts as 3"), "\(line)")
    }

    // MARK: - The headline

    @Test func thePlainGoodFitWordsOnlyWhenNothingIsToBeReadFirst() {
        let plain = assess()
        #expect(plain.category.code == "good-fit")
        #expect(plain.headlineSelf.hasPrefix("Nothing in your answers calls for special precautions"))
        #expect(plain.headlineNotes.isEmpty)
        for (overrides, note) in [
            (["phq_1": "3", "phq_2": "3"], "mood or worry"),
            (["medications": "Zyrtec 10 mg"], "medicines not recognised: 'Zyrtec 10 mg'"),
            (["medications": "warfrin 5 mg daily"], "the result is provisional: 'warfrin' may be warfarin"),
            (["pain_intensity": "9", "pain_enjoyment": "9", "pain_activity": "9"], "pain has a large impact"),
            (["consent": "no"], "answers not confirmed"),
        ] as [([String: String?], String)] {
            let result = assess(overrides)
            #expect(result.category.code == "good-fit", "\(overrides)")
            #expect(!result.headlineSelf.contains("Nothing in your answers calls for special precautions"), "\(overrides)")
            #expect(result.headlineNotes.contains(note), "\(overrides): \(result.headlineNotes)")
        }
    }

    @Test func careNowCarriesTheMostUrgentAdviceInThePointsOwnWords() {
        let chest = assess(["red_flags": "sudden-breathlessness-or-chest-pain"])
        #expect(chest.headlineSelf.hasPrefix("Call the local emergency number now"))
        #expect(chest.discussionPoints.first?.hasPrefix(chest.headlineSelf) == true, "the headline repeats the point's words")
        #expect(chest.fired.first { $0.id == "urgent-clot" }?.title.contains("heart or lung") == true)
        let calf = assess(["red_flags": "calf-swollen-red-warm"])
        #expect(calf.headlineSelf.hasPrefix("Get urgent medical care today"))
        #expect(!(calf.discussionPoints.first ?? "").contains("emergency number now"), "a calf alone is care today")
        let nerveAndChest = assess(["red_flags": "bladder-bowel-change, sudden-breathlessness-or-chest-pain"])
        #expect(nerveAndChest.headlineSelf.hasPrefix("Call the local emergency number now"))
        let headAndCalf = assess(["red_flags": "sudden-severe-headache, calf-swollen-red-warm"])
        #expect(headAndCalf.headlineSelf.hasPrefix("Call the local emergency number now: a sudden, severe headache"))
    }

    // MARK: - Assumptions, sections, caps, the crisis text

    @Test func aMissingFollowUpIsAssumedTheCautiousWay() {
        let pregnant = AnswerSet(questionnaire: Shipped.questionnaire, answers: answers(["conditions": "pregnancy", "pregnancy_weeks": "20"]))
        let result = Assessment.assess(pregnant, rules: Shipped.rules, lexicon: Shipped.lexicon)
        #expect(result.firedIDs.contains("pregnancy-high-risk"))
        #expect(!result.firedIDs.contains("pregnancy"))
        #expect(result.assumptions.map(\.question) == ["pregnancy_high_risk"])
        #expect(Self.because(result, "pregnancy-high-risk") == ["High-risk pregnancy: Yes (assumed, not answered)"])
        #expect(result.isProvisional)
        let notSure = assess(["conditions": "pregnancy", "pregnancy_weeks": "20", "pregnancy_high_risk": "not-sure"])
        #expect(notSure.firedIDs.contains("pregnancy-high-risk"))
        #expect(!notSure.isProvisional, "'not sure' is an answer, not an assumption")
    }

    @Test func pointsGoByWhoActsOnThem() {
        let result = assess(["conditions": "blood-pressure-uncontrolled", "medications": "warfarin", "phq_3": "3", "phq_4": "3", "self_harm_thoughts": "not-at-all"])
        let sections = Dictionary(uniqueKeysWithValues: result.sections.map { ($0.section, $0.points) })
        #expect(sections[.beforeBooking]?.contains { $0.hasPrefix("Ask the doctor treating the blood pressure") } == true)
        #expect(sections[.therapist]?.contains { $0.hasPrefix("Keep pressure light") } == true)
        #expect(sections[.widerCare]?.contains { $0.hasPrefix("Consider talking to a doctor about mood") } == true)
        #expect(sections[.therapist]?.contains { $0.contains("mood") } == false, "mood is not for the therapist")
    }

    @Test func selfHarmThoughtsComeFirstWithTheClinicsCrisisText() throws {
        let result = assess(["phq_3": "2", "phq_4": "2", "self_harm_thoughts": "several-days"])
        #expect(result.category.code == "check-with-doctor-first")
        let first = try #require(result.firstPoints.first)
        #expect(first.hasPrefix("Talk to a doctor today"))
        let crisis = try #require(Shipped.rules.crisisText)
        #expect(first.hasSuffix(crisis))
        #expect(crisis.contains("988") && crisis.contains("116 123") && crisis.contains("109"))
        #expect(result.crisisText == crisis)
        #expect(!assess(["phq_3": "2", "phq_4": "2", "self_harm_thoughts": "not-at-all"]).firedIDs.contains("self-harm-thoughts"))
    }

    @Test func theLowestPressureCapIsShown() throws {
        let result = assess(["conditions": "heart-condition, pregnancy", "pregnancy_weeks": "24", "pregnancy_high_risk": "no", "prior_massage": "worse-or-bruising", "pressure_preference": "medium"])
        let cap = try #require(result.pressureCap)
        #expect(cap.code == "light" && cap.rules == ["earlier bad reaction to massage"])
        #expect(cap.preferenceAbove)
        #expect(cap.text.contains("no firmer than light (Walton level 1-2)"))
    }

    @Test func localAvoidNamesOnlyWhatApplies() throws {
        let port = assess(["conditions": "implanted-device", "device_site": "chest"])
        let point = try #require(port.fired.first { $0.id == "local-avoid" }?.discuss)
        #expect(point.contains("the implanted device (chest)"))
        #expect(!point.contains("varicose") && !point.contains("legs"), "\(point)")
        let lymph = assess(["conditions": "cancer-history", "cancer_details": "lymph-nodes-removed-or-lymphoedema", "lymphoedema_site": "upper-arm-left"])
        #expect(lymph.fired.first { $0.id == "lymphoedema" }?.discuss.hasPrefix("On the affected limb or side (left upper arm)") == true)
    }

    @Test func theOwnWordsAndConsentAreAtTheTop() {
        let result = assess(["areas_to_avoid": "no feet please", "consent": "no"])
        #expect(result.atTop.map(\.label) == ["Answers confirmed", "Areas to avoid"])
        #expect(result.firstPoints.first?.hasPrefix("The person did not confirm the answers") == true)
        #expect(result.fired.first { $0.id == "areas-to-avoid" }?.discuss.contains("\u{201C}no feet please\u{201D}") == true)
    }
}
