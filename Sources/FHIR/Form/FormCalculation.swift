import QuestionnaireModel
import Synchronization

/// A form's SDC expressions, run over the answers so far: `variable`s,
/// `calculatedExpression`, `enableWhenExpression` and `initialExpression`,
/// and the values of items no one is asked (calculated, hidden, read-only
/// with an `initial`). The interview reads them through `ComputedValues`.
struct FormCalculation: ComputedValues {
    let resource: JSONValue
    let tree: [FHIRItem]
    let items: [FHIRItem]
    /// `items` by linkId (the first of a linkId used twice).
    let itemsByLinkId: [String: FHIRItem]
    /// Every expression that parsed, by its text.
    let parsed: [String: FHIRPathExpression]
    /// Form-level variables in order.
    let formVariables: [(name: String, expression: String)]
    /// For each item, the items around it, outermost first (for variables in scope).
    let ancestors: [String: [String]]
    /// The date for `today()`.
    var today: CalendarDate? {
        didSet { memo = Memo() }
    }
    /// What was worked out for recent answers: routes ask the same
    /// answers many times over while the interview counts what is left.
    private(set) var memo = Memo()

    /// Responses and variables by the answers they were made from.
    final class Memo: Sendable {
        struct State: Sendable {
            var computed: [String: ComputedAnswer]
            var response: JSONValue
            var environment: FHIRPathEnvironment
        }

        let states = Mutex<[[String: AnswerValue]: State]>([:])
    }

    typealias ComputedAnswer = (value: AnswerValue?, answers: [JSONValue])

    /// Names every expression may read besides the variables in scope.
    static let environmentNames: Set<String> = ["resource", "context", "questionnaire", "qitem", "rootResource", "sct", "loinc", "ucum", "factory"]

    init(form: FHIRForm, log: inout DiagnosticLog) {
        resource = form.resource
        tree = form.items
        items = form.allItems
        itemsByLinkId = Dictionary(form.allItems.map { ($0.linkId, $0) }, uniquingKeysWith: { first, _ in first })
        formVariables = (form.resource["extension"]?.arrayValue ?? []).filter { $0["url"]?.stringValue == FHIRExtension.variable }.compactMap { variable in
            guard let name = variable["valueExpression"]?["name"]?.stringValue, let text = variable["valueExpression"]?["expression"]?.stringValue else { return nil }
            return (name, text)
        }
        var ancestors: [String: [String]] = [:]
        func visit(_ list: [FHIRItem], above: [String]) {
            for item in list {
                ancestors[item.linkId] = above
                visit(item.children, above: above + [item.linkId])
            }
        }
        visit(form.items, above: [])
        self.ancestors = ancestors

        // Every expression is parsed once and checked for what intake
        // cannot run, each problem reported with where the expression is.
        var parsed: [String: FHIRPathExpression] = [:]
        let variableLanguage = "text/fhirpath"
        var formNames: [String] = []
        for (index, variable) in (form.resource["extension"]?.arrayValue ?? []).enumerated() where variable["url"]?.stringValue == FHIRExtension.variable {
            let expression = variable["valueExpression"]
            let path = JSONPath.root.appending("extension").appending(index)
            guard let name = expression?["name"]?.stringValue, let text = expression?["expression"]?.stringValue else { continue }
            if let language = expression?["language"]?.stringValue, language != variableLanguage {
                log.warning("the variable '\(name)' is written in \(language), not FHIRPath: intake does not run it, and expressions reading %\(name) see no value", at: variable, path: path)
                continue
            }
            if let tree = Self.check(text, known: Set(formNames), what: "the variable '\(name)' (\(Self.quoted(text)))", consequence: "expressions reading %\(name) see no value", at: variable, path: path, log: &log) {
                parsed[text] = tree
            }
            formNames.append(name)
        }
        for item in form.allItems {
            guard let raw = Self.rawItem(item.path, in: form.resource) else { continue }
            var known = Set(formNames)
            for ancestor in ancestors[item.linkId] ?? [] {
                for variable in itemsByLinkId[ancestor]?.variables ?? [] { known.insert(variable.name) }
            }
            for (index, extensionValue) in (raw["extension"]?.arrayValue ?? []).enumerated() {
                guard let url = extensionValue["url"]?.stringValue, let expression = extensionValue["valueExpression"],
                      let text = expression["expression"]?.stringValue else { continue }
                let path = item.path.appending("extension").appending(index)
                let role: (String, String)
                switch url {
                case FHIRExtension.variable:
                    let name = expression["name"]?.stringValue ?? "?"
                    role = ("the variable '\(name)'", "expressions reading %\(name) see no value")
                case FHIRExtension.calculatedExpression: role = ("the calculatedExpression", "the item gets no computed value")
                case FHIRExtension.enableWhenExpression: role = ("the enableWhenExpression", "the item is asked as if the expression were not there")
                case FHIRExtension.initialExpression: role = ("the initialExpression", "the item has no default from it")
                default: continue
                }
                if let language = expression["language"]?.stringValue, language != variableLanguage {
                    log.warning("item '\(item.linkId)': \(role.0) is written in \(language), not FHIRPath: \(role.1)", at: extensionValue, path: path)
                    continue
                }
                if let tree = Self.check(text, known: known, what: "item '\(item.linkId)': \(role.0) \(Self.quoted(text))", consequence: role.1, at: extensionValue, path: path, log: &log) {
                    parsed[text] = tree
                }
                if url == FHIRExtension.variable, let name = expression["name"]?.stringValue { known.insert(name) }
            }
        }
        self.parsed = parsed
    }

    static func quoted(_ text: String) -> String {
        "\"" + (text.count > 200 ? String(text.prefix(200)) + "…" : text) + "\""
    }

    static func rawItem(_ path: JSONPath, in resource: JSONValue) -> JSONValue? {
        var value: JSONValue? = resource
        for component in path.components {
            switch component {
            case .key(let key): value = value?[key]
            case .index(let index): value = value?.arrayValue?[safe: index]
            }
        }
        return value
    }

    /// The parsed expression, or nil after reporting what intake cannot run
    /// in it: a syntax error, a function it lacks, a variable nothing defines.
    static func check(_ text: String, known: Set<String>, what: String, consequence: String, at value: JSONValue, path: JSONPath, log: inout DiagnosticLog) -> FHIRPathExpression? {
        let tree: FHIRPathExpression
        do {
            tree = try FHIRPathParser.parse(text)
        } catch {
            log.warning("\(what) is not FHIRPath intake can read (\(error.message)): \(consequence)", at: value, path: path)
            return nil
        }
        var problems: [String] = []
        visit(tree) { node in
            switch node {
            case .function(_, let name, _, _) where !FHIRPathEvaluator.supportedFunctions.contains(name):
                problems.append("the function \(name)() is not supported")
            case .variable(let name, _) where !known.contains(name) && !environmentNames.contains(name):
                var problem = "%\(name) is not defined"
                if let longer = known.first(where: { $0.hasPrefix(name + "-") }) {
                    problem += " (FHIRPath reads %\(longer) as %\(name) minus \(longer.dropFirst(name.count + 1)): write %`\(longer)`)"
                }
                problems.append(problem)
            default:
                break
            }
        }
        guard problems.isEmpty else {
            log.warning("\(what) cannot be evaluated: \(problems.joined(separator: "; ")): \(consequence)", at: value, path: path)
            return nil
        }
        return tree
    }

    static func visit(_ expression: FHIRPathExpression, _ body: (FHIRPathExpression) -> Void) {
        body(expression)
        switch expression {
        case .literal, .emptySet, .variable, .special: break
        case .member(let base, _): if let base { visit(base, body) }
        case .function(let base, _, let arguments, _):
            if let base { visit(base, body) }
            for argument in arguments { visit(argument, body) }
        case .index(let base, let index): visit(base, body); visit(index, body)
        case .unary(_, let operand): visit(operand, body)
        case .binary(_, let left, let right): visit(left, body); visit(right, body)
        case .typeTest(_, let operand, _): visit(operand, body)
        }
    }

    // MARK: - Computing

    func lookup(_ name: String, answers: [String: Answer]) -> Lookup {
        let prefix = "enableWhenExpression:"
        if name.hasPrefix(prefix) {
            let linkId = String(name.dropFirst(prefix.count))
            guard let item = itemsByLinkId[linkId], let text = item.enableWhenExpression, let tree = parsed[text] else {
                return .value(.yesNo(true))
            }
            let state = self.state(answers)
            guard let result = try? evaluate(tree, at: item, response: state.response, base: state.environment) else { return .value(.yesNo(true)) }
            return .value(.yesNo((try? FHIRPathEvaluator.truth(result, what: "the result")) == true))
        }
        guard let value = state(answers).computed[name]?.value else { return .absent }
        return .value(value)
    }

    /// The response, computed values and form variables for `answers`, worked out once.
    func state(_ answers: [String: Answer]) -> Memo.State {
        let key = answers.mapValues(\.value)
        if let known = memo.states.withLock({ $0[key] }) { return known }
        let computed = computedAnswers(answers: answers)
        let response = self.response(answers: answers, computed: computed)
        let state = Memo.State(computed: computed, response: response, environment: environment(at: nil, response: response))
        memo.states.withLock { states in
            if states.count > 64 { states.removeAll() }
            states[key] = state
        }
        return state
    }

    /// The values of the items no node asks, worked out in document order
    /// (twice, so an item computed from a later one sees it).
    func computedAnswers(answers: [String: Answer]) -> [String: ComputedAnswer] {
        var computed: [String: ComputedAnswer] = [:]
        let candidates = items.filter { $0.isQuestion && $0.nodeID == nil }
        guard !candidates.isEmpty else { return [:] }
        for _ in 0..<2 {
            for item in candidates {
                if let text = item.calculatedExpression {
                    guard let tree = parsed[text] else { continue }
                    let response = response(answers: answers, computed: computed)
                    guard let result = try? evaluate(tree, at: item, response: response) else { continue }
                    computed[item.linkId] = AnswerConversion.computed(result, item: item)
                } else if !item.initial.isEmpty {
                    computed[item.linkId] = (AnswerConversion.answerValue(item.initial, item: item), item.initial)
                } else if let text = item.initialExpression, let tree = parsed[text] {
                    guard let result = try? evaluate(tree, at: item, response: response(answers: answers, computed: computed)) else { continue }
                    computed[item.linkId] = AnswerConversion.computed(result, item: item)
                }
            }
        }
        return computed
    }

    /// The response the answers make, as the expressions see it.
    func response(answers: [String: Answer], computed: [String: (value: AnswerValue?, answers: [JSONValue])]? = nil) -> JSONValue {
        let computed = computed ?? computedAnswers(answers: answers)
        var byLinkId: [String: [JSONValue]] = [:]
        for item in items {
            if let node = item.nodeID, item.isQuestion, let answer = answers[node] {
                byLinkId[item.linkId] = AnswerConversion.fhirAnswers(answer.value, item: item, offsetMinutes: 0)
            } else if let found = computed[item.linkId], !found.answers.isEmpty {
                byLinkId[item.linkId] = found.answers
            }
        }
        var object = JSONObject()
        object.set("resourceType", .string("QuestionnaireResponse"))
        object.set("status", .string("in-progress"))
        object.set("item", .array(ResponseTree.items(tree, answers: byLinkId)))
        return .object(object)
    }

    /// Runs an expression of `item` with the variables in scope there.
    func evaluate(_ tree: FHIRPathExpression, at item: FHIRItem?, response: JSONValue, base: FHIRPathEnvironment? = nil) throws(FHIRPathError) -> [FHIRPathValue] {
        let root = FHIRPathValue.element(response, type: "QuestionnaireResponse", linkId: nil)
        return try FHIRPathEvaluator(environment: environment(at: item, response: response, base: base)).evaluate(tree, input: [root])
    }

    /// What an expression of `item` can read: `%resource`, `%context`,
    /// `%questionnaire`, and the form's and enclosing items' variables, each
    /// worked out in order so a variable can read the ones before it.
    func environment(at item: FHIRItem?, response: JSONValue, base: FHIRPathEnvironment? = nil) -> FHIRPathEnvironment {
        let root = FHIRPathValue.element(response, type: "QuestionnaireResponse", linkId: nil)
        let context = item.flatMap { ResponseTree.find($0.linkId, in: response) } ?? item.map { JSONValue.object(["linkId": .string($0.linkId)]) } ?? response
        let evaluator = { (environment: FHIRPathEnvironment) in FHIRPathEvaluator(environment: environment) }
        var environment: FHIRPathEnvironment
        if let base {
            environment = base
        } else {
            environment = FHIRPathEnvironment(questionnaire: resource, today: today)
            environment.variables["resource"] = [root]
            environment.variables["rootResource"] = [root]
            environment.variables["questionnaire"] = [.element(resource, type: "Questionnaire", linkId: nil)]
            environment.variables["context"] = [.element(response, type: nil, linkId: nil)]
            for variable in formVariables {
                guard let parsedVariable = parsed[variable.expression] else { continue }
                environment.variables[variable.name] = (try? evaluator(environment).evaluate(parsedVariable, input: [root])) ?? []
            }
        }
        environment.variables["context"] = [.element(context, type: nil, linkId: item?.linkId)]
        if let item {
            let scope = (ancestors[item.linkId] ?? []) + [item.linkId]
            for linkId in scope {
                guard let owner = itemsByLinkId[linkId] else { continue }
                let ownerContext = ResponseTree.find(linkId, in: response) ?? .object(["linkId": .string(linkId)])
                for variable in owner.variables {
                    guard let parsedVariable = parsed[variable.expression] else { continue }
                    var scoped = environment
                    scoped.variables["context"] = [.element(ownerContext, type: nil, linkId: linkId)]
                    environment.variables[variable.name] = (try? evaluator(scoped).evaluate(parsedVariable, input: [root])) ?? []
                }
            }
        }
        return environment
    }
}

/// The item tree of a QuestionnaireResponse, mirroring the form's groups.
enum ResponseTree {
    /// Response items for `items`: a group when something under it has an
    /// answer, a question when it has answers (its children nested under
    /// its first answer, as FHIR wants), nothing for display items.
    static func items(_ items: [FHIRItem], answers: [String: [JSONValue]]) -> [JSONValue] {
        var result: [JSONValue] = []
        for item in items {
            switch item.type {
            case .display:
                continue
            case .group:
                let children = Self.items(item.children, answers: answers)
                guard !children.isEmpty else { continue }
                var object = JSONObject()
                object.set("linkId", .string(item.linkId))
                if let text = item.text { object.set("text", .string(text)) }
                object.set("item", .array(children))
                result.append(.object(object))
            default:
                guard var given = answers[item.linkId], !given.isEmpty else { continue }
                let nested = Self.items(item.children, answers: answers)
                if !nested.isEmpty, var first = given[0].objectValue {
                    first.set("item", .array(nested))
                    given[0] = .object(first)
                }
                var object = JSONObject()
                object.set("linkId", .string(item.linkId))
                if let text = item.text { object.set("text", .string(text)) }
                object.set("answer", .array(given))
                result.append(.object(object))
            }
        }
        return result
    }

    /// The response item with `linkId`, at any depth.
    static func find(_ linkId: String, in response: JSONValue) -> JSONValue? {
        for item in response["item"]?.arrayValue ?? [] {
            if item["linkId"]?.stringValue == linkId { return item }
            if let found = find(linkId, in: item) { return found }
            for answer in item["answer"]?.arrayValue ?? [] {
                if let found = find(linkId, in: answer) { return found }
            }
        }
        return nil
    }
}
