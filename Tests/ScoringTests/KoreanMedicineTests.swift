import IntakeTesting
import QuestionnaireModel
import Testing
@testable import Scoring

/// Medicine names in Hangul (`Questionnaires/medications.ko.json`) read into
/// the same classes as their English names, in the same lexicon.
@Suite("Medicine names in Korean")
struct KoreanMedicineTests {
    static let english: MedicationLexicon = {
        try! MedicationLexicon.load(Fixtures.bytes("Questionnaires/medications.json"), file: "medications.json")
    }()
    static let names: MedicationNames = {
        try! MedicationNames.load(Fixtures.bytes("Questionnaires/medications.ko.json"), file: "medications.ko.json", for: english)
    }()
    static let lexicon = english.adding(names)

    @Test(arguments: [
        ("와파린 5mg", ["anticoagulant"]), ("와파린5mg", ["anticoagulant"]), ("쿠마딘", ["anticoagulant"]), ("자렐토 20mg", ["anticoagulant"]),
        ("엘리퀴스", ["anticoagulant"]), ("프라닥사", ["anticoagulant"]), ("릭시아나", ["anticoagulant"]),
        ("클렉산 주사", ["anticoagulant", "injected-anticoagulant"]), ("헤파린", ["anticoagulant", "injected-anticoagulant"]),
        ("아스피린", ["antiplatelet"]), ("플라빅스", ["antiplatelet"]), ("타이레놀", ["simple-analgesic"]), ("리리카", ["gabapentinoid"]),
        ("트라마돌", ["opioid"]), ("이부프로펜", ["nsaid"]), ("휴미라", ["immunosuppressant"]), ("란투스", ["insulin"]),
        ("와파린을 먹어요", ["anticoagulant"]), ("타이레놀하고 아스피린", ["antiplatelet", "simple-analgesic"]),
    ])
    func koreanNamesHaveTheirClass(_ entry: String, _ classes: [String]) {
        #expect(Self.lexicon.match(entry).classes == classes, "\(entry)")
    }

    /// Each Korean name is in the classes its generic name is in.
    @Test func everyNameIsItsMedicine() {
        for (generic, koreanNames) in Self.names.names {
            let expected = Self.english.match(generic).classes
            for name in koreanNames {
                #expect(Self.lexicon.match(name).classes == expected, "\(name)")
                #expect(Self.lexicon.match(name).generics.contains(generic), "\(name)")
            }
        }
    }

    /// Every blood thinner of medications.json has a Korean name.
    @Test func everyBloodThinnerHasAKoreanName() {
        for medicine in Self.english.medicationClass("anticoagulant")!.medicines + Self.english.medicationClass("antiplatelet")!.medicines {
            #expect(!(Self.names.names[medicine.generic] ?? []).isEmpty, "\(medicine.generic)")
        }
    }

    @Test func mixedListsReadBoth() {
        let answer = try? Node(id: "m", spec: .medications, text: "?").parse("와파린, ibuprofen 400 mg", options: []).get()
        #expect(answer == .medications(["와파린", "ibuprofen 400 mg"]))
        #expect(Self.lexicon.match("와파린").classes == ["anticoagulant"])
        #expect(Self.lexicon.match("ibuprofen 400 mg").classes == ["nsaid"])
        #expect(Self.lexicon.match("warfarin and 타이레놀").classes == ["anticoagulant", "simple-analgesic"])
    }

    @Test func nearMissesInHangulAsk() {
        let miss = Self.lexicon.nearMisses(in: "와파림 5mg")
        #expect(miss == [MedicationLexicon.NearMiss(typed: "와파림", name: "와파린", generic: "warfarin", classLabel: "blood thinner (anticoagulant)")])
        #expect(Self.lexicon.nearMisses(in: "자렐또").map(\.generic) == ["rivaroxaban"])
        #expect(Self.lexicon.match("와파림").classes.isEmpty)
        // Short or unknown words are not guessed.
        #expect(Self.lexicon.nearMisses(in: "약").isEmpty)
        #expect(Self.lexicon.nearMisses(in: "비타민").isEmpty)
    }

    @Test func englishReadsAsBefore() {
        for entry in ["warfarin 5mg", "Eliquis", "warfrin", "xarelto20mg", "Tylenol #3", "fish oil"] {
            #expect(Self.lexicon.match(entry) == Self.english.match(entry), "\(entry)")
            #expect(Self.lexicon.nearMisses(in: entry) == Self.english.nearMisses(in: entry), "\(entry)")
        }
        #expect(Self.english.names.allSatisfy { !Hangul.contains($0) })
    }

    @Test func aNamesFileWithMistakesIsRefusedWithPlaces() {
        let text = #"{"language": "ko", "medicines": {"warfarine": ["와파린"], "aspirin": ["아스피린", "아스피린", ""]}, "extra": 1}"#
        do {
            _ = try MedicationNames.load(Array(text.utf8), file: "bad.ko.json", for: Self.english)
            Issue.record("accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("bad.ko.json:1:") && $0.contains("'warfarine' is not a generic name") && $0.contains("did you mean 'warfarin'") })
            #expect(messages.contains { $0.contains("'아스피린' is listed twice") })
            #expect(messages.contains { $0.contains("a name must be text with a letter or digit") })
            #expect(messages.contains { $0.contains("unknown key 'extra'") })
        }
    }
}
