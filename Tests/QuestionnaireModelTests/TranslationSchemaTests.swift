import Foundation
import IntakeTesting
import QuestionnaireModel
import Testing

/// The JSON Schema for translation files
/// (`Questionnaires/schema/translation.schema.json`) and `Translation.load`
/// give the same verdict on every file of `Tests/SchemaFixtures/translation/`
/// and on the shipped translations (every file naming the schema).
@Suite("Translation JSON Schema and loader agree")
struct TranslationSchemaTests {
    static let schema = "Questionnaires/schema/translation.schema.json"
    static let shipped = SchemaCheck.shippedFiles(naming: "schema/translation.schema.json")
    static let verdicts = SchemaCheck.run(schema: schema, files: SchemaFixture.all(in: "translation").map(\.path) + shipped)

    @Test("translation fixture", arguments: SchemaFixture.all(in: "translation"))
    func fixture(_ fixture: SchemaFixture) throws {
        let schemaVerdict = try SchemaCheck.verdict(for: fixture.path, in: Self.verdicts)
        var loaderError: DiagnosticError?
        do { _ = try Translation.load(fixture.bytes, file: fixture.name) } catch { loaderError = error }
        if fixture.expectValid {
            #expect(loaderError == nil, "intake refuses \(fixture): \(loaderError?.description ?? "")")
            #expect(schemaVerdict.isValid, "the schema refuses \(fixture): \(schemaVerdict.problem)")
        } else {
            let error = try #require(loaderError, "intake accepts \(fixture): \(fixture.defect ?? "")")
            #expect(!schemaVerdict.isValid, "the schema accepts \(fixture), which intake refuses:\n\(error.description)")
            let expected = try #require(fixture.loaderPath)
            let paths = error.diagnostics.compactMap { $0.path?.description }
            #expect(paths.contains(expected), "intake reports \(fixture) elsewhere than \(expected):\n\(error.description)")
        }
    }

    @Test func shippedTranslationsFollowTheSchema() throws {
        for file in Self.shipped {
            let verdict = try SchemaCheck.verdict(for: file, in: Self.verdicts)
            #expect(verdict.isValid, "\(file) does not validate against \(Self.schema): \(verdict.problem)")
            #expect(throws: Never.self) { try Translation.load(SchemaCheck.read(file), file: file) }
        }
    }
}
