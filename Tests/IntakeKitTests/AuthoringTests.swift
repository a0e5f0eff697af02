import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// `intake validate` and `intake graph`, as a questionnaire author uses
/// them, in-process. Graphviz's `dot` and the questionnaire generator are
/// still run as programs: they are not intake.
@Suite("Authoring tools")
struct AuthoringTests {
    static let shipped = ["massage-intake.json", "massage-intake.rules.json", "medications.json", "follow-up.json", "follow-up.rules.json"]
        .map { Fixtures.path("Questionnaires/\($0)") }

    @Test func theShippedFilesValidateWithoutWarnings() throws {
        let intake = InProcessIntake()
        let result = intake.validate(.init(files: Self.shipped, strict: true))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("massage-intake.json: questionnaire, ok"))
        #expect(result.output.contains("follow-up.rules.json: rules, ok"))
        let json = intake.validate(.init(files: [Self.shipped[0]], json: true))
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let file = (object?["files"] as? [[String: Any]])?.first
        let statistics = file?["statistics"] as? [String: Any]
        #expect(statistics?["nodes"] as? Int == 40)
        let shortest = statistics?["shortestInterview"] as? Int ?? 0
        let longest = statistics?["longestInterview"] as? Int ?? 0
        #expect(shortest > 0 && shortest < longest, "an urgent stop makes the shortest interview short")
        #expect((statistics?["pathsThrough"] as? [String: Int])?["age_band"] == 1)
    }

    static let warnings = """
        {"id": "w", "version": "1", "title": "Warnings", "start": "pain",
         "nodes": [
          {"id": "pain", "kind": "scale", "min": 0, "max": 10, "text": "How bad is it?",
           "next": [{"when": {"question": "pain", "gte": 15}, "goto": "extra"}, {"goto": "area"}]},
          {"id": "area", "kind": "single", "text": "Where does it hurt the most, thinking about the whole of the past week up to today, please?",
           "options": [{"code": "neck", "label": "Neck", "aliases": ["top"]}, {"code": "back", "label": "Back", "aliases": ["top", "1"]}],
           "next": [{"when": {"question": "later", "answered": true}, "goto": "later"}, {"goto": "later"}]},
          {"id": "later", "kind": "yesno", "text": "Anything else?"},
          {"id": "extra", "kind": "yesno", "text": "Extra?", "next": "later"}
         ]}
        """

    @Test func warningsNameTheFileThePlaceAndTheProblem() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("w.json", Self.warnings)
        let rules = try folder.file("w.rules.json", """
            {"questionnaire": "w", "version": "1", "disclaimer": "General information, not medical advice.",
             "categories": [{"code": "check", "title": "Check", "self": "s", "reception": "r"}, {"code": "fine", "title": "Fine", "self": "s", "reception": "r"}],
             "rules": [{"id": "r1", "title": "R1", "when": {"question": "extra", "equals": true}, "effect": "check", "discuss": "d"}]}
            """)
        let intake = InProcessIntake()
        let relaxed = intake.validate(.init(files: [file, rules]))
        #expect(relaxed.status == 0)
        let strict = intake.validate(.init(files: [file, rules], strict: true))
        #expect(strict.status == 1)
        for expected in [
            "w.json:4:13: warning: $.nodes[0].next[0].when: this condition can never hold, so the branch to 'extra' is never taken",
            "warning: $.nodes[1].next[0].when: the condition reads 'later', which no route to 'area' asks before it",
            "warning: $.nodes[1].options[1]: the name 'top' is used by both 'Neck' and 'Back'",
            "warning: $.nodes[1].options[1]: '1' (of 'Back') is also the number of option 1 ('Neck')",
            "warning: $.nodes[1].text: the question is 91 columns wide: it does not fit an 80-column terminal line",
            "warning: $.nodes[3]: 'extra' can only be reached through branches that are never taken",
            "w.rules.json:3:12: warning: $.rules[0].when: rule 'r1' reads 'extra', which no route of w asks",
        ] {
            #expect(strict.output.contains(expected), "missing: \(expected)\n\(strict.output)")
        }
        let json = intake.validate(.init(files: [file], json: true))
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(object?["warnings"] as? Int == 6)
        let first = ((object?["files"] as? [[String: Any]])?.first?["warnings"] as? [[String: Any]])?.first
        #expect(first?["line"] as? Int == 4)
        #expect(first?["column"] as? Int == 13)
        #expect(first?["path"] as? String == "$.nodes[0].next[0].when")
    }

    @Test func errorsExitTwoAndEveryFileIsChecked() throws {
        let folder = try TemporaryFolder()
        let broken = try folder.file("broken.json", #"{"id": "b", "version": "1", "title": "B", "start": "a", "nodes": [{"id": "a", "kind": "yesno", "text": "A?", "next": "a"}]}"#)
        let syntax = try folder.file("syntax.json", "{\n  \"id\": \n}")
        let other = try folder.file("other.json", #"{"hello": "world"}"#)
        let result = InProcessIntake().validate(.init(files: [broken, syntax, other, Self.shipped[0]]))
        #expect(result.status == 2)
        #expect(result.output.contains("broken.json:1:67: $.nodes[0]: the flow goes round in a loop (a → a)"))
        #expect(result.output.contains("syntax.json:3:1: unexpected '}': expected a value"))
        #expect(result.output.contains("other.json: $: not a questionnaire"))
        #expect(result.output.contains("massage-intake.json: questionnaire, ok"), "a bad file does not stop the others")
    }

    /// A slip in the key that names the file's kind ("node" for "nodes") is
    /// named as the slip it is, as run names it, not "not a questionnaire".
    @Test func aMisspeltNodesKeyIsNamed() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("typo.json", #"{"id": "t", "version": "1", "title": "T", "start": "a", "node": [{"id": "a", "kind": "info", "text": "Hi"}]}"#)
        let result = InProcessIntake().validate(.init(files: [file]))
        #expect(result.status == 2)
        #expect(result.output.contains("$.node: unknown key 'node' in a questionnaire (did you mean 'nodes'?)"), "\(result.output)\(result.error)")
    }

    @Test func graphDrawsEveryNodeWithConditionsAndUrgentExits() throws {
        let intake = InProcessIntake()
        let dot = intake.graph(format: .dot)
        #expect(dot.status == 0)
        #expect(dot.output.hasPrefix("digraph \"massage-intake\" {"))
        #expect(dot.output.contains(#""red_flags" -> "urgent_stop" [label="red_flags has any of\nbladder-bowel-change,\nsaddle-numbness,"#))
        #expect(dot.output.contains(##"color="#b3261e", fontcolor="#b3261e", penwidth=2]"##))
        #expect(dot.output.contains("\"pain_locations\" -> \"pain_primary\" [label=\"pain_locations count ≥ 2\"]"))
        for id in ["welcome", "age_band", "pss_4", "finish", "urgent_stop_emergency"] {
            #expect(dot.output.contains("  \"\(id)\" ["), "\(id)")
        }
        // Graphviz itself must accept it.
        let svg = try Self.pipe(dot.output, through: ["dot", "-Tsvg"])
        #expect(svg.contains("<svg"))

        let mermaid = intake.graph(format: .mermaid)
        #expect(mermaid.output.hasPrefix("flowchart TD\n"))
        #expect(mermaid.output.contains("classDef urgent"))
        #expect(mermaid.output.contains("==>|\"red_flags has"))
    }

    @Test func theCommittedPicturesMatchTheQuestionnaire() throws {
        let intake = InProcessIntake()
        let committed = Fixtures.text("Questionnaires/massage-intake.dot")
        let dot = intake.graph(format: .dot)
        #expect(committed == dot.output, "regenerate with: intake graph --format dot > Questionnaires/massage-intake.dot && dot -Tsvg ... (see Questionnaires/README.md)")
        let svg = Fixtures.text("Questionnaires/massage-intake.svg")
        #expect(svg.contains("<svg") && svg.contains("urgent_stop"))
        let readme = Fixtures.text("README.md")
        let mermaid = intake.graph(format: .mermaid)
        #expect(readme.contains("```mermaid\n" + mermaid.output + "```"), "the README's flow chart is out of date")
    }

    @Test func validateScalesToTenThousandNodes() throws {
        let folder = try TemporaryFolder()
        let json = try Self.pipe("", through: ["python3", Fixtures.path("Benchmarks/generate-questionnaire.py"), "10000"])
        let file = try folder.file("synthetic.json", json)
        let result = InProcessIntake().validate(.init(files: [file], json: true))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let statistics = ((object?["files"] as? [[String: Any]])?.first?["statistics"]) as? [String: Any]
        #expect(statistics?["nodes"] as? Int == 10000)
        #expect((statistics?["paths"] as? String)?.hasPrefix("about ") == true, "far too many routes to enumerate")
    }

    /// Runs a program that is not intake (Graphviz, Python) with `input`.
    static func pipe(_ input: String, through command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
