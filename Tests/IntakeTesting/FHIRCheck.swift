import Foundation
import QuestionnaireModel
import Testing

/// Runs `scripts/fhir-check.py`: FHIR's own Python tools (the R4B models of
/// `fhir.resources`, and `fhirpathpy`) over what intake makes. A missing
/// python3 or package fails the test with the command that installs it.
/// Each call starts Python once: give it every resource of a test together.
public enum FHIRCheck {
    /// The package root.
    public static let root = URL(fileURLWithPath: Fixtures.packageRoot)

    static let installHint = "run scripts/setup.sh --test (python3 -m pip install fhir.resources fhirpathpy)"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// For each resource, nil when the R4B models accept it, or their complaint.
    public static func validate(_ resources: [JSONValue]) throws -> [String?] {
        let output = try run("validate", input: .array(resources))
        guard let list = output.arrayValue, list.count == resources.count else { throw Failure(description: "fhir-check.py validate gave \(output.serialized())") }
        return list.map(\.stringValue)
    }

    /// fhirpathpy's result for each case: `.success(results)` or `.failure(message)`.
    public static func fhirpath(_ cases: [(resource: JSONValue, expression: String, variables: JSONObject)]) throws -> [Result<[JSONValue], Failure>] {
        let input = JSONValue.array(cases.map { .object(["resource": $0.resource, "expression": .string($0.expression), "variables": .object($0.variables)]) })
        let output = try run("fhirpath", input: input)
        guard let list = output.arrayValue, list.count == cases.count else { throw Failure(description: "fhir-check.py fhirpath gave \(output.serialized())") }
        return list.map { entry in
            if let result = entry["result"]?.arrayValue { return .success(result) }
            return .failure(Failure(description: entry["error"]?.stringValue ?? "no result"))
        }
    }

    static func run(_ command: String, input: JSONValue) throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/fhir-check.py", command]
        process.currentDirectoryURL = root
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start python3 (\(error)): \(installHint)")
        }
        let bytes = Data(input.serializedBytes())
        // Written from another thread: the script reads all before it writes.
        let writer = Thread {
            stdin.fileHandleForWriting.write(bytes)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let printed = stdout.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "scripts/fhir-check.py \(command) failed (exit \(process.terminationStatus)): \(complaint) — \(installHint)")
        }
        return try JSONParser.parse(Array(printed))
    }

    /// Whether two JSON results are the same, numbers within a rounding error.
    public static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a.kind, b.kind) {
        case (.number(let x), .number(let y)): return abs(x.double - y.double) <= 1e-9 * max(1, abs(x.double))
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return x.members.count == y.members.count && x.members.allSatisfy { member in y[member.key].map { same(member.value, $0) } ?? false }
        default: return a == b
        }
    }

    /// The bytes of a FHIR file of `Tests/FHIRTests/Fixtures/` (a copy of shared/fhir).
    public static func fixture(_ name: String) -> [UInt8] {
        Array((try? Data(contentsOf: root.appendingPathComponent("Tests/FHIRTests/Fixtures/\(name)"))) ?? Data())
    }

    /// The path of a fixture by its name under `Tests/FHIRTests/Fixtures/`.
    public static func fixturePath(_ name: String) -> String {
        root.appendingPathComponent("Tests/FHIRTests/Fixtures/\(name)").path
    }

    /// Every fixture questionnaire, by path under Fixtures/.
    public static let fixtureNames: [String] = {
        let folder = root.appendingPathComponent("Tests/FHIRTests/Fixtures")
        var names: [String] = []
        for sub in ["", "android/"] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? []
            names += entries.filter { $0.hasSuffix(".json") }.sorted().map { sub + $0 }
        }
        return names
    }()
}
