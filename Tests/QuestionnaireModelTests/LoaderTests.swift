import Foundation
import Testing
@testable import QuestionnaireModel

/// A small valid questionnaire, varied by replacing its parts, so each test
/// shows exactly the defect it is about.
func questionnaireJSON(nodes: String, start: String = "q1", extra: String = "") -> String {
    """
    {
      "id": "test", "version": "1", "title": "Test",\(extra)
      "start": "\(start)",
      "nodes": [
    \(nodes)
      ]
    }
    """
}

let validNodes = """
    {"id": "q1", "kind": "single", "text": "Pick", "options": [{"code": "a", "label": "Apple"}, {"code": "b", "label": "Banana"}],
     "next": [{"when": {"question": "q1", "equals": "a"}, "goto": "q2"}, {"goto": "q3"}]},
    {"id": "q2", "kind": "scale", "min": 0, "max": 10, "text": "How much?", "next": "q3"},
    {"id": "q3", "kind": "info", "text": "Thanks"}
    """

func diagnostics(_ json: String) -> [String] {
    do {
        _ = try QuestionnaireLoader.load(Array(json.utf8), file: "t.json")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

@Suite("Questionnaire loading and checks")
struct LoaderTests {
    @Test func loadsAValidQuestionnaire() throws {
        let loaded = try QuestionnaireLoader.load(Array(questionnaireJSON(nodes: validNodes).utf8), file: "t.json")
        #expect(loaded.questionnaire.nodes.map(\.id) == ["q1", "q2", "q3"])
        #expect(loaded.warnings.isEmpty)
        guard case .branches(let branches) = loaded.questionnaire.node("q1")?.next else {
            Issue.record("q1 should branch")
            return
        }
        #expect(branches.count == 2)
        #expect(branches[0].condition == .test(.question("q1"), .equals(.code("a"))))
        #expect(branches[1].condition == nil)
    }

    /// An editor using the schema accepts 10.0 and 1e1 as whole numbers, so
    /// intake does too; 10.5 is still refused.
    @Test func wholeNumbersMayBeWrittenWithAFractionOrExponent() throws {
        let nodes = validNodes.replacingOccurrences(of: #""min": 0, "max": 10"#, with: #""min": 0.0, "max": 1e1"#)
        let loaded = try QuestionnaireLoader.load(Array(questionnaireJSON(nodes: nodes).utf8), file: "t.json")
        guard case .scale(let min, let max, _, _)? = loaded.questionnaire.node("q2")?.spec else {
            Issue.record("q2 should be a scale")
            return
        }
        #expect(min == 0 && max == 10)
        let half = validNodes.replacingOccurrences(of: #""max": 10"#, with: #""max": 10.5"#)
        #expect(diagnostics(questionnaireJSON(nodes: half)).first?.contains("$.nodes[1].max: 'max' must be a whole number, found a number") == true)
    }

    /// Text is printed to whoever uses intake: a terminal control code in a
    /// questionnaire is refused where it is, not passed to the screen.
    @Test func terminalControlCodesInTextAreRefused() {
        let cases: [(String, String, String)] = [
            (#""text": "Thanks""#, #""text": "Thanks\u001b[2J""#, "$.nodes[2].text: the text holds the control character U+001B"),
            (#""label": "Apple""#, #""label": "Apple\u202e""#, "$.nodes[0].options[0].label: the text holds the control character U+202E"),
            (#""text": "Pick""#, #""text": "Pick\u009b31m""#, "$.nodes[0].text: the text holds the control character U+009B"),
        ]
        for (plain, crafted, message) in cases {
            let found = diagnostics(questionnaireJSON(nodes: validNodes.replacingOccurrences(of: plain, with: crafted)))
            #expect(found.contains { $0.contains(message) && $0.hasPrefix("t.json:") }, "\(found)")
        }
        // Line breaks and tabs are text.
        #expect(diagnostics(questionnaireJSON(nodes: validNodes.replacingOccurrences(of: #""text": "Thanks""#, with: #""text": "Thanks\n\tmore""#))).isEmpty)
    }

    @Test func syntaxErrorNamesFileLineAndColumn() {
        let found = diagnostics("{\n  \"id\": \"x\",\n  \"title\" \"T\"\n}")
        #expect(found == ["t.json:3:11: unexpected '\"': expected ':' after the key \"title\""])
    }

    @Test func unknownNodeInNextIsReportedWithPathAndSuggestion() {
        let nodes = validNodes.replacingOccurrences(of: "\"next\": \"q3\"", with: "\"next\": \"q4\"")
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.count == 1)
        #expect(found.first?.contains("$.nodes[1].next: 'next' names a node 'q4' that does not exist (did you mean 'q1'?)") == true
            || found.first?.contains("$.nodes[1].next: 'next' names a node 'q4' that does not exist") == true)
        #expect(found.first?.hasPrefix("t.json:7:") == true, "\(found)")
    }

    @Test func duplicateNodeIds() {
        let nodes = validNodes + ",\n{\"id\": \"q2\", \"kind\": \"info\", \"text\": \"again\"}"
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.contains { $0.contains("$.nodes[3].id: the node id 'q2' is used twice (first at $.nodes[1])") })
    }

    @Test func cyclesAreRefusedWithTheLoopNamed() {
        let nodes = validNodes.replacingOccurrences(of: "{\"id\": \"q3\", \"kind\": \"info\", \"text\": \"Thanks\"}",
                                                    with: "{\"id\": \"q3\", \"kind\": \"info\", \"text\": \"Thanks\", \"next\": \"q1\"}")
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.count == 1)
        #expect(found.first?.contains("the flow goes round in a loop") == true)
        #expect(found.first?.contains("q1 → q2 → q3 → q1") == true || found.first?.contains("q1 → q3 → q1") == true)
    }

    @Test func unreachableNodes() {
        let nodes = validNodes + ",\n{\"id\": \"orphan\", \"kind\": \"yesno\", \"text\": \"?\"}"
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found == ["t.json:9:1: $.nodes[3]: the node 'orphan' can never be reached from the start ('q1'): point a 'next' at it, or remove it"])
    }

    @Test func startNodeMustExist() {
        let found = diagnostics(questionnaireJSON(nodes: validNodes, start: "q0"))
        #expect(found.contains { $0.contains("$.start: the start node 'q0' does not exist (did you mean 'q1'?)") })
    }

    @Test func everyPathMustEnd() {
        let nodes = validNodes.replacingOccurrences(of: ", {\"goto\": \"q3\"}]", with: "]")
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.contains { $0.contains("$.nodes[0].next[0]: the last branch needs no 'when'") })
    }

    @Test func unconditionalBranchMustBeLast() {
        let nodes = validNodes.replacingOccurrences(of: "[{\"when\": {\"question\": \"q1\", \"equals\": \"a\"}, \"goto\": \"q2\"}, {\"goto\": \"q3\"}]",
                                                    with: "[{\"goto\": \"q2\"}, {\"goto\": \"q3\"}]")
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.contains { $0.contains("$.nodes[0].next[0]: only the last branch may leave out 'when'") })
    }

    @Test func conditionComparingWithAnOptionThatDoesNotExist() {
        let nodes = validNodes.replacingOccurrences(of: "\"equals\": \"a\"", with: "\"equals\": \"cherry\"")
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found == ["t.json:6:49: $.nodes[0].next[0].when.equals: 'q1' has no option 'cherry': its options are a, b"])
    }

    @Test func conditionWithATypeTheAnswerCannotHave() {
        let scaleAsCode = validNodes.replacingOccurrences(of: "{\"question\": \"q1\", \"equals\": \"a\"}", with: "{\"question\": \"q1\", \"gte\": 3}")
        #expect(diagnostics(questionnaireJSON(nodes: scaleAsCode)).first?.contains("'q1' has a single-choice answer: test it with equals, in, answered, not 'gte'") == true)

        let multi = """
            {"id": "q1", "kind": "multi", "text": "Pick", "options": [{"code": "a", "label": "A"}, {"code": "none", "label": "None"}],
             "next": [{"when": {"question": "q1", "lt": 2}, "goto": "q2"}, {"goto": "q2"}]},
            {"id": "q2", "kind": "info", "text": "Thanks"}
            """
        #expect(diagnostics(questionnaireJSON(nodes: multi)).first?.contains("'q1' has a multiple-choice answer: test it with includes, includesAny, includesAll, count, answered, not 'lt'") == true)

        let numberAsString = validNodes.replacingOccurrences(of: "\"next\": \"q3\"}", with: "\"next\": [{\"when\": {\"question\": \"q2\", \"gte\": \"seven\"}, \"goto\": \"q3\"}, {\"goto\": \"q3\"}]}")
        #expect(diagnostics(questionnaireJSON(nodes: numberAsString)).first?.contains("'q2' is a number and is compared with numbers, found a string") == true)

        let info = validNodes.replacingOccurrences(of: "{\"question\": \"q1\", \"equals\": \"a\"}", with: "{\"question\": \"q3\", \"answered\": true}")
        #expect(diagnostics(questionnaireJSON(nodes: info)).first?.contains("'q3' is an information step and has no answer to test") == true)
    }

    @Test func conditionReadingAQuestionThatDoesNotExist() {
        let nodes = validNodes.replacingOccurrences(of: "{\"question\": \"q1\", \"equals\": \"a\"}", with: "{\"question\": \"q7\", \"equals\": \"a\"}")
        #expect(diagnostics(questionnaireJSON(nodes: nodes)).first?.contains("$.nodes[0].next[0].when.question: there is no question 'q7'") == true)
    }

    @Test func malformedConditions() {
        for (condition, expected) in [
            ("{\"question\": \"q1\", \"equal\": \"a\"}", "unknown test 'equal' (did you mean 'equals'?)"),
            ("{\"question\": \"q1\"}", "needs one of equals"),
            ("{\"question\": \"q1\", \"equals\": \"a\", \"in\": [\"b\"]}", "use one per object"),
            ("{\"all\": {\"question\": \"q1\", \"equals\": \"a\"}}", "'all' takes a list of conditions"),
            ("{\"value\": \"peg\", \"gte\": 7}", "unknown key 'value' in a condition"),
            ("\"q1 == a\"", "a condition must be an object"),
        ] {
            let nodes = validNodes.replacingOccurrences(of: "{\"question\": \"q1\", \"equals\": \"a\"}", with: condition)
            let found = diagnostics(questionnaireJSON(nodes: nodes))
            #expect(found.first?.contains(expected) == true, "\(condition) gave \(found)")
        }
    }

    @Test func unknownKindsAndKeysGetSuggestions() {
        let nodes = validNodes.replacingOccurrences(of: "\"kind\": \"scale\"", with: "\"kind\": \"scael\"")
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.contains { $0.contains("$.nodes[1].kind: unknown kind 'scael' (did you mean 'scale'?)") }, "\(found)")

        let typo = validNodes.replacingOccurrences(of: "\"text\": \"How much?\"", with: "\"text\": \"How much?\", \"requried\": false")
        #expect(diagnostics(questionnaireJSON(nodes: typo)).first?.contains("$.nodes[1].requried: unknown key 'requried' in a node (did you mean 'required'?)") == true)

        let misplaced = validNodes.replacingOccurrences(of: "\"text\": \"How much?\"", with: "\"text\": \"How much?\", \"options\": []")
        #expect(diagnostics(questionnaireJSON(nodes: misplaced)).first?.contains("'options' is not used by a scale node") == true)
    }

    @Test func fieldProblems() {
        for (from, to, expected) in [
            ("\"min\": 0, \"max\": 10", "\"min\": 10, \"max\": 0", "'min' (10) must be below 'max' (0)"),
            ("\"min\": 0, \"max\": 10", "\"max\": 10", "a scale needs whole-number 'min' and 'max'"),
            ("\"text\": \"How much?\"", "\"text\": 7", "'text' must be a string"),
            ("{\"code\": \"b\", \"label\": \"Banana\"}", "{\"code\": \"a\", \"label\": \"Banana\"}", "the code 'a' is used by two options"),
            ("{\"code\": \"b\", \"label\": \"Banana\"}", "{\"code\": \"B B\", \"label\": \"Banana\"}", "must hold only lower-case letters"),
            ("\"text\": \"How much?\"", "\"text\": \"How much?\", \"default\": \"eleven\"", "the default 'eleven' is not a valid answer"),
        ] {
            let found = diagnostics(questionnaireJSON(nodes: validNodes.replacingOccurrences(of: from, with: to)))
            #expect(found.contains { $0.contains(expected) }, "expected '\(expected)' in \(found)")
        }
    }

    @Test func optionsFromMustNameAnEarlierMultiQuestion() {
        let nodes = """
            {"id": "q1", "kind": "single", "optionsFrom": "q2", "text": "Main?", "next": "q2"},
            {"id": "q2", "kind": "multi", "text": "Which?", "options": [{"code": "a", "label": "A"}]}
            """
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.contains { $0.contains("'optionsFrom' names 'q2', which is never asked before 'q1'") })
    }

    /// Asked before on one route is not enough: on the other the question
    /// would be passed over without a word.
    /// "-5 days" in a condition read as 5 days; a typed answer refuses it.
    @Test func aNegativeDurationInAConditionIsRefused() {
        let nodes = """
            {"id": "q1", "kind": "duration", "text": "How long?", "next": [{"when": {"question": "q1", "gte": "-5 days"}, "goto": "q2"}, {"goto": "q2"}]},
            {"id": "q2", "kind": "info", "text": "Thanks"}
            """
        #expect(diagnostics(questionnaireJSON(nodes: nodes)).contains { $0.contains("$.nodes[0].next[0].when.gte: 'q1' is a duration") })
        #expect(diagnostics(questionnaireJSON(nodes: nodes.replacingOccurrences(of: "-5 days", with: "5 days"))) == [])
    }

    /// An urgent stop is an information step that ends the interview.
    @Test func urgentMarksOnlyAnInformationStepWithoutNext() {
        let onQuestion = validNodes.replacingOccurrences(of: #""kind": "scale", "min": 0"#, with: #""kind": "scale", "urgent": true, "min": 0"#)
        #expect(diagnostics(questionnaireJSON(nodes: onQuestion)).contains { $0.contains("$.nodes[1].urgent: only an information step can be an urgent stop") })
        let withNext = validNodes.replacingOccurrences(of: #"{"id": "q3", "kind": "info", "text": "Thanks"}"#, with: #"{"id": "q3", "kind": "info", "text": "Thanks", "urgent": true}"#)
        #expect(diagnostics(questionnaireJSON(nodes: withNext)) == [])
        let carriesOn = validNodes
            .replacingOccurrences(of: #""next": "q3"}"#, with: #""next": "q4"}, {"id": "q4", "kind": "info", "text": "Stop", "urgent": true, "next": "q3"}"#)
        #expect(diagnostics(questionnaireJSON(nodes: carriesOn)).contains { $0.contains("$.nodes[2].next: an urgent stop ends the interview, so it has no 'next'") })
    }

    @Test func confirmOnlyOnAnUrgentStop() throws {
        let urgent = validNodes.replacingOccurrences(of: #"{"id": "q3", "kind": "info", "text": "Thanks"}"#, with: #"{"id": "q3", "kind": "info", "text": "Thanks", "urgent": true, "confirm": true}"#)
        let loaded = try QuestionnaireLoader.load(Array(questionnaireJSON(nodes: urgent).utf8), file: "t.json")
        #expect(loaded.questionnaire.node("q3")?.confirm == true)
        #expect(loaded.questionnaire.node("q2")?.confirm == false)
        let notUrgent = validNodes.replacingOccurrences(of: #"{"id": "q3", "kind": "info", "text": "Thanks"}"#, with: #"{"id": "q3", "kind": "info", "text": "Thanks", "confirm": true}"#)
        #expect(diagnostics(questionnaireJSON(nodes: notUrgent)) == [
            #"t.json:8:59: $.nodes[2].confirm: 'confirm' belongs on an urgent stop (an info node with "urgent": true): it reads back the answer that leads there before the interview ends"#,
        ])
    }

    @Test func optionRangesAreTwoNumbersLowestFirst() throws {
        func with(_ ranges: String) -> String {
            questionnaireJSON(nodes: validNodes.replacingOccurrences(of: #"{"code": "a", "label": "Apple"}, {"code": "b", "label": "Banana"}"#, with: ranges))
        }
        let good = try QuestionnaireLoader.load(Array(with(#"{"code": "a", "label": "Apple", "range": [0, 17]}, {"code": "b", "label": "Banana", "range": [18, 50.5]}"#).utf8), file: "t.json")
        #expect(good.warnings.isEmpty)
        guard case .single(.fixed(let options))? = good.questionnaire.node("q1")?.spec else {
            Issue.record("q1 is a single choice")
            return
        }
        #expect(options.map(\.range) == [0...17, 18...50.5])
        #expect(diagnostics(with(#"{"code": "a", "label": "Apple", "range": [50, 18]}, {"code": "b", "label": "Banana"}"#)).first?.hasSuffix("$.nodes[0].options[0].range: 'range' goes from 50 down to 18: write the lowest number first") == true)
        #expect(diagnostics(with(#"{"code": "a", "label": "Apple", "range": [1]}, {"code": "b", "label": "Banana"}"#)).first?.hasSuffix("'range' must be two numbers, the lowest and the highest the option stands for, such as [18, 50]") == true)
        let overlapping = try QuestionnaireLoader.load(Array(with(#"{"code": "a", "label": "Apple", "range": [0, 20]}, {"code": "b", "label": "Banana", "range": [18, 50]}"#).utf8), file: "t.json")
        #expect(overlapping.warnings.map(\.message) == ["the ranges of 'a' and 'b' overlap: a number in both is asked about, not picked"])
    }

    /// A scale's words: one per number, all different, none a number; a
    /// person may type them (or their start) instead of the number.
    @Test func scalePointsAreCheckedAndAccepted() throws {
        let words = #""min": 0, "max": 2, "points": ["never", "sometimes", "very often"]"#
        let nodes = validNodes.replacingOccurrences(of: #""min": 0, "max": 10"#, with: words)
        let loaded = try QuestionnaireLoader.load(Array(questionnaireJSON(nodes: nodes).utf8), file: "t.json")
        let node = try #require(loaded.questionnaire.node("q2"))
        #expect(node.parse("sometimes", options: []) == .success(.integer(1)))
        #expect(node.parse("Very", options: []) == .success(.integer(2)))
        #expect(node.parse("2", options: []) == .success(.integer(2)))
        #expect(loaded.questionnaire.describe(.integer(1), at: node) == "1 out of 2 (sometimes)")
        guard case .failure(let refused) = node.parse("often", options: []) else {
            Issue.record("'often' is no point's start")
            return
        }
        #expect(refused.message == "I couldn't read 'often' as a number or as the words of one: enter a whole number from 0 to 2, or its words ('never', 'sometimes', 'very often').")
        let short = validNodes.replacingOccurrences(of: #""min": 0, "max": 10"#, with: #""min": 0, "max": 2, "points": ["never", "always"]"#)
        #expect(diagnostics(questionnaireJSON(nodes: short)).contains { $0.contains("$.nodes[1].points: 'points' needs one word for each number from 0 to 2 (3), found 2") })
        let twice = validNodes.replacingOccurrences(of: #""min": 0, "max": 10"#, with: #""min": 0, "max": 1, "points": ["Never", "never"]"#)
        #expect(diagnostics(questionnaireJSON(nodes: twice)).contains { $0.contains("$.nodes[1].points[1]: the words 'never' are given for two numbers") })
        let onChoice = validNodes.replacingOccurrences(of: #""text": "Pick", "options""#, with: #""text": "Pick", "points": ["a"], "options""#)
        #expect(!diagnostics(questionnaireJSON(nodes: onChoice)).isEmpty)
    }

    /// 45 Korean syllables are 90 columns: too wide, though 45 characters.
    @Test func wideTextIsMeasuredInColumns() throws {
        let wide = String(repeating: "통", count: 45)
        let nodes = validNodes.replacingOccurrences(of: #""text": "How much?""#, with: #""text": "\#(wide)""#)
        let loaded = try QuestionnaireLoader.load(Array(questionnaireJSON(nodes: nodes).utf8), file: "t.json")
        let review = FlowReview(loaded.questionnaire, log: DiagnosticLog(file: "t.json", source: SourceText(Array(questionnaireJSON(nodes: nodes).utf8))))
        #expect(review.warnings.contains { $0.message.hasPrefix("the question is 90 columns wide") }, "\(review.warnings)")
    }

    @Test func optionsFromMustBeAskedOnEveryRoute() {
        let nodes = """
            {"id": "q1", "kind": "yesno", "text": "Any pain?", "next": [{"when": {"question": "q1", "equals": true}, "goto": "q2"}, {"goto": "q3"}]},
            {"id": "q2", "kind": "multi", "text": "Where?", "options": [{"code": "a", "label": "A"}, {"code": "b", "label": "B"}], "next": "q3"},
            {"id": "q3", "kind": "single", "optionsFrom": "q2", "text": "Main?"}
            """
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found == ["t.json:7:1: $.nodes[2].optionsFrom: 'optionsFrom' names 'q2', which some routes to 'q3' do not ask: the options must come from a question asked on every route here"])
        // Through q2 on every route, it loads.
        let always = nodes.replacingOccurrences(of: #"{"goto": "q3"}]"#, with: #"{"goto": "q2"}]"#)
        #expect(diagnostics(questionnaireJSON(nodes: always)) == [])
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let nodes = """
            {"id": "q1", "kind": "singel", "text": "A"},
            {"id": "q2", "kind": "scale", "text": "B"},
            {"id": "q3", "text": "C"}
            """
        let found = diagnostics(questionnaireJSON(nodes: nodes))
        #expect(found.count == 3, "\(found)")
    }
}
