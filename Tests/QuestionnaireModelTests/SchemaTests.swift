import Foundation
import IntakeTesting
import Testing
import QuestionnaireModel

/// The JSON Schema for questionnaires (`Questionnaires/schema/questionnaire.schema.json`)
/// and `QuestionnaireLoader` must give the same verdict on every file of
/// `Tests/SchemaFixtures/questionnaire/`: an editor that shows no problem
/// must not hide one intake refuses, and the other way round.
///
/// The schema side runs `scripts/check-schema.py` (Python's jsonschema, there
/// being no JSON Schema library for Swift here). A missing python3 or
/// jsonschema fails these tests with the command that installs it.
@Suite("Questionnaire JSON Schema and loader agree")
struct SchemaTests {
    static let schema = "Questionnaires/schema/questionnaire.schema.json"

    /// Every fixture, the shipped questionnaires and the README's complete examples, checked in one run of the script.
    static let verdicts = SchemaCheck.run(
        schema: schema,
        files: SchemaFixture.all(in: "questionnaire").map(\.path) + shippedQuestionnaires + readmeExamples.map(\.path))

    /// Files in `Questionnaires/` that name this schema in `$schema`.
    static let shippedQuestionnaires = SchemaCheck.shippedFiles(naming: "schema/questionnaire.schema.json")

    /// The README's examples that are complete questionnaires, written out to files.
    static let readmeExamples = SchemaCheck.readmeExamples(naming: "schema/questionnaire.schema.json", prefix: "questionnaire")

    @Test("fixture", arguments: SchemaFixture.all(in: "questionnaire"))
    func fixture(_ fixture: SchemaFixture) throws {
        let schemaVerdict = try SchemaCheck.verdict(for: fixture.path, in: Self.verdicts)
        let loaded = Result { () throws(DiagnosticError) in try QuestionnaireLoader.load(fixture.bytes, file: fixture.name) }
        if fixture.expectValid {
            if case .failure(let error) = loaded {
                Issue.record("intake refuses \(fixture), which is meant to be valid:\n\(error.description)")
            }
            #expect(schemaVerdict.isValid, "the schema refuses \(fixture), which is meant to be valid: \(schemaVerdict.problem)")
        } else {
            guard case .failure(let error) = loaded else {
                Issue.record("intake accepts \(fixture), which is meant to be invalid: \(fixture.defect ?? "")")
                return
            }
            #expect(!schemaVerdict.isValid, "the schema accepts \(fixture), which intake refuses:\n\(error.description)")
            let paths = error.diagnostics.compactMap { $0.path?.description }
            let expected = try #require(fixture.loaderPath, "\(fixture) must say in its description where intake reports the defect: (loader path: $...)")
            #expect(paths.contains(expected), "intake reports \(fixture) elsewhere than \(expected), so it may not be the defect meant:\n\(error.description)")
        }
    }

    @Test func shippedQuestionnairesValidate() throws {
        #expect(Self.shippedQuestionnaires.contains("Questionnaires/massage-intake.json"), "massage-intake.json must name \(Self.schema) in \"$schema\"")
        for file in Self.shippedQuestionnaires {
            let verdict = try SchemaCheck.verdict(for: file, in: Self.verdicts)
            #expect(verdict.isValid, "\(file) does not validate against \(Self.schema): \(verdict.problem)")
        }
    }

    @Test func readmeExamplesLoadAndValidate() throws {
        #expect(Self.readmeExamples.count >= 2, "Questionnaires/README.md should show complete example questionnaires")
        for example in Self.readmeExamples {
            let verdict = try SchemaCheck.verdict(for: example.path, in: Self.verdicts)
            #expect(verdict.isValid, "the README example at line \(example.line) does not validate: \(verdict.problem)")
            do {
                _ = try QuestionnaireLoader.load(example.bytes, file: "README.md example at line \(example.line)")
            } catch {
                Issue.record("the README example at line \(example.line) does not load:\n\(error.description)")
            }
        }
    }

    /// The good files must between them use every kind, every test and both
    /// ways of giving options, and the bad files must be many: otherwise the
    /// agreement above proves little.
    @Test func fixturesCoverTheFormat() throws {
        let fixtures = SchemaFixture.all(in: "questionnaire")
        #expect(fixtures.filter { !$0.expectValid }.count >= 25)
        var kinds: Set<String> = []
        var keys: Set<String> = []
        var tests: Set<String> = []
        var countComparisons: Set<String> = []
        for fixture in fixtures where fixture.expectValid {
            let json = try JSONParser.parse(fixture.bytes)
            for node in json["nodes"]?.arrayValue ?? [] {
                if let kind = node["kind"]?.stringValue { kinds.insert(kind) }
                keys.formUnion(node.objectValue?.keys ?? [])
                for branch in node["next"]?.arrayValue ?? [] {
                    if let when = branch["when"] { SchemaFixture.collectTests(when, into: &tests, counts: &countComparisons) }
                }
            }
        }
        #expect(kinds == Set(NodeKind.allCases.map(\.rawValue)))
        #expect(keys.isSuperset(of: ["options", "optionsFrom", "default", "required", "urgent", "confirm", "section", "label", "hint", "help", "why"]))
        #expect(tests == ["all", "any", "not", "equals", "in", "includes", "includesAny", "includesAll", "lt", "lte", "gt", "gte", "count", "answered"])
        #expect(countComparisons == ["lt", "lte", "gt", "gte", "equals"])
    }
}

// MARK: - Fixtures

/// One file of `Tests/SchemaFixtures/SET/good|bad/`.
