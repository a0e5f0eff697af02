import QuestionnaireModel

/// Writes one of intake's own questionnaires as a FHIR R4 Questionnaire
/// (`intake convert FILE --to fhir`).
///
/// Nodes become items in file order. intake's routes become SDC: each node
/// a route can pass by gets a form-level `variable` `reachN` ("the
/// interview reaches node N"), built from the variables of the nodes before
/// it and the conditions of their branches, and the item's
/// `enableWhenExpression` reads it. Each question a condition reads gets a
/// variable `answerN` holding its answers, found once per response rather
/// than once per test. A node reached whenever the one before
/// it is shares that node's variable. Kinds FHIR lacks keep an extension
/// (`urn:intake:fhir:StructureDefinition:node-kind`) so intake reads them
/// back as they were: a scale, a duration, a list of medicines; so does a
/// node's short label for summaries. A hint is a display item under its
/// question, as FHIR renderers show instructions.
public enum FHIRConversion {
    public static let nodeKindExtension = "urn:intake:fhir:StructureDefinition:node-kind"
    public static let urgentExtension = "urn:intake:fhir:StructureDefinition:urgent-stop"
    /// A question's short name in summaries and reasons ("Age group").
    public static let labelExtension = "urn:intake:fhir:StructureDefinition:label"

    /// The FHIR Questionnaire for `questionnaire`; `url` defaults to a URN made from its id.
    public static func questionnaire(_ questionnaire: Questionnaire, url: String? = nil) -> JSONValue {
        let url = url ?? "urn:intake:questionnaire:\(questionnaire.id)"
        let codeSystem = "urn:intake:fhir:CodeSystem:\(questionnaire.id)"
        let reach = reachability(questionnaire)
        var object = JSONObject()
        object.set("resourceType", .string("Questionnaire"))
        if (1...64).contains(questionnaire.id.count), questionnaire.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) {
            object.set("id", .string(questionnaire.id))
        }
        object.set("url", .string(url))
        object.set("version", .string(questionnaire.version))
        object.set("title", .string(questionnaire.title))
        object.set("status", .string("active"))
        if !reach.variables.isEmpty {
            object.set("extension", .array(reach.variables.map { name, expression in
                .object(["url": .string(FHIRExtension.variable), "valueExpression": .object([
                    "name": .string(name), "language": .string("text/fhirpath"), "expression": .string(expression),
                ])])
            }))
        }
        object.set("item", .array(questionnaire.nodes.map { node in item(for: node, in: questionnaire, codeSystem: codeSystem, enabledBy: reach.variableOfNode[node.id]) }))
        return .object(object)
    }

    static func item(for node: Node, in questionnaire: Questionnaire, codeSystem: String, enabledBy variable: String?) -> JSONValue {
        var object = JSONObject()
        var extensions: [JSONValue] = []
        var children: [JSONValue] = []
        object.set("linkId", .string(node.id))
        object.set("text", .string(node.text))
        func kind(_ code: String) {
            extensions.append(.object(["url": .string(nodeKindExtension), "valueCode": .string(code)]))
        }
        func bound(_ url: String, _ value: JSONValue) {
            extensions.append(.object(["url": .string(url), value.objectValue!.members[0].key: value.objectValue!.members[0].value]))
        }
        switch node.spec {
        case .info:
            object.set("type", .string("display"))
        case .single(let source), .multi(let source):
            object.set("type", .string("choice"))
            if node.kind == .multi { object.set("repeats", .bool(true)) }
            let options: [Option]
            switch source {
            case .fixed(let fixed): options = fixed
            case .answerOf(let sourceID):
                options = questionnaire.node(sourceID)?.spec.choiceSource.flatMap { if case .fixed(let fixed) = $0 { fixed } else { nil } } ?? []
            }
            object.set("answerOption", .array(options.map { option in
                var entry = JSONObject()
                if option.exclusive, node.kind == .multi {
                    entry.set("extension", .array([.object(["url": .string(FHIRExtension.optionExclusive), "valueBoolean": .bool(true)])]))
                }
                entry.set("valueCoding", .object(["system": .string(codeSystem), "code": .string(option.code), "display": .string(option.label)]))
                return .object(entry)
            }))
        case .scale(let min, let max, _, _):
            object.set("type", .string("integer"))
            kind("scale")
            bound(FHIRExtension.minValue, .object(["valueInteger": .number(min)]))
            bound(FHIRExtension.maxValue, .object(["valueInteger": .number(max)]))
        case .number(let min, let max, let integer, let unit):
            object.set("type", .string(integer ? "integer" : "decimal"))
            bound(FHIRExtension.minValue, integer ? .object(["valueInteger": .number(Int(min))]) : .object(["valueDecimal": .number(min)]))
            bound(FHIRExtension.maxValue, integer ? .object(["valueInteger": .number(Int(max))]) : .object(["valueDecimal": .number(max)]))
            if let unit { extensions.append(.object(["url": .string(FHIRExtension.unit), "valueCoding": .object(["display": .string(unit)])])) }
        case .duration:
            object.set("type", .string("quantity"))
            kind("duration")
            extensions.append(.object(["url": .string(FHIRExtension.unit), "valueCoding": .object([
                "system": .string("http://unitsofmeasure.org"), "code": .string("d"), "display": .string("days"),
            ])]))
        case .yesno:
            object.set("type", .string("boolean"))
        case .text(let maxLength):
            object.set("type", .string(maxLength > 1000 ? "text" : "string"))
            object.set("maxLength", .number(maxLength))
        case .date(let earliest, let latest):
            object.set("type", .string("date"))
            if let earliest { bound(FHIRExtension.minValue, .object(["valueDate": .string(earliest.iso)])) }
            if let latest { bound(FHIRExtension.maxValue, .object(["valueDate": .string(latest.iso)])) }
        case .time:
            object.set("type", .string("time"))
        case .dateTime:
            object.set("type", .string("dateTime"))
        case .medications:
            object.set("type", .string("string"))
            object.set("repeats", .bool(true))
            kind("medications")
        }
        if node.kind != .info { object.set("required", .bool(node.required)) }
        if let label = node.label { extensions.append(.object(["url": .string(labelExtension), "valueString": .string(label)])) }
        if let hint = node.hint, node.kind != .info {
            children.append(.object(["linkId": .string(node.id + "-hint"), "text": .string(hint), "type": .string("display")]))
        }
        if node.urgent { extensions.append(.object(["url": .string(urgentExtension), "valueBoolean": .bool(true)])) }
        if let variable {
            extensions.append(.object(["url": .string(FHIRExtension.enableWhenExpression), "valueExpression": .object([
                "language": .string("text/fhirpath"), "expression": .string("%\(variable)"),
            ])]))
        }
        if let help = node.help ?? node.why, node.kind != .info {
            children.append(.object([
                "extension": .array([.object(["url": .string(FHIRExtension.itemControl), "valueCodeableConcept": .object(["coding": .array([.object([
                    "system": .string("http://hl7.org/fhir/questionnaire-item-control"), "code": .string("flyover"),
                ])])])])]),
                "linkId": .string(node.id + "-help"), "text": .string(help), "type": .string("display"),
            ]))
        }
        if !extensions.isEmpty {
            var ordered = JSONObject()
            ordered.set("extension", .array(extensions))
            for member in object.members { ordered.set(member.key, member.value) }
            object = ordered
        }
        if !children.isEmpty { object.set("item", .array(children)) }
        return .object(object)
    }

    // MARK: - Routes as expressions

    /// The `answerN` and `reachN` variables, in an order where each reads
    /// only those before it, and the one each node is enabled by (none for
    /// a node every route asks).
    static func reachability(_ questionnaire: Questionnaire) -> (variables: [(String, String)], variableOfNode: [String: String]) {
        var answerVariables: [(String, String)] = []
        var answerNames: [String: String] = [:]
        /// `%answerN` for the question `id`, defined when first read.
        func answers(of id: String) -> String {
            if let name = answerNames[id] { return "%" + name }
            let name = "answer\(questionnaire.index(of: id) ?? answerNames.count)"
            answerNames[id] = name
            answerVariables.append((name, "%resource.repeat(item).where(linkId = '\(escaped(id))').answer.value"))
            return "%" + name
        }
        let graph = QuestionGraph(questionnaire)
        let order = graph.topologicalOrder() ?? Array(questionnaire.nodes.indices)
        // For each node, the ways in: "reached P, and P's branch here is taken".
        var incoming: [Int: [String]] = [:]
        var onlyWayIn: [Int: Int] = [:]
        var waysIn: [Int: Int] = [:]
        var variables: [(String, String)] = []
        var variableOfNode: [String: String] = [:]
        var nameOf: [Int: String] = [:]
        for position in order {
            let node = questionnaire.nodes[position]
            if position != graph.start {
                if waysIn[position] == 1, let before = onlyWayIn[position] {
                    // Reached whenever the one node before it is: same variable.
                    nameOf[position] = nameOf[before]
                } else {
                    let terms = incoming[position] ?? ["false"]
                    let name = "reach\(position)"
                    variables.append((name, terms.count == 1 ? terms[0] : terms.map { "(\($0))" }.joined(separator: " or ")))
                    nameOf[position] = name
                }
                if let name = nameOf[position] { variableOfNode[node.id] = name }
            }
            let here = nameOf[position].map { "%\($0)" }
            var earlier: [String] = []
            let branches: [(Condition?, String)]
            switch node.next {
            case .end: branches = []
            case .node(let id): branches = [(nil, id)]
            case .branches(let list): branches = list.map { ($0.condition, $0.target) }
            }
            for (condition, target) in branches {
                guard let targetIndex = questionnaire.index(of: target) else { continue }
                var parts: [String] = here.map { [$0] } ?? []
                parts += earlier.map { "(\($0)).not()" }
                if let condition {
                    let test = fhirPath(condition, answers: answers)
                    parts.append(test)
                    earlier.append(test)
                }
                incoming[targetIndex, default: []].append(parts.isEmpty ? "true" : parts.joined(separator: " and "))
                waysIn[targetIndex, default: 0] += 1
                if condition == nil, branches.count == 1 { onlyWayIn[targetIndex] = position }
            }
        }
        return (answerVariables + variables, variableOfNode)
    }

    /// A condition as FHIRPath over the response, always true or false
    /// (an unanswered question makes a test false, as in intake);
    /// `answers` names the answers of a question.
    static func fhirPath(_ condition: Condition, answers: (String) -> String) -> String {
        switch condition {
        case .all(let parts): return parts.isEmpty ? "true" : "(" + parts.map { fhirPath($0, answers: answers) }.joined(separator: " and ") + ")"
        case .any(let parts): return parts.isEmpty ? "false" : "(" + parts.map { fhirPath($0, answers: answers) }.joined(separator: " or ") + ")"
        case .not(let inner): return "(\(fhirPath(inner, answers: answers))).not()"
        case .test(.value, _): return "false"
        case .test(.question(let id), let predicate):
            let answer = answers(id)
            let test: String
            switch predicate {
            case .answered(let flag): return flag ? "\(answer).exists()" : "\(answer).empty()"
            case .equals(let literal): test = equality(answer, literal)
            case .isIn(let literals): test = literals.map { equality(answer, $0) }.joined(separator: " or ")
            case .includesAny(let codes): test = codes.map { "\(answer).code contains '\(escaped($0))'" }.joined(separator: " or ")
            case .includesAll(let codes): test = codes.map { "\(answer).code contains '\(escaped($0))'" }.joined(separator: " and ")
            case .compare(let comparison, let bound): test = "\(answer).select(iif(value.exists(), value, $this)) \(symbol(comparison)) \(number(bound))"
            case .count(let comparison, let bound): test = "\(answer).count() \(symbol(comparison)) \(bound)"
            }
            return "((\(test)) contains true)"
        }
    }

    static func equality(_ answer: String, _ literal: Literal) -> String {
        switch literal {
        case .code(let code): return "(\(answer).code | \(answer).ofType(string)) contains '\(escaped(code))'"
        case .number(let value): return "\(answer).select(iif(value.exists(), value, $this)) = \(number(value))"
        case .bool(let flag): return "\(answer) = \(flag)"
        }
    }

    static func symbol(_ comparison: Comparison) -> String {
        switch comparison {
        case .lt: "<"
        case .lte: "<="
        case .gt: ">"
        case .gte: ">="
        case .equals: "="
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func escaped(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
