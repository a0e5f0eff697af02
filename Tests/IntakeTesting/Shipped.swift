import QuestionnaireModel
import Scoring

/// The shipped questionnaire, rules and medicines, read from
/// `Questionnaires/` once per test process.
public enum Shipped {
    public static let questionnaire: Questionnaire = {
        try! QuestionnaireLoader.load(Fixtures.bytes("Questionnaires/massage-intake.json"), file: "massage-intake.json").questionnaire
    }()

    public static let lexicon: MedicationLexicon = {
        try! MedicationLexicon.load(Fixtures.bytes("Questionnaires/medications.json"), file: "medications.json")
    }()

    public static let rules: RuleSet = {
        try! RuleSet.load(
            Fixtures.bytes("Questionnaires/massage-intake.rules.json"), file: "massage-intake.rules.json", questionnaire: questionnaire,
            lexicon: lexicon)
    }()
}
