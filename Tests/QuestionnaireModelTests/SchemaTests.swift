import Foundation
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

    /// The combinators and tests a condition uses, and the comparisons of its counts.
    static func collectTests(_ condition: JSONValue, into tests: inout Set<String>, counts: inout Set<String>) {
        guard let object = condition.objectValue else { return }
        for member in object.members where member.key != "question" && member.key != "value" {
            tests.insert(member.key)
            switch member.key {
            case "all", "any":
                for inner in member.value.arrayValue ?? [] { collectTests(inner, into: &tests, counts: &counts) }
            case "not":
                collectTests(member.value, into: &tests, counts: &counts)
            case "count":
                counts.formUnion(member.value.objectValue?.keys ?? [])
            default:
                break
            }
        }
    }
}

// MARK: - Running the schema check

/// What `scripts/check-schema.py` said about one file.
struct SchemaVerdict: Sendable {
    var isValid: Bool
    /// The first problem, as `$.json.path: message`; empty when valid.
    var problem: String
}

/// Runs `scripts/check-schema.py` and reads its verdicts.
///
/// (Tests/ScoringTests/RuleSchemaTests.swift has a copy of this: test
/// targets cannot share code without a helper target.)
enum SchemaCheck {
    /// The package root: this file is `Tests/QuestionnaireModelTests/…`, three levels down.
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
