import Foundation
import QuestionnaireModel
import Testing

/// The JSON Schemas of `Questionnaires/schema/` checked by Python's
/// jsonschema (`scripts/check-schema.py`; there is no JSON Schema library
/// for Swift here), and the fixtures of `Tests/SchemaFixtures/`, shared by
/// the tests that hold each schema against its loader.
public struct SchemaFixture: Sendable, CustomTestStringConvertible {
    /// `good/NAME.json` or `bad/NAME.json`.
    public var name: String
    /// The path from the package root.
    public var path: String
    public var expectValid: Bool

    public var testDescription: String { name }

    public var bytes: [UInt8] { SchemaCheck.read(path) }

    /// The fixture's `description`: what is wrong with a bad file.
    public var defect: String? {
        (try? JSONParser.parse(bytes))?["description"]?.stringValue
    }

    /// Where intake reports the defect, from "(loader path: $...)" in the description.
    public var loaderPath: String? {
        guard let defect, let start = defect.range(of: "(loader path: "), let end = defect[start.upperBound...].firstIndex(of: ")") else { return nil }
        return String(defect[start.upperBound..<end])
    }

    /// The good and bad files of one set, sorted by name.
    public static func all(in set: String) -> [SchemaFixture] {
        ["good", "bad"].flatMap { verdict -> [SchemaFixture] in
            let folder = "Tests/SchemaFixtures/\(set)/\(verdict)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: SchemaCheck.root.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map {
                SchemaFixture(name: "\(verdict)/\($0)", path: "\(folder)/\($0)", expectValid: verdict == "good")
            }
        }
    }

    /// The combinators and tests a condition uses, and the comparisons of its counts.
    public static func collectTests(_ condition: JSONValue, into tests: inout Set<String>, counts: inout Set<String>) {
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
public struct SchemaVerdict: Sendable {
    public var isValid: Bool
    /// The first problem, as `$.json.path: message`; empty when valid.
    public var problem: String
}

/// Runs `scripts/check-schema.py` and reads its verdicts.
public enum SchemaCheck {
    /// The package root.
    public static let root = URL(fileURLWithPath: Fixtures.packageRoot)

    static let installHint = "install it with: python3 -m pip install jsonschema (or apt-get install -y python3-jsonschema)"

    public static func read(_ path: String) -> [UInt8] {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    /// The verdict on each of `files` (paths from the package root), or why the check could not run.
    public static func run(schema: String, files: [String]) -> Result<[String: SchemaVerdict], SchemaCheckFailure> {
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
    public static func verdict(for file: String, in verdicts: Result<[String: SchemaVerdict], SchemaCheckFailure>) throws -> SchemaVerdict {
        switch verdicts {
        case .failure(let failure):
            throw failure
        case .success(let found):
            return try #require(found[file], "scripts/check-schema.py printed no verdict for \(file)")
        }
    }

    /// The JSON files directly in `Questionnaires/` whose `$schema` is `schema`.
    public static func shippedFiles(naming schema: String) -> [String] {
        let folder = root.appendingPathComponent("Questionnaires").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "Questionnaires/\($0)" }.filter { file in
            (try? JSONParser.parse(read(file)))?["$schema"]?.stringValue == schema
        }
    }

    /// One complete file shown in `Questionnaires/README.md`.
    public struct Example: Sendable {
        /// The line of the README where the example's code block starts.
        public var line: Int
        public var text: String
        /// A copy written to a temporary file, for the script.
        public var path: String
        public var bytes: [UInt8] { Array(text.utf8) }
    }

    /// The ```json blocks of `Questionnaires/README.md` that name `schema` in
    /// `$schema` (the README's convention for a complete file), each written to a temporary file.
    public static func readmeExamples(naming schema: String, prefix: String) -> [Example] {
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
public struct SchemaCheckFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
