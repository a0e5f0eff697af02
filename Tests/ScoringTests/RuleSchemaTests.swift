import Foundation
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
struct SchemaFixture: Sendable, CustomTestStringConvertible {
    /// `good/NAME.json` or `bad/NAME.json`.
    var name: String
    /// The path from the package root.
    var path: String
    var expectValid: Bool

    var testDescription: String { name }

    var bytes: [UInt8] { SchemaCheck.read(path) }

    /// The fixture's `description`: what is wrong with a bad file.
    var defect: String? {
        (try? JSONParser.parse(bytes))?["description"]?.stringValue
    }

    /// Where intake reports the defect, from "(loader path: $...)" in the description.
    var loaderPath: String? {
        guard let defect, let start = defect.range(of: "(loader path: "), let end = defect[start.upperBound...].firstIndex(of: ")") else { return nil }
        return String(defect[start.upperBound..<end])
    }

    /// The good and bad files of one set, sorted by name.
    static func all(in set: String) -> [SchemaFixture] {
        ["good", "bad"].flatMap { verdict -> [SchemaFixture] in
            let folder = "Tests/SchemaFixtures/\(set)/\(verdict)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: SchemaCheck.root.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map {
                SchemaFixture(name: "\(verdict)/\($0)", path: "\(folder)/\($0)", expectValid: verdict == "good")
            }
        }
    }
}

/// What `scripts/check-schema.py` said about one file.
struct SchemaVerdict: Sendable {
    var isValid: Bool
    /// The first problem, as `$.json.path: message`; empty when valid.
    var problem: String
}

/// Runs `scripts/check-schema.py` and reads its verdicts.
enum SchemaCheck {
    /// The package root: this file is `Tests/ScoringTests/…`, three levels down.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let installHint = "install it with: python3 -m pip install jsonschema (or apt-get install -y python3-jsonschema)"

    static func read(_ path: String) -> [UInt8] {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    /// The verdict on each of `files` (paths from the package root), or why the check could not run.
    static func run(schema: String, files: [String]) -> Result<[String: SchemaVerdict], SchemaCheckFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/check-schema.py", schema] + files
        process.currentDirectoryURL = root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(SchemaCheckFailure(message: "cannot start /usr/bin/env python3 (\(error)): install python3, then jsonschema; \(installHint)"))
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0, 1:
            break
        case 127:
            return .failure(SchemaCheckFailure(message: "python3 is not installed: install it (apt-get install -y python3), then \(installHint)"))
        default:
            return .failure(SchemaCheckFailure(message: "scripts/check-schema.py could not check the files (exit \(process.terminationStatus)):\n\(complaint)"))
        }
        var verdicts: [String: SchemaVerdict] = [:]
        for line in String(decoding: printed, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { continue }
            verdicts[fields[1]] = SchemaVerdict(isValid: fields[0] == "valid", problem: fields.count > 2 ? fields[2] : "")
        }
        return .success(verdicts)
    }

    /// The verdict on `file`; throws (failing the test) when the check could not run.
    static func verdict(for file: String, in verdicts: Result<[String: SchemaVerdict], SchemaCheckFailure>) throws -> SchemaVerdict {
        switch verdicts {
        case .failure(let failure):
            throw failure
        case .success(let found):
            return try #require(found[file], "scripts/check-schema.py printed no verdict for \(file)")
        }
    }

    /// The JSON files directly in `Questionnaires/` whose `$schema` is `schema`.
    static func shippedFiles(naming schema: String) -> [String] {
        let folder = root.appendingPathComponent("Questionnaires").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "Questionnaires/\($0)" }.filter { file in
            (try? JSONParser.parse(read(file)))?["$schema"]?.stringValue == schema
        }
    }

    /// One complete file shown in `Questionnaires/README.md`.
    struct Example: Sendable {
        /// The line of the README where the example's code block starts.
        var line: Int
        var text: String
        /// A copy written to a temporary file, for the script.
        var path: String
        var bytes: [UInt8] { Array(text.utf8) }
    }

    /// The ```json blocks of `Questionnaires/README.md` that name `schema` in
    /// `$schema` (the README's convention for a complete file), each written to a temporary file.
    static func readmeExamples(naming schema: String, prefix: String) -> [Example] {
        let lines = String(decoding: read("Questionnaires/README.md"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-readme-examples-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var examples: [Example] = []
        var start: Int?
        var block: [Substring] = []
        for (index, line) in lines.enumerated() {
            if start == nil, line.trimmingCharacters(in: .whitespaces) == "```json" {
                start = index + 1
                block = []
            } else if let first = start, line.trimmingCharacters(in: .whitespaces) == "```" {
                let text = block.joined(separator: "\n") + "\n"
                if text.contains("\"$schema\": \"\(schema)\"") {
                    let path = folder.appendingPathComponent("\(prefix)-line-\(first).json").path
                    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
                    examples.append(Example(line: first, text: text, path: path))
                }
                start = nil
            } else if start != nil {
                block.append(line)
            }
        }
        return examples
    }
}

/// Why the schema check could not run.
struct SchemaCheckFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
