import Foundation
import IntakeTesting
import Testing
import QuestionnaireModel
@testable import Scoring

/// The JSON Schemas for rules and medicines files (`Questionnaires/schema/`)
/// and intake's loaders (`RuleSet.load`, `MedicationLexicon.load`) must give
/// the same verdict on every file of `Tests/SchemaFixtures/rules/` and
/// `Tests/SchemaFixtures/medications/`. Rules fixtures are read against the
/// shipped questionnaire and medicines. See SchemaTests in
/// QuestionnaireModelTests for questionnaires.
@Suite("Rules and medicines JSON Schemas and loaders agree")
struct RuleSchemaTests {
    static let rulesSchema = "Questionnaires/schema/rules.schema.json"
    static let medicationsSchema = "Questionnaires/schema/medications.schema.json"

    static let shippedRules = SchemaCheck.shippedFiles(naming: "schema/rules.schema.json")
    static let shippedMedications = SchemaCheck.shippedFiles(naming: "schema/medications.schema.json")
    static let readmeRules = SchemaCheck.readmeExamples(naming: "schema/rules.schema.json", prefix: "rules")
    static let readmeMedications = SchemaCheck.readmeExamples(naming: "schema/medications.schema.json", prefix: "medications")

    static let ruleVerdicts = SchemaCheck.run(
        schema: rulesSchema,
        files: SchemaFixture.all(in: "rules").map(\.path) + shippedRules + readmeRules.map(\.path))
    static let medicationVerdicts = SchemaCheck.run(
        schema: medicationsSchema,
        files: SchemaFixture.all(in: "medications").map(\.path) + shippedMedications + readmeMedications.map(\.path))

    @Test("rules fixture", arguments: SchemaFixture.all(in: "rules"))
    func rulesFixture(_ fixture: SchemaFixture) throws {
        let schemaVerdict = try SchemaCheck.verdict(for: fixture.path, in: Self.ruleVerdicts)
        let loaded = Result { () throws(DiagnosticError) in
            try RuleSet.load(fixture.bytes, file: fixture.name, questionnaire: Shipped.questionnaire, lexicon: Shipped.lexicon)
        }
        try Self.expectAgreement(fixture, schemaVerdict: schemaVerdict, loaderError: loaded.loaderError)
    }

    @Test("medicines fixture", arguments: SchemaFixture.all(in: "medications"))
    func medicationsFixture(_ fixture: SchemaFixture) throws {
        let schemaVerdict = try SchemaCheck.verdict(for: fixture.path, in: Self.medicationVerdicts)
        let loaded = Result { () throws(DiagnosticError) in try MedicationLexicon.load(fixture.bytes, file: fixture.name) }
        try Self.expectAgreement(fixture, schemaVerdict: schemaVerdict, loaderError: loaded.loaderError)
    }

    static func expectAgreement(_ fixture: SchemaFixture, schemaVerdict: SchemaVerdict, loaderError: DiagnosticError?) throws {
        if fixture.expectValid {
            if let loaderError {
                Issue.record("intake refuses \(fixture), which is meant to be valid:\n\(loaderError.description)")
            }
            #expect(schemaVerdict.isValid, "the schema refuses \(fixture), which is meant to be valid: \(schemaVerdict.problem)")
        } else {
            guard let loaderError else {
                Issue.record("intake accepts \(fixture), which is meant to be invalid: \(fixture.defect ?? "")")
                return
            }
            #expect(!schemaVerdict.isValid, "the schema accepts \(fixture), which intake refuses:\n\(loaderError.description)")
            let paths = loaderError.diagnostics.compactMap { $0.path?.description }
            let expected = try #require(fixture.loaderPath, "\(fixture) must say in its description where intake reports the defect: (loader path: $...)")
            #expect(paths.contains(expected), "intake reports \(fixture) elsewhere than \(expected), so it may not be the defect meant:\n\(loaderError.description)")
        }
    }

    @Test func shippedFilesValidate() throws {
        #expect(Self.shippedRules.contains("Questionnaires/massage-intake.rules.json"), "massage-intake.rules.json must name \(Self.rulesSchema) in \"$schema\"")
        #expect(Self.shippedMedications.contains("Questionnaires/medications.json"), "medications.json must name \(Self.medicationsSchema) in \"$schema\"")
        for file in Self.shippedRules {
            let verdict = try SchemaCheck.verdict(for: file, in: Self.ruleVerdicts)
            #expect(verdict.isValid, "\(file) does not validate against \(Self.rulesSchema): \(verdict.problem)")
        }
        for file in Self.shippedMedications {
            let verdict = try SchemaCheck.verdict(for: file, in: Self.medicationVerdicts)
            #expect(verdict.isValid, "\(file) does not validate against \(Self.medicationsSchema): \(verdict.problem)")
        }
    }

    /// The README's complete rules files load against the README's questionnaire
    /// they name, and its medicines files load, and all validate.
    @Test func readmeExamplesLoadAndValidate() throws {
        #expect(!Self.readmeRules.isEmpty, "Questionnaires/README.md should show a complete rules file")
        let questionnaires = SchemaCheck.readmeExamples(naming: "schema/questionnaire.schema.json", prefix: "questionnaire-for-rules")
            .compactMap { try? QuestionnaireLoader.load($0.bytes, file: "README.md").questionnaire }
        for example in Self.readmeRules {
            let verdict = try SchemaCheck.verdict(for: example.path, in: Self.ruleVerdicts)
            #expect(verdict.isValid, "the README rules example at line \(example.line) does not validate: \(verdict.problem)")
            let id = (try? JSONParser.parse(example.bytes))?["questionnaire"]?.stringValue
            let questionnaire = try #require(questionnaires.first { $0.id == id } ?? (id == Shipped.questionnaire.id ? Shipped.questionnaire : nil),
                                             "the README rules example at line \(example.line) names '\(id ?? "")', which no example questionnaire has")
            do {
                _ = try RuleSet.load(example.bytes, file: "README.md example at line \(example.line)", questionnaire: questionnaire, lexicon: Shipped.lexicon)
            } catch {
                Issue.record("the README rules example at line \(example.line) does not load:\n\(error.description)")
            }
        }
        for example in Self.readmeMedications {
            let verdict = try SchemaCheck.verdict(for: example.path, in: Self.medicationVerdicts)
            #expect(verdict.isValid, "the README medicines example at line \(example.line) does not validate: \(verdict.problem)")
            do {
                _ = try MedicationLexicon.load(example.bytes, file: "README.md example at line \(example.line)")
            } catch {
                Issue.record("the README medicines example at line \(example.line) does not load:\n\(error.description)")
            }
        }
    }

    /// The good rules files must between them use every formula, both kinds of
    /// effect, derived values in conditions and a pressure limit.
    @Test func fixturesCoverTheFormat() throws {
        let fixtures = SchemaFixture.all(in: "rules")
        #expect(fixtures.filter { !$0.expectValid }.count >= 12)
        var formulas: Set<String> = []
        var ruleKeys: Set<String> = []
        var conditionalEffect = false
        var readsValue = false
        for fixture in fixtures where fixture.expectValid {
            let json = try JSONParser.parse(fixture.bytes)
            for derived in json["derived"]?.arrayValue ?? [] {
                formulas.formUnion((derived.objectValue?.keys ?? []).filter(RuleSet.formulaKeys.contains))
            }
            for rule in json["rules"]?.arrayValue ?? [] {
                ruleKeys.formUnion(rule.objectValue?.keys ?? [])
                if rule["effect"]?.objectValue != nil { conditionalEffect = true }
                if let when = rule["when"], when.serialized().contains("\"value\":") { readsValue = true }
            }
        }
        #expect(formulas == Set(RuleSet.formulaKeys))
        #expect(ruleKeys == Set(RuleSet.ruleKeys))
        #expect(conditionalEffect)
        #expect(readsValue)
        #expect(SchemaFixture.all(in: "medications").filter { !$0.expectValid }.count >= 10)
    }
}

fileprivate extension Result {
    var loaderError: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

// MARK: - Fixtures and the schema check
//
// A copy of the helpers in Tests/QuestionnaireModelTests/SchemaTests.swift:
// test targets cannot share code without a helper target.

/// One file of `Tests/SchemaFixtures/SET/good|bad/`.
