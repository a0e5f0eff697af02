import Testing
import QuestionnaireModel
@testable import Scoring

/// Loading a medicines file: a slip is refused with a message naming the
/// file, the place and the fix, never dropped silently (a dropped brand means
/// a person taking it does not get its class's precaution).
@Suite("Medicines file loading")
struct LexiconLoadingTests {
    /// The diagnostics for a medicines file, one line each, or [] when it loads.
    func problems(_ text: String) -> [String] {
        do {
            _ = try MedicationLexicon.load(Array(text.utf8), file: "meds.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func lexicon(_ classes: String) throws -> MedicationLexicon {
        try MedicationLexicon.load(Array(#"{"version": "1", "classes": \#(classes)}"#.utf8), file: "meds.json")
    }

    /// ASCII names and answers are split into words on their bytes; the
    /// words are those of the matching form split character by character.
    @Test(arguments: [
        "Eliquis 5 mg twice daily; Advil as needed", "Xeralto20mg", "xarelto20MG bd", "B12", "Tylenol #3", "co-codamol 30/500",
        "insulin_glargine", "  ", "", "a1b2c3", "20mg", "Vit.D3 1000IU", "St. John's Wort", "\r\n tramadol\t50", "MS Contin",
    ])
    func asciiTextIsSplitIntoTheSameWords(_ text: String) {
        #expect(MedicationLexicon.asciiWords(in: text) == MedicationLexicon.splitGluedDoses(MedicationLexicon.tokens(in: text)))
        #expect(MedicationLexicon.asciiWords(in: "warfarine \u{e9}") == nil, "other text goes character by character")
    }

    @Test func terminalControlCodesInNamesAreRefused() {
        let text = #"{"version": "1", "classes": [{"code": "nsaid", "label": "NSAID", "medicines": [{"generic": "ibu\u001b[8mprofen"}]}]}"#
        #expect(problems(text).contains { $0.hasSuffix("$.classes[0].medicines[0].generic: the text holds the control character U+001B, which could change what a terminal shows: remove it") }, "\(problems(text))")
    }

    @Test func aMisspeltBrandsKeyIsRefusedWithTheKeyToUse() {
        let text = """
            {"version": "1", "classes": [
              {"code": "anticoagulant", "label": "blood thinner", "medicines": [
                {"generic": "apixaban", "brand": ["Eliquis"]}
              ]}
            ]}
            """
        #expect(problems(text) == [
            "meds.json:3:29: $.classes[0].medicines[0].brand: unknown key 'brand' in a medicine (did you mean 'brands'?)",
        ])
    }

    @Test func unknownKeysInAClassAreRefused() {
        let text = #"{"version": "1", "classes": [{"code": "nsaid", "lable": "painkiller", "medicines": []}]}"#
        let found = problems(text)
        #expect(found.contains("meds.json:1:48: $.classes[0].lable: unknown key 'lable' in a class (did you mean 'label'?)"), "\(found)")
        #expect(found.contains { $0.hasSuffix("$.classes[0]: 'label' is missing: a class needs \"code\", \"label\" and \"medicines\"") }, "\(found)")
    }

    @Test func brandsMustBeAListOfNames() {
        let text = #"{"version": "1", "classes": [{"code": "nsaid", "label": "painkiller", "medicines": [{"generic": "naproxen", "brands": "Aleve"}]}]}"#
        #expect(problems(text) == [
            #"meds.json:1:119: $.classes[0].medicines[0].brands: 'brands' must be a list of brand names, such as ["Eliquis"], found a string"#,
        ])
        let blank = #"{"version": "1", "classes": [{"code": "nsaid", "label": "painkiller", "medicines": [{"generic": "naproxen", "brands": ["-"]}]}]}"#
        #expect(problems(blank).first?.hasSuffix("$.classes[0].medicines[0].brands[0]: a brand name '-' has no letter or digit, so it could never match what a person types") == true)
    }

    @Test func missingBrandsAreNoBrands() throws {
        let lexicon = try lexicon(#"[{"code": "nsaid", "label": "painkiller", "medicines": [{"generic": "naproxen"}, {"generic": "ibuprofen", "brands": []}]}]"#)
        #expect(lexicon.classes.first?.medicines.map(\.brands) == [[], []])
    }

    @Test func classCodesAreOptionCodesAndUnique() {
        let badCode = #"{"version": "1", "classes": [{"code": "Blood_Thinner", "label": "blood thinner", "medicines": []}]}"#
        #expect(problems(badCode) == [
            #"meds.json:1:39: $.classes[0].code: a class code must be lower-case letters, digits and '-', not starting or ending with '-', such as "anticoagulant"; found 'Blood_Thinner'"#,
        ])
        let twice = #"{"version": "1", "classes": [{"code": "nsaid", "label": "a", "medicines": []}, {"code": "nsaid", "label": "b", "medicines": []}]}"#
        #expect(problems(twice) == [
            "meds.json:1:89: $.classes[1].code: the class 'nsaid' appears twice (first at $.classes[0]): class codes must be unique",
        ])
    }

    @Test func labelsAndNotesMustBeText() {
        let blankLabel = #"{"version": "1", "classes": [{"code": "nsaid", "label": " ", "medicines": []}]}"#
        #expect(problems(blankLabel).first?.hasSuffix(#"$.classes[0].label: 'label' must be the class in plain words, such as "blood thinner (anticoagulant)"; found blank text"#) == true)
        let notes = #"{"$schema": 1, "description": ["notes"], "version": "1", "classes": []}"#
        #expect(problems(notes) == [
            #"meds.json:1:13: $["$schema"]: '$schema' must be a string, found a number"#,
            "meds.json:1:31: $.description: 'description' must be a string, found a list",
        ])
    }

    @Test func aNameTwiceInOneClassIsRefused() {
        let text = """
            {"version": "1", "classes": [{"code": "nsaid", "label": "painkiller", "medicines": [
              {"generic": "ibuprofen", "brands": ["Advil"]},
              {"generic": "naproxen", "brands": ["ADVIL"]}
            ]}]}
            """
        #expect(problems(text) == [
            "meds.json:3:38: $.classes[0].medicines[1].brands[0]: 'ADVIL' is already listed in the class 'nsaid' (at $.classes[0].medicines[0].brands[0]): list each name once in a class",
        ])
        let generic = #"{"version": "1", "classes": [{"code": "nsaid", "label": "painkiller", "medicines": [{"generic": "Ibuprofen", "brands": ["ibuprofen"]}]}]}"#
        #expect(problems(generic).first?.contains("$.classes[0].medicines[0].brands[0]: 'ibuprofen' is already listed in the class 'nsaid' (at $.classes[0].medicines[0].generic)") == true)
    }

    @Test func aNameInTwoClassesMatchesBoth() throws {
        let lexicon = try lexicon("""
            [{"code": "antiplatelet", "label": "blood thinner", "medicines": [{"generic": "aspirin", "brands": ["Ecotrin"]}]},
             {"code": "nsaid", "label": "painkiller", "medicines": [{"generic": "aspirin"}, {"generic": "ibuprofen", "brands": ["Ecotrin"]}]}]
            """)
        #expect(lexicon.match("aspirin 81 mg").classes == ["antiplatelet", "nsaid"])
        #expect(lexicon.match("Ecotrin").classes == ["antiplatelet", "nsaid"])
    }
}
