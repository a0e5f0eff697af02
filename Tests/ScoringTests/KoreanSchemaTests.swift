import Foundation
import IntakeTesting
import QuestionnaireModel
import Scoring
import Testing

/// The JSON Schemas of the Korean word files (`schema/aliases.schema.json`,
/// `schema/medication-names.schema.json`) and their loaders give the same
/// verdict on every fixture of `Tests/SchemaFixtures/aliases/` and
/// `medication-names/`, and the shipped files validate.
@Suite("Korean word files: JSON Schemas and loaders agree")
struct KoreanSchemaTests {
    static let aliasesSchema = "Questionnaires/schema/aliases.schema.json"
    static let namesSchema = "Questionnaires/schema/medication-names.schema.json"
    static let aliasVerdicts = SchemaCheck.run(
        schema: aliasesSchema, files: SchemaFixture.all(in: "aliases").map(\.path) + ["Questionnaires/massage-intake.ko.aliases.json"])
    static let nameVerdicts = SchemaCheck.run(
        schema: namesSchema, files: SchemaFixture.all(in: "medication-names").map(\.path) + ["Questionnaires/medications.ko.json"])

    static let questionnaire = try! QuestionnaireLoader.load(SchemaCheck.read("Questionnaires/massage-intake.json"), file: "massage-intake.json").questionnaire
    static let lexicon = try! MedicationLexicon.load(SchemaCheck.read("Questionnaires/medications.json"), file: "medications.json")

    @Test func theShippedFilesValidate() throws {
        #expect(try SchemaCheck.verdict(for: "Questionnaires/massage-intake.ko.aliases.json", in: Self.aliasVerdicts).isValid)
        #expect(try SchemaCheck.verdict(for: "Questionnaires/medications.ko.json", in: Self.nameVerdicts).isValid)
    }

    @Test("alias table", arguments: SchemaFixture.all(in: "aliases"))
    func aliasFixture(_ fixture: SchemaFixture) throws {
        let verdict = try SchemaCheck.verdict(for: fixture.path, in: Self.aliasVerdicts)
        let loaded = Result { () throws(DiagnosticError) in try AliasTable.load(fixture.bytes, file: fixture.name, for: Self.questionnaire) }
        try check(fixture, schemaValid: verdict.isValid, loaded.map { _ in () })
    }

    @Test("medicine names", arguments: SchemaFixture.all(in: "medication-names"))
    func namesFixture(_ fixture: SchemaFixture) throws {
        let verdict = try SchemaCheck.verdict(for: fixture.path, in: Self.nameVerdicts)
        let loaded = Result { () throws(DiagnosticError) in try MedicationNames.load(fixture.bytes, file: fixture.name, for: Self.lexicon) }
        try check(fixture, schemaValid: verdict.isValid, loaded.map { _ in () })
    }

    func check(_ fixture: SchemaFixture, schemaValid: Bool, _ loaded: Result<Void, DiagnosticError>) throws {
        #expect(schemaValid == fixture.expectValid, "the schema's verdict on \(fixture)")
        switch loaded {
        case .success:
            #expect(fixture.expectValid, "intake accepts \(fixture): \(fixture.defect ?? "")")
        case .failure(let error):
            #expect(!fixture.expectValid, "intake refuses \(fixture):\n\(error.description)")
            let expected = try #require(fixture.loaderPath, "\(fixture) must say where intake reports the defect")
            #expect(error.diagnostics.contains { $0.path?.description == expected }, "intake reports \(fixture) elsewhere than \(expected):\n\(error.description)")
        }
    }
}
