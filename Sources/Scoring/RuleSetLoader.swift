import QuestionnaireModel

extension RuleSet {
    static let topLevelKeys = ["$schema", "questionnaire", "version", "description", "medications", "disclaimer", "categories", "derived", "pressure", "rules"]
    static let ruleKeys = ["id", "title", "when", "effect", "maxPressure", "discuss", "evidence"]
    static let formulaKeys = ["mean", "sum", "holds", "answerOr", "countGroups", "medicationClasses", "includesValue"]
    static let nonCategoryEffects = ["information", "supports"]

    /// Reads a rules file and checks it against the questionnaire it names
    /// and the medicine classes of `lexicon`: unknown question ids, option
    /// codes and type mismatches are reported with file and JSON path.
    public static func load(_ bytes: [UInt8], file: String, questionnaire: Questionnaire, lexicon: MedicationLexicon) throws(DiagnosticError) -> RuleSet {
        try load(RulesSource.parse(bytes, file: file), questionnaire: questionnaire, lexicon: lexicon)
    }

    /// Checks a rules file already parsed (to find the medicines file it
    /// names) against the questionnaire and the medicine classes of `lexicon`.
    public static func load(_ source: RulesSource, questionnaire: Questionnaire, lexicon: MedicationLexicon) throws(DiagnosticError) -> RuleSet {
        var log = DiagnosticLog(file: source.file, source: SourceText(source.bytes))
        log.refuseControlCharacters(in: source.json)
        var reader = RuleReader(log: log, questionnaire: questionnaire, lexicon: lexicon)
        let rules = reader.read(source.json)
        guard let rules, !reader.log.hasErrors else {
            throw DiagnosticError(reader.log.diagnostics.filter { $0.severity == .error })
        }
        return rules
    }
}

/// Reads the parts of a rules file, logging each problem.
struct RuleReader {
    var log: DiagnosticLog
    let questionnaire: Questionnaire
    let lexicon: MedicationLexicon
    var derived: [DerivedValue] = []
    /// The types of `derived` by name, looked up for every condition.
    var derivedTypes: [String: ValueType] = [:]

    init(log: DiagnosticLog, questionnaire: Questionnaire, lexicon: MedicationLexicon) {
        self.log = log
        self.questionnaire = questionnaire
        self.lexicon = lexicon
    }

    mutating func read(_ json: JSONValue) -> RuleSet? {
        let root = JSONPath.root
        guard let object = object(json, at: root, what: "a rules file", allowed: RuleSet.topLevelKeys) else { return nil }
        let questionnaireID = string(object, "questionnaire", at: root, owner: json)
        if let questionnaireID, questionnaireID != questionnaire.id {
            log.error("these rules are for the questionnaire '\(questionnaireID)', not '\(questionnaire.id)'", at: object["questionnaire"], path: root.appending("questionnaire"))
        }
        let version = string(object, "version", at: root, owner: json)
        let disclaimer = string(object, "disclaimer", at: root, owner: json)
        for key in ["$schema", "description"] {
            if let value = object[key], value.stringValue == nil {
                log.error("'\(key)' must be a string, found \(value.typeDescription)", at: value, path: root.appending(key))
            }
        }
        let medications = object["medications"] == nil ? nil : string(object, "medications", at: root, owner: json)
        let categories = readCategories(object["categories"], at: root.appending("categories"), owner: json)
        if let list = object["derived"] {
            readDerived(list, at: root.appending("derived"))
        }
        let pressure = object["pressure"].flatMap { readPressure($0, at: root.appending("pressure")) }
        let rules = readRules(object["rules"], at: root.appending("rules"), owner: json, categories: categories, pressure: pressure)
        guard let version, let disclaimer, !categories.isEmpty else { return nil }
        return RuleSet(
            questionnaire: questionnaireID ?? questionnaire.id, version: version, medicationsFile: medications,
            disclaimer: disclaimer, categories: categories, derived: derived, pressure: pressure, rules: rules)
    }

    // MARK: - Fields

    mutating func object(_ value: JSONValue, at path: JSONPath, what: String, allowed: [String]) -> JSONObject? {
        guard let object = value.objectValue else {
            log.error("\(what) must be an object, found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        for member in object.members where !allowed.contains(member.key) {
            log.report(.error, "unknown key '\(member.key)' in \(what)\(Suggestion.hint(for: member.key, among: allowed))", offset: member.keyOffset, path: path.appending(member.key))
        }
        return object
    }

    mutating func string(_ object: JSONObject, _ key: String, at path: JSONPath, owner: JSONValue) -> String? {
        guard let value = object[key] else {
            log.error("'\(key)' is missing", at: owner, path: path)
            return nil
        }
        guard let text = value.stringValue, !text.allSatisfy(\.isWhitespace) else {
            log.error("'\(key)' must be a non-empty string, found \(value.typeDescription)", at: value, path: path.appending(key))
            return nil
        }
        return text
    }

    // MARK: - Categories

    mutating func readCategories(_ value: JSONValue?, at path: JSONPath, owner: JSONValue) -> [Category] {
        guard let list = value?.arrayValue, !list.isEmpty else {
            log.error("'categories' must be a non-empty list, from the highest precedence to the lowest", at: value ?? owner, path: path)
            return []
        }
        var categories: [Category] = []
        var categoryCodes: Set<String> = []
        for (index, element) in list.enumerated() {
            let itemPath = path.appending(index)
            guard let object = object(element, at: itemPath, what: "a category", allowed: ["code", "title", "self", "reception"]),
                  let code = string(object, "code", at: itemPath, owner: element),
                  let title = string(object, "title", at: itemPath, owner: element),
                  let selfText = string(object, "self", at: itemPath, owner: element),
                  let receptionText = string(object, "reception", at: itemPath, owner: element)
            else { continue }
            if !categoryCodes.insert(code).inserted || RuleSet.nonCategoryEffects.contains(code) {
                log.error("the category '\(code)' is used twice or is a reserved effect name", at: object["code"], path: itemPath.appending("code"))
                continue
            }
            categories.append(Category(code: code, title: title, selfText: selfText, receptionText: receptionText))
        }
        return categories
    }

    // MARK: - Derived values

    func typeOf(_ subject: Subject) -> ValueType? {
        switch subject {
        case .question(let id): questionnaire.valueType(of: id)
        case .value(let name): derivedTypes[name]
        }
    }

    var conditionDecoder: ConditionDecoder {
        let questionnaire = questionnaire
        let derivedTypes = derivedTypes
        return ConditionDecoder(
            typeOf: { subject in
                switch subject {
                case .question(let id): questionnaire.valueType(of: id)
                case .value(let name): derivedTypes[name]
                }
            },
            knownNames: { subject in
                switch subject {
                case .question: questionnaire.nodes.map(\.id)
                case .value: derived.map(\.name)
                }
            },
            allowsDerivedValues: true)
    }

    mutating func readDerived(_ value: JSONValue, at path: JSONPath) {
        guard let list = value.arrayValue else {
            log.error("'derived' must be a list of derived values, found \(value.typeDescription)", at: value, path: path)
            return
        }
        for (index, element) in list.enumerated() {
            let itemPath = path.appending(index)
            guard let object = object(element, at: itemPath, what: "a derived value", allowed: ["name", "label"] + RuleSet.formulaKeys),
                  let name = string(object, "name", at: itemPath, owner: element),
                  let label = string(object, "label", at: itemPath, owner: element)
            else { continue }
            if derivedTypes[name] != nil || questionnaire.node(name) != nil {
                log.error("the name '\(name)' is already used by a question or another derived value", at: object["name"], path: itemPath.appending("name"))
                continue
            }
            let formulas = object.keys.filter(RuleSet.formulaKeys.contains)
            guard formulas.count == 1, let key = formulas.first, let argument = object[key] else {
                log.error("a derived value needs exactly one of \(RuleSet.formulaKeys.joined(separator: ", "))", at: element, path: itemPath)
                continue
            }
            if let (formula, type) = readFormula(key, argument, at: itemPath.appending(key)) {
                derived.append(DerivedValue(name: name, label: label, formula: formula, type: type))
                derivedTypes[name] = type
            }
        }
    }

    /// A question id in `value`, checked to exist and to be one of `kinds`.
    mutating func question(_ value: JSONValue, at path: JSONPath, kinds: [NodeKind]) -> Node? {
        guard let id = value.stringValue else {
            log.error("expected a question id (a string), found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        guard let node = questionnaire.node(id) else {
            log.error("there is no question '\(id)'\(Suggestion.hint(for: id, among: questionnaire.nodes.map(\.id)))", at: value, path: path)
            return nil
        }
        guard kinds.contains(node.kind) else {
            log.error("'\(id)' is a \(node.kind.rawValue) question; this needs \(kinds.map(\.rawValue).joined(separator: " or "))", at: value, path: path)
            return nil
        }
        return node
    }

    mutating func readFormula(_ key: String, _ argument: JSONValue, at path: JSONPath) -> (DerivedValue.Formula, ValueType)? {
        switch key {
        case "mean", "sum":
            guard let list = argument.arrayValue, !list.isEmpty else {
                log.error("'\(key)' takes a non-empty list of question ids", at: argument, path: path)
                return nil
            }
            var items: [(String, Bool)] = []
            var low = 0.0
            var high = 0.0
            for (index, element) in list.enumerated() {
                var reversed = false
                var idValue = element
                if let object = element.objectValue, key == "sum", object.keys == ["reverse"], let inner = object["reverse"] {
                    reversed = true
                    idValue = inner
                }
                let kinds: [NodeKind] = reversed || key == "sum" ? [.scale] : [.scale, .number]
                guard let node = question(idValue, at: path.appending(index), kinds: kinds) else { return nil }
                switch node.spec {
                case .scale(let min, let max, _, _):
                    low += Double(min)
                    high += Double(max)
                case .number(let min, let max, _, _):
                    low += min
                    high += max
                default: break
                }
                items.append((node.id, reversed))
            }
            if key == "mean" {
                let count = Double(items.count)
                return (.mean(items.map(\.0)), .number((low / count)...(high / count)))
            }
            return (.sum(items.map { (question: $0.0, reversed: $0.1) }), .integer(Int(low)...Int(high)))
        case "holds":
            guard let condition = conditionDecoder.decode(argument, at: path, log: &log) else { return nil }
            return (.holds(condition), .yesNo)
        case "answerOr":
            guard let object = object(argument, at: path, what: "'answerOr'", allowed: ["question", "onlyChoiceOf"]),
                  let questionValue = object["question"], let fromValue = object["onlyChoiceOf"]
            else {
                log.error("'answerOr' needs \"question\" (a single choice) and \"onlyChoiceOf\" (a multiple choice)", at: argument, path: path)
                return nil
            }
            guard let single = question(questionValue, at: path.appending("question"), kinds: [.single]),
                  let multi = question(fromValue, at: path.appending("onlyChoiceOf"), kinds: [.multi]),
                  case .choice(let codes)? = questionnaire.valueType(of: single.id)
            else { return nil }
            return (.answerOr(question: single.id, onlyChoiceOf: multi.id), .choice(codes))
        case "countGroups":
            guard let object = object(argument, at: path, what: "'countGroups'", allowed: ["question", "groups"]),
                  let questionValue = object["question"], let groupsObject = object["groups"]?.objectValue, !groupsObject.members.isEmpty
            else {
                log.error("'countGroups' needs \"question\" and \"groups\" (an object of named lists of codes)", at: argument, path: path)
                return nil
            }
            guard let node = question(questionValue, at: path.appending("question"), kinds: [.multi]),
                  case .choices(let codes)? = questionnaire.valueType(of: node.id)
            else { return nil }
            var groups: [(String, [String])] = []
            for member in groupsObject.members {
                let groupPath = path.appending("groups").appending(member.key)
                guard let list = member.value.arrayValue else {
                    log.error("a group must be a list of option codes", at: member.value, path: groupPath)
                    continue
                }
                var groupCodes: [String] = []
                for (index, element) in list.enumerated() {
                    guard let code = element.stringValue, codes.contains(code) else {
                        log.error("'\(node.id)' has no option \(element.stringValue.map { "'\($0)'" } ?? element.typeDescription)\(Suggestion.hint(for: element.stringValue ?? "", among: codes))", at: element, path: groupPath.appending(index))
                        continue
                    }
                    groupCodes.append(code)
                }
                groups.append((member.key, groupCodes))
            }
            return (.countGroups(question: node.id, groups: groups.map { (name: $0.0, codes: $0.1) }), .integer(0...groups.count))
        case "medicationClasses":
            guard let node = question(argument, at: path, kinds: [.medications]) else { return nil }
            return (.medicationClasses(question: node.id), .choices(lexicon.classes.map(\.code)))
        case "includesValue":
            guard let object = object(argument, at: path, what: "'includesValue'", allowed: ["question", "value"]),
                  let questionValue = object["question"], let valueName = object["value"]?.stringValue
            else {
                log.error("'includesValue' needs \"question\" (a multiple choice) and \"value\" (a derived value or question holding one code)", at: argument, path: path)
                return nil
            }
            guard let node = question(questionValue, at: path.appending("question"), kinds: [.multi]) else { return nil }
            let subject: Subject = derivedTypes[valueName] != nil ? .value(valueName) : .question(valueName)
            guard case .choice? = typeOf(subject) else {
                log.error("'\(valueName)' must be a derived value or question holding one option code", at: object["value"], path: path.appending("value"))
                return nil
            }
            return (.includesValue(question: node.id, value: subject), .yesNo)
        default:
            return nil
        }
    }

    // MARK: - Pressure

    /// The pressure scale: a single-choice question and its codes, lightest
    /// first. Both are required, so a slip cannot silently drop the limits
    /// rules set with 'maxPressure'.
    mutating func readPressure(_ value: JSONValue, at path: JSONPath) -> PressureScale? {
        guard let object = object(value, at: path, what: "'pressure'", allowed: ["question", "order"]) else { return nil }
        var node: Node?
        if let questionValue = object["question"] {
            node = question(questionValue, at: path.appending("question"), kinds: [.single])
        } else {
            log.error("'question' is missing: 'pressure' needs the single-choice question holding the pressure preference", at: value, path: path)
        }
        guard let orderValue = object["order"] else {
            log.error("'order' is missing: 'pressure' needs the codes of its question, lightest first, such as [\"light\", \"medium\", \"firm\"]", at: value, path: path)
            return nil
        }
        guard let list = orderValue.arrayValue, !list.isEmpty else {
            log.error("'order' must be a non-empty list of option codes, lightest first, such as [\"light\", \"medium\", \"firm\"]; found \(orderValue.arrayValue == nil ? orderValue.typeDescription : "an empty list")", at: orderValue, path: path.appending("order"))
            return nil
        }
        var codes: [String]?
        if let node, case .choice(let options)? = questionnaire.valueType(of: node.id) { codes = options }
        var order: [String] = []
        for (index, element) in list.enumerated() {
            let itemPath = path.appending("order").appending(index)
            guard let code = element.stringValue else {
                log.error("the pressure order holds option codes (strings), found \(element.typeDescription)", at: element, path: itemPath)
                continue
            }
            if order.contains(code) {
                log.error("'\(code)' is listed twice in the pressure order: list each code once, lightest first", at: element, path: itemPath)
                continue
            }
            if let node, let codes, !codes.contains(code) {
                log.error("'\(node.id)' has no option '\(code)'\(Suggestion.hint(for: code, among: codes))", at: element, path: itemPath)
                continue
            }
            order.append(code)
        }
        guard let node, order.count == list.count else { return nil }
        return PressureScale(question: node.id, order: order)
    }

    // MARK: - Rules

    mutating func readRules(_ value: JSONValue?, at path: JSONPath, owner: JSONValue, categories: [Category], pressure: PressureScale?) -> [Rule] {
        guard let list = value?.arrayValue, !list.isEmpty else {
            log.error("'rules' must be a non-empty list", at: value ?? owner, path: path)
            return []
        }
        let raising = categories.dropLast().map(\.code)
        var rules: [Rule] = []
        var ruleIDs: Set<String> = []
        for (index, element) in list.enumerated() {
            let rulePath = path.appending(index)
            guard let object = object(element, at: rulePath, what: "a rule", allowed: RuleSet.ruleKeys),
                  let id = string(object, "id", at: rulePath, owner: element)
            else { continue }
            let title = string(object, "title", at: rulePath, owner: element)
            let discuss = string(object, "discuss", at: rulePath, owner: element)
            let evidence = object["evidence"] == nil ? "" : string(object, "evidence", at: rulePath, owner: element)
            if !ruleIDs.insert(id).inserted {
                log.error("the rule id '\(id)' is used twice", at: object["id"], path: rulePath.appending("id"))
            }
            var condition: Condition?
            if let when = object["when"] {
                guard let decoded = conditionDecoder.decode(when, at: rulePath.appending("when"), log: &log) else { continue }
                condition = decoded
            }
            guard let effectValue = object["effect"] else {
                log.error("'effect' is missing: one of \((raising + RuleSet.nonCategoryEffects).joined(separator: ", "))", at: element, path: rulePath)
                continue
            }
            guard let effect = readEffect(effectValue, at: rulePath.appending("effect"), raising: raising) else { continue }
            var maxPressure: String?
            if let pressureValue = object["maxPressure"] {
                guard let code = pressureValue.stringValue, let pressure, pressure.order.contains(code) else {
                    let known = pressure?.order.joined(separator: ", ") ?? "(no 'pressure' scale is defined)"
                    log.error("'maxPressure' must be a code of the pressure scale: \(known)", at: pressureValue, path: rulePath.appending("maxPressure"))
                    continue
                }
                maxPressure = code
            }
            guard let title, let discuss, let evidence else { continue }
            rules.append(Rule(id: id, title: title, condition: condition, effect: effect, maxPressure: maxPressure, discuss: discuss, evidence: evidence))
        }
        return rules
    }

    mutating func readEffect(_ value: JSONValue, at path: JSONPath, raising: [String]) -> RuleEffect? {
        let allowed = raising + RuleSet.nonCategoryEffects
        func effect(_ value: JSONValue?, at path: JSONPath) -> Effect? {
            guard let code = value?.stringValue, allowed.contains(code) else {
                let found = value?.stringValue.map { "'\($0)'\(Suggestion.hint(for: $0, among: allowed))" } ?? (value?.typeDescription ?? "nothing")
                log.error("an effect must be one of \(allowed.joined(separator: ", ")); found \(found)", at: value, path: path)
                return nil
            }
            return Effect(code)
        }
        if value.stringValue != nil {
            return effect(value, at: path).map(RuleEffect.fixed)
        }
        guard let object = object(value, at: path, what: "a conditional effect", allowed: ["when", "then", "else"]),
              let when = object["when"]
        else {
            log.error("an effect is a string, or {\"when\", \"then\", \"else\"}", at: value, path: path)
            return nil
        }
        guard let condition = conditionDecoder.decode(when, at: path.appending("when"), log: &log),
              let then = effect(object["then"], at: path.appending("then")),
              let otherwise = effect(object["else"], at: path.appending("else"))
        else { return nil }
        return .conditional(condition, then: then, otherwise: otherwise)
    }
}
