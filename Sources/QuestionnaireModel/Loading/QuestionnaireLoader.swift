/// Reads a questionnaire file and checks it before anything is asked.
///
/// Every problem becomes one `Diagnostic` naming the file and the place
/// (line:column, and the JSON path for structural problems). Errors make the
/// load fail; warnings (clashing option names, say) are returned beside the
/// questionnaire for `intake validate` to show.
public enum QuestionnaireLoader {
    /// A questionnaire that passed every check, with the warnings found.
    public struct Loaded: Sendable {
        public var questionnaire: Questionnaire
        public var warnings: [Diagnostic]
    }

    static let topLevelKeys = ["$schema", "id", "version", "title", "description", "audiences", "sections", "start", "nodes", "reception"]
    static let nodeKeys = [
        "id", "kind", "text", "label", "hint", "help", "why", "section", "required", "default", "urgent", "confirm", "next",
        "options", "optionsFrom", "min", "max", "minLabel", "maxLabel", "points", "integer", "unit", "maxLength", "reception",
    ]
    /// "single, multi, ...": the kinds, for messages.
    static let kindList = NodeKind.allCases.map(\.rawValue).joined(separator: ", ")
    /// Every key that only some kinds of node use.
    static let specificKeys = kindKeys.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    static let kindKeys: [NodeKind: Set<String>] = [
        .single: ["options", "optionsFrom"],
        .multi: ["options", "optionsFrom"],
        .scale: ["min", "max", "minLabel", "maxLabel", "points"],
        .number: ["min", "max", "integer", "unit"],
        .duration: ["min", "max"],
        .text: ["maxLength"],
        .date: ["min", "max"],
        .yesno: [], .time: [], .dateTime: [], .medications: [], .info: [],
    ]
    /// The most nodes a questionnaire may have; synthetic benchmark graphs use up to 100,000.
    public static let maxNodes = 200_000

    /// How surely a parsed JSON file is a questionnaire, from its top-level
    /// keys: "nodes" says so; "start", "title" or "sections" without it is
    /// likely a slip in that key, which loading then names.
    public static func recognition(of json: JSONValue) -> FileRecognition {
        guard let object = json.objectValue else { return .no }
        if object["nodes"] != nil { return .surely }
        if object["start"] != nil || object["title"] != nil || object["sections"] != nil { return .likely }
        return .no
    }

    /// Loads the questionnaire in `bytes`; `file` is the name used in diagnostics.
    public static func load(_ bytes: [UInt8], file: String, limits: JSONLimits = .default) throws(DiagnosticError) -> Loaded {
        let json = try JSONParser.parseFile(bytes, file: file, limits: limits)
        return try load(parsed: json, from: bytes, file: file)
    }

    /// Loads a questionnaire already parsed from `bytes` (which diagnostics
    /// point into), for a caller that parsed the file to tell what it is.
    public static func load(parsed json: JSONValue, from bytes: [UInt8], file: String) throws(DiagnosticError) -> Loaded {
        let source = SourceText(bytes)
        var log = DiagnosticLog(file: file, source: source)
        log.refuseControlCharacters(in: json)
        var decoder = QuestionnaireDecoder(reader: FieldReader(log: log))
        let result = decoder.decode(json)
        log = decoder.reader.log
        guard let questionnaire = result, !log.hasErrors else {
            throw DiagnosticError(log.diagnostics.filter { $0.severity == .error })
        }
        GraphCheck.check(questionnaire, log: &log)
        if log.hasErrors {
            throw DiagnosticError(log.diagnostics.filter { $0.severity == .error })
        }
        return Loaded(questionnaire: questionnaire, warnings: log.diagnostics.filter { $0.severity == .warning })
    }
}

/// The decoding half of the loader: JSON to model, checking each field.
struct QuestionnaireDecoder {
    var reader: FieldReader
    /// Ids of nodes that could not be read; their problems are already reported.
    var brokenIDs: Set<String> = []
    /// The ids of the sections, looked up for every node.
    var sectionIDs: Set<String> = []
    /// The texts of the `reception` objects read so far.
    var texts = TextCatalog<String>()

    mutating func decode(_ json: JSONValue) -> Questionnaire? {
        let root = JSONPath.root
        guard let object = reader.object(json, at: root, what: "a questionnaire", allowed: QuestionnaireLoader.topLevelKeys) else { return nil }
        let id = reader.string(object, "id", at: root, in: json, required: true, what: "the questionnaire's id, such as \"massage-intake\"")
        if let id, !FieldReader.isIdentifier(id) {
            reader.log.error("the id '\(id)' must start with a letter and hold only letters, digits, '_' and '-'", at: object["id"], path: root.appending("id"))
        }
        let version = reader.string(object, "version", at: root, in: json, required: true, what: "the questionnaire's version, such as \"1.0.0\"")
        let title = reader.string(object, "title", at: root, in: json, required: true, what: "the title shown at the start")
        _ = reader.string(object, "description", at: root, in: json, required: false, what: "a description for authors")
        let schema = reader.string(object, "$schema", at: root, in: json, required: false, what: "the JSON Schema the file follows")
        let start = reader.string(object, "start", at: root, in: json, required: true, what: "the id of the first node")
        let sections = decodeSections(object["sections"], at: root.appending("sections"))
        let audiences = decodeAudiences(object, at: root)
        if let title {
            decodeReception(object, of: .file, at: root, fields: Questionnaire.fileTextFields, own: ["title": title])
        }
        sectionIDs = Set(sections.map(\.id))

        guard let nodesValue = object["nodes"] else {
            reader.log.error("'nodes' is missing: the list of questions", at: json, path: root)
            return nil
        }
        guard let nodeList = nodesValue.arrayValue else {
            reader.log.error("'nodes' must be a list of questions, found \(nodesValue.typeDescription)", at: nodesValue, path: root.appending("nodes"))
            return nil
        }
        if nodeList.isEmpty {
            reader.log.error("'nodes' is empty: a questionnaire needs at least one node", at: nodesValue, path: root.appending("nodes"))
        }
        if nodeList.count > QuestionnaireLoader.maxNodes {
            reader.log.error("there are \(nodeList.count) nodes, more than the limit of \(QuestionnaireLoader.maxNodes)", at: nodesValue, path: root.appending("nodes"))
            return nil
        }
        var nodes: [Node] = []
        var nextValues: [JSONValue?] = []
        var firstPath: [String: JSONPath] = [:]
        nodes.reserveCapacity(nodeList.count)
        for (index, value) in nodeList.enumerated() {
            let path = root.appending("nodes").appending(index)
            guard let (node, next) = decodeNode(value, at: path, sections: sections) else {
                // Its problem is reported; links to it should not be reported again.
                if let id = value["id"]?.stringValue { brokenIDs.insert(id) }
                continue
            }
            if let earlier = firstPath[node.id] {
                reader.log.error("the node id '\(node.id)' is used twice (first at \(earlier)): ids must be unique", at: value["id"], path: path.appending("id"))
                continue
            }
            firstPath[node.id] = path
            nodes.append(node)
            nextValues.append(next)
        }
        guard let id, let version, let title, let start else { return nil }
        var questionnaire = Questionnaire(id: id, version: version, title: title, schema: schema, sections: sections, start: start, nodes: nodes)
        questionnaire.texts = texts
        questionnaire.audiences = audiences

        // Conditions are read once every node is known, so each test can be
        // checked against the type of the answer it reads.
        let conditions = ConditionDecoder(questionnaire: questionnaire)
        let nexts: [Next?] = questionnaire.nodes.indices.map { index in
            guard let nextValue = nextValues[index] else { return nil }
            let path = firstPath[questionnaire.nodes[index].id]!.appending("next")
            return decodeNext(nextValue, at: path, nodeIDs: firstPath, conditions: conditions)
        }
        questionnaire.setNexts(nexts)
        checkOptionSources(questionnaire, paths: firstPath)
        checkDefaults(questionnaire, paths: firstPath, values: nodeList)
        if firstPath[start] == nil, !brokenIDs.contains(start) {
            reader.log.error("the start node '\(start)' does not exist\(Suggestion.hint(for: start, among: questionnaire.nodes.map(\.id)))", at: object["start"], path: root.appending("start"))
        }
        return questionnaire
    }

    // MARK: - Sections

    mutating func decodeSections(_ value: JSONValue?, at path: JSONPath) -> [Section] {
        guard let value else { return [] }
        guard let list = value.arrayValue else {
            reader.log.error("'sections' must be a list of {\"id\", \"title\"} objects, found \(value.typeDescription)", at: value, path: path)
            return []
        }
        var sections: [Section] = []
        var seen: Set<String> = []
        for (index, element) in list.enumerated() {
            let elementPath = path.appending(index)
            guard let object = reader.object(element, at: elementPath, what: "a section", allowed: ["id", "title", "reception"]) else { continue }
            guard let id = reader.string(object, "id", at: elementPath, in: element, required: true, what: "the section's id"),
                  let title = reader.string(object, "title", at: elementPath, in: element, required: true, what: "the section's title")
            else { continue }
            guard seen.insert(id).inserted else {
                reader.log.error("the section id '\(id)' is used twice", at: object["id"], path: elementPath.appending("id"))
                continue
            }
            decodeReception(object, of: .section(id), at: elementPath, fields: Questionnaire.sectionTextFields, own: ["title": title])
            sections.append(Section(id: id, title: title))
        }
        return sections
    }

    // MARK: - Nodes

    mutating func decodeNode(_ value: JSONValue, at path: JSONPath, sections: [Section]) -> (Node, JSONValue?)? {
        guard let object = reader.object(value, at: path, what: "a node", allowed: QuestionnaireLoader.nodeKeys) else { return nil }
        guard let id = reader.string(object, "id", at: path, in: value, required: true, what: "the node's id, such as \"pain_duration\"") else { return nil }
        guard FieldReader.isIdentifier(id) else {
            reader.log.error("the id '\(id)' must start with a letter and hold only letters, digits, '_' and '-'", at: object["id"], path: path.appending("id"))
            return nil
        }
        guard let kindName = reader.string(object, "kind", at: path, in: value, required: true, what: "one of \(QuestionnaireLoader.kindList)") else { return nil }
        guard let kind = NodeKind(rawValue: kindName) else {
            let hint = Suggestion.hint(for: kindName, among: NodeKind.allCases.map(\.rawValue))
            reader.log.error("unknown kind '\(kindName)'\(hint): use one of \(QuestionnaireLoader.kindList)", at: object["kind"], path: path.appending("kind"))
            return nil
        }
        let specific = QuestionnaireLoader.kindKeys[kind]!
        for member in object.members where QuestionnaireLoader.specificKeys.contains(member.key) && !specific.contains(member.key) {
            reader.log.report(.error, "'\(member.key)' is not used by a \(kind.rawValue) node: remove it, or change the kind", offset: member.keyOffset, path: path.appending(member.key))
        }
        let text = reader.string(object, "text", at: path, in: value, required: true, what: kind == .info ? "the words to show" : "the question as it is asked")
        let label = reader.string(object, "label", at: path, in: value, required: false, what: "a short name for summaries, such as \"Age group\"")
        let hint = reader.string(object, "hint", at: path, in: value, required: false, what: "a short line shown under the question")
        let help = reader.string(object, "help", at: path, in: value, required: false, what: "help shown on :help")
        let why = reader.string(object, "why", at: path, in: value, required: false, what: "why the question is asked, shown on :why")
        let section = reader.string(object, "section", at: path, in: value, required: false, what: "the id of a section")
        if let section, !sectionIDs.contains(section) {
            reader.log.error("there is no section '\(section)'\(Suggestion.hint(for: section, among: sections.map(\.id)))", at: object["section"], path: path.appending("section"))
        }
        let required = reader.bool(object, "required", at: path) ?? true
        let urgent = reader.bool(object, "urgent", at: path) ?? false
        let confirm = reader.bool(object, "confirm", at: path) ?? false
        if confirm, !urgent {
            reader.log.error("'confirm' belongs on an urgent stop (an info node with \"urgent\": true): it reads back the answer that leads there before the interview ends", at: object["confirm"], path: path.appending("confirm"))
        }
        let defaultAnswer = reader.string(object, "default", at: path, in: value, required: false, what: "the answer used when Enter is pressed, as a person would type it")
        if kind == .info, object["default"] != nil || object["required"] != nil {
            reader.log.error("an info node takes no answer: remove 'required' and 'default'", at: value, path: path)
        }
        if urgent, kind != .info {
            reader.log.error("only an information step can be an urgent stop (it ends the interview with urgent advice): remove 'urgent', or make this an info node the urgent branch leads to", at: object["urgent"], path: path.appending("urgent"))
        } else if urgent, let next = object["next"] {
            reader.log.error("an urgent stop ends the interview, so it has no 'next': remove it", at: next, path: path.appending("next"))
        }
        guard let spec = decodeSpec(kind, object, at: path, in: value), let text else { return nil }
        var node = Node(
            id: id, spec: spec, text: text, label: label, hint: hint, help: help, why: why, section: section,
            required: kind == .info ? false : required, defaultAnswer: defaultAnswer, urgent: urgent,
            next: .end, offset: value.offset)
        node.confirm = confirm
        var own: [String: String] = ["text": text]
        for case (let field, let words?) in [("label", label), ("hint", hint), ("help", help), ("why", why)] { own[field] = words }
        var fields = ["text", "label", "hint", "help", "why"]
        switch spec {
        case .scale(_, _, let minLabel, let maxLabel):
            fields += ["minLabel", "maxLabel"]
            own["minLabel"] = minLabel
            own["maxLabel"] = maxLabel
        case .number(_, _, _, let unit):
            fields.append("unit")
            own["unit"] = unit
        default: break
        }
        decodeReception(object, of: .node(id), at: path, fields: fields, own: own)
        if case .scale(let min, let max, _, _) = spec, object["points"] != nil {
            node.points = decodePoints(object, min: min, max: max, at: path)
        }
        return (node, object["next"])
    }

    /// A scale's words, one for each number: all different, none a number.
    mutating func decodePoints(_ object: JSONObject, min: Int, max: Int, at path: JSONPath) -> [String] {
        let points = reader.strings(object, "points", at: path)
        let pointsPath = path.appending("points")
        guard points.count == max - min + 1 else {
            reader.log.error("'points' needs one word for each number from \(min) to \(max) (\(max - min + 1)), found \(points.count)", at: object["points"], path: pointsPath)
            return []
        }
        var seen: Set<String> = []
        for (index, point) in points.enumerated() {
            // Plain ASCII (nearly always) needs no Unicode folding.
            let ascii = point.utf8.allSatisfy { $0 < 0x80 }
            let folded = (ascii ? point.lowercased() : TextInput.folded(point)).trimmingSpaces()
            let hasDigit = ascii ? point.utf8.contains { (0x30...0x39).contains($0) } : true
            if folded.isEmpty || hasDigit && TextInput.decimal(point) != nil {
                reader.log.error("a point must be words such as \"sometimes\", not empty or a number", at: object["points"]?.arrayValue?[index], path: pointsPath.appending(index))
                return []
            }
            if !seen.insert(folded).inserted {
                reader.log.error("the words '\(point)' are given for two numbers", at: object["points"]?.arrayValue?[index], path: pointsPath.appending(index))
                return []
            }
        }
        return points
    }

    mutating func decodeSpec(_ kind: NodeKind, _ object: JSONObject, at path: JSONPath, in value: JSONValue) -> AnswerSpec? {
        switch kind {
        case .single, .multi:
            let source: ChoiceSource
            switch (object["options"], object["optionsFrom"]) {
            case (let options?, nil):
                guard let decoded = decodeOptions(options, at: path.appending("options"), node: object["id"]?.stringValue ?? "") else { return nil }
                source = .fixed(decoded)
            case (nil, let from?):
                guard let id = from.stringValue else {
                    reader.log.error("'optionsFrom' must name an earlier question, found \(from.typeDescription)", at: from, path: path.appending("optionsFrom"))
                    return nil
                }
                source = .answerOf(id)
            case (nil, nil):
                reader.log.error("a \(kind.rawValue) node needs 'options' (or 'optionsFrom', naming an earlier question)", at: value, path: path)
                return nil
            case (_?, _?):
                reader.log.error("use either 'options' or 'optionsFrom', not both", at: value, path: path)
                return nil
            }
            return kind == .single ? .single(source) : .multi(source)
        case .scale:
            guard let min = reader.integer(object, "min", at: path, in: -1000...1000),
                  let max = reader.integer(object, "max", at: path, in: -1000...1000)
            else {
                if object["min"] == nil || object["max"] == nil {
                    reader.log.error("a scale needs whole-number 'min' and 'max', such as 0 and 10", at: value, path: path)
                }
                return nil
            }
            guard min < max else {
                reader.log.error("'min' (\(min)) must be below 'max' (\(max))", at: object["min"], path: path.appending("min"))
                return nil
            }
            let minLabel = reader.string(object, "minLabel", at: path, in: value, required: false, what: "what the lowest number means")
            let maxLabel = reader.string(object, "maxLabel", at: path, in: value, required: false, what: "what the highest number means")
            return .scale(min: min, max: max, minLabel: minLabel, maxLabel: maxLabel)
        case .number:
            guard let min = reader.number(object, "min", at: path), let max = reader.number(object, "max", at: path) else {
                if object["min"] == nil || object["max"] == nil {
                    reader.log.error("a number node needs 'min' and 'max'", at: value, path: path)
                }
                return nil
            }
            guard min < max else {
                reader.log.error("'min' (\(min)) must be below 'max' (\(max))", at: object["min"], path: path.appending("min"))
                return nil
            }
            let integer = reader.bool(object, "integer", at: path) ?? false
            let unit = reader.string(object, "unit", at: path, in: value, required: false, what: "the unit, such as \"weeks\"")
            return .number(min: min, max: max, integer: integer, unit: unit)
        case .duration:
            var bounds: [Int] = []
            for (key, fallback) in [("min", 0), ("max", 36525)] {
                guard let bound = object[key] else {
                    bounds.append(fallback)
                    continue
                }
                guard let days = Duration.days(fromBound: bound), days >= 0, days <= 36525 else {
                    reader.log.error("'\(key)' must be a number of days or text such as \"80 years\" (at most 100 years)", at: bound, path: path.appending(key))
                    return nil
                }
                bounds.append(days)
            }
            guard bounds[0] < bounds[1] else {
                reader.log.error("'min' must be shorter than 'max'", at: object["min"], path: path.appending("min"))
                return nil
            }
            return .duration(minDays: bounds[0], maxDays: bounds[1])
        case .text:
            let maxLength = reader.integer(object, "maxLength", at: path, in: 1...TextInput.maxLength) ?? 1000
            return .text(maxLength: maxLength)
        case .date:
            var bounds: [CalendarDate?] = []
            for key in ["min", "max"] {
                guard let bound = object[key] else {
                    bounds.append(nil)
                    continue
                }
                guard let day = bound.stringValue.flatMap({ CalendarDate(iso: $0) }) else {
                    reader.log.error("'\(key)' of a date must be a date written as \"2024-03-05\"", at: bound, path: path.appending(key))
                    return nil
                }
                bounds.append(day)
            }
            if let earliest = bounds[0], let latest = bounds[1], latest < earliest {
                reader.log.error("'min' (\(earliest.iso)) must not be after 'max' (\(latest.iso))", at: object["min"], path: path.appending("min"))
                return nil
            }
            return .date(earliest: bounds[0], latest: bounds[1])
        case .time: return .time
        case .dateTime: return .dateTime
        case .yesno: return .yesno
        case .medications: return .medications
        case .info: return .info
        }
    }

    mutating func decodeOptions(_ value: JSONValue, at path: JSONPath, node: String) -> [Option]? {
        guard let list = value.arrayValue else {
            reader.log.error("'options' must be a list of {\"code\", \"label\"} objects, found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        guard !list.isEmpty else {
            reader.log.error("'options' is empty: a choice needs at least one option", at: value, path: path)
            return nil
        }
        var options: [Option] = []
        var codes: Set<String> = []
        for (index, element) in list.enumerated() {
            let optionPath = path.appending(index)
            guard let object = reader.object(element, at: optionPath, what: "an option", allowed: ["code", "label", "aliases", "exclusive", "range", "reception"]) else { continue }
            guard let code = reader.string(object, "code", at: optionPath, in: element, required: true, what: "the option's code, such as \"lower-back\""),
                  let label = reader.string(object, "label", at: optionPath, in: element, required: true, what: "the words shown for the option")
            else { continue }
            guard FieldReader.isCode(code) else {
                reader.log.error("the code '\(code)' must hold only lower-case letters, digits and '-' (such as \"lower-back\")", at: object["code"], path: optionPath.appending("code"))
                continue
            }
            guard codes.insert(code).inserted else {
                reader.log.error("the code '\(code)' is used by two options of this node", at: object["code"], path: optionPath.appending("code"))
                continue
            }
            let aliases = reader.strings(object, "aliases", at: optionPath)
            let exclusive = reader.bool(object, "exclusive", at: optionPath) ?? false
            let range = object["range"].flatMap { decodeRange($0, at: optionPath.appending("range")) }
            if let range, let earlier = options.first(where: { $0.range?.overlaps(range) == true }) {
                // Allowed, but a number in both is asked about, not picked: rarely meant.
                reader.log.warning("the ranges of '\(earlier.code)' and '\(code)' overlap: a number in both is asked about, not picked", at: object["range"], path: optionPath.appending("range"))
            }
            decodeReception(object, of: .option(node: node, code: code), at: optionPath, fields: Questionnaire.optionTextFields, own: ["label": label])
            options.append(Option(code: code, label: label, aliases: aliases, exclusive: exclusive, range: range))
        }
        return options
    }

    /// An option's `range`: two numbers, the lowest and the highest it holds.
    mutating func decodeRange(_ value: JSONValue, at path: JSONPath) -> ClosedRange<Double>? {
        let bounds = value.arrayValue?.compactMap(\.numberValue) ?? []
        guard bounds.count == 2, value.arrayValue?.count == 2 else {
            reader.log.error("'range' must be two numbers, the lowest and the highest the option stands for, such as [18, 50]", at: value, path: path)
            return nil
        }
        guard bounds[0].double <= bounds[1].double else {
            reader.log.error("'range' goes from \(Node.show(bounds[0].double)) down to \(Node.show(bounds[1].double)): write the lowest number first", at: value, path: path)
            return nil
        }
        return bounds[0].double...bounds[1].double
    }

    // MARK: - Next

    mutating func decodeNext(_ value: JSONValue, at path: JSONPath, nodeIDs: [String: JSONPath], conditions: ConditionDecoder) -> Next {
        if let target = value.stringValue {
            guard nodeIDs[target] != nil || brokenIDs.contains(target) else {
                reader.log.error("'next' names a node '\(target)' that does not exist\(Suggestion.hint(for: target, among: nodeIDs.keys.sorted()))", at: value, path: path)
                return .end
            }
            return .node(target)
        }
        guard let list = value.arrayValue else {
            reader.log.error("'next' must be a node id or a list of {\"when\", \"goto\"} branches, found \(value.typeDescription)", at: value, path: path)
            return .end
        }
        guard !list.isEmpty else {
            reader.log.error("'next' is an empty list: leave 'next' out to end the interview here, or add branches", at: value, path: path)
            return .end
        }
        var branches: [Branch] = []
        for (index, element) in list.enumerated() {
            let branchPath = path.appending(index)
            guard let object = reader.object(element, at: branchPath, what: "a branch", allowed: ["when", "goto"]) else { continue }
            guard let target = reader.string(object, "goto", at: branchPath, in: element, required: true, what: "the id of the node to go to") else { continue }
            if nodeIDs[target] == nil, !brokenIDs.contains(target) {
                reader.log.error("'goto' names a node '\(target)' that does not exist\(Suggestion.hint(for: target, among: nodeIDs.keys.sorted()))", at: object["goto"], path: branchPath.appending("goto"))
            }
            var condition: Condition?
            if let when = object["when"] {
                condition = conditions.decode(when, at: branchPath.appending("when"), log: &reader.log)
                if condition == nil { continue }
            }
            let isLast = index == list.count - 1
            if condition == nil, !isLast {
                reader.log.error("only the last branch may leave out 'when': the branches after this one would never be taken", at: element, path: branchPath)
            }
            if condition != nil, isLast {
                reader.log.error("the last branch needs no 'when': when no condition holds the interview must still go somewhere (add {\"goto\": \"...\"} at the end)", at: element, path: branchPath)
            }
            branches.append(Branch(condition: condition, target: target, path: branchPath, offset: element.offset))
        }
        return .branches(branches)
    }

    // MARK: - Cross-node checks

    mutating func checkOptionSources(_ questionnaire: Questionnaire, paths: [String: JSONPath]) {
        for node in questionnaire.nodes {
            guard case .answerOf(let sourceID)? = node.spec.choiceSource else { continue }
            let path = paths[node.id]!.appending("optionsFrom")
            guard let source = questionnaire.node(sourceID) else {
                reader.log.report(.error, "'optionsFrom' names a question '\(sourceID)' that does not exist\(Suggestion.hint(for: sourceID, among: questionnaire.nodes.map(\.id)))", offset: node.offset, path: path)
                continue
            }
            guard source.kind == .multi, case .fixed? = source.spec.choiceSource else {
                reader.log.report(.error, "'optionsFrom' must name a multi question with its own options; '\(sourceID)' is a \(source.kind.rawValue) node", offset: node.offset, path: path)
                continue
            }
        }
    }

    mutating func checkDefaults(_ questionnaire: Questionnaire, paths: [String: JSONPath], values: [JSONValue]) {
        for node in questionnaire.nodes {
            guard let answer = node.defaultAnswer else { continue }
            // The options of an `optionsFrom` node are known only while asking.
            if case .answerOf? = node.spec.choiceSource { continue }
            let options: [Option] = if case .fixed(let fixed)? = node.spec.choiceSource { fixed } else { [] }
            if case .failure(let rejection) = node.parse(answer, options: options) {
                reader.log.report(.error, "the default '\(answer)' is not a valid answer: \(rejection.message)", offset: node.offset, path: paths[node.id]!.appending("default"))
            }
        }
    }
}
