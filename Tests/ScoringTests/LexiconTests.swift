import IntakeTesting
import Testing
@testable import Scoring

@Suite("Medicines lexicon")
struct LexiconTests {
    let lexicon = Shipped.lexicon

    @Test func brandAndGenericNamesWithDoseText() {
        #expect(lexicon.match("Eliquis 5 mg twice daily").classes == ["anticoagulant"])
        #expect(lexicon.match("Eliquis 5 mg twice daily").generics == ["apixaban"])
        #expect(lexicon.match("apixaban").classes == ["anticoagulant"])
        #expect(lexicon.match("Advil as needed").classes == ["nsaid"])
        #expect(lexicon.match("baby aspirin 81mg").classes == ["antiplatelet"])
        #expect(lexicon.match("Lyrica 75 mg at night").classes == ["gabapentinoid"])
        #expect(lexicon.match("oxycodone/acetaminophen (Percocet)").generics == ["oxycodone", "acetaminophen"])
    }

    @Test func caseAndAccentsDoNotMatter() {
        #expect(lexicon.match("WARFARIN").classes == ["anticoagulant"])
        #expect(lexicon.match("Ibuprofén 400").classes == ["nsaid"])
        #expect(lexicon.match("diazépam").classes == ["muscle-relaxant"])
    }

    @Test func onlyWholeWordsMatchSoMisspellingsAreNotGuessed() {
        #expect(lexicon.match("warfarine").classes.isEmpty)
        #expect(lexicon.match("warfrin").classes.isEmpty)
        #expect(lexicon.match("aspirinate").classes.isEmpty)
        #expect(lexicon.match("Zyrtec 10 mg").generics.isEmpty)
    }

    @Test func everyNameOfTheTableIsKnown() {
        let names = lexicon.names
        #expect(names.count >= 70)
        for name in names {
            #expect(!lexicon.match(name).classes.isEmpty, "\(name)")
        }
    }

    @Test func aLineCanNameSeveralMedicines() {
        let match = lexicon.match("tramadol and gabapentin")
        #expect(match.classes == ["opioid", "gabapentinoid"])
    }
}
