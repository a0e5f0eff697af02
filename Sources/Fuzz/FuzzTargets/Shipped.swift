import Foundation
import QuestionnaireModel
import Scoring

/// The default questionnaire, its rules and the medicines lexicon, read once
/// from `Questionnaires/` in this checkout.
///
/// Not compiled in with the EmbedQuestionnaires plugin as `intake` does: with
/// `--sanitize=fuzzer` SwiftPM builds every executable as a library, so the
/// plugin's `embed-text` tool (top-level code) no longer compiles.
enum Shipped {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let questionnaire: Questionnaire = {
        do {
            return try QuestionnaireLoader.load(bytes("Questionnaires/massage-intake.json"), file: "massage-intake.json").questionnaire
        } catch {
            fatalError("the shipped questionnaire does not load: \(error)")
        }
    }()

    static let lexicon: MedicationLexicon = {
        do {
            return try MedicationLexicon.load(bytes("Questionnaires/medications.json"), file: "medications.json")
        } catch {
            fatalError("the shipped medicines lexicon does not load: \(error)")
        }
    }()

    static let rules: RuleSet = {
        do {
            return try RuleSet.load(bytes("Questionnaires/massage-intake.rules.json"), file: "massage-intake.rules.json", questionnaire: questionnaire, lexicon: lexicon)
        } catch {
            fatalError("the shipped rules do not load: \(error)")
        }
    }()

    private static func bytes(_ path: String) -> [UInt8] {
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { fatalError("cannot read \(url.path)") }
        return Array(data)
    }
}
