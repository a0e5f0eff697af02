import QuestionnaireModel

extension RuleSet {
    static let topLevelKeys = ["$schema", "questionnaire", "version", "description", "medications", "disclaimer", "categories", "derived", "pressure", "rules", "crisisText", "assume", "atTop", "reception"]
    static let ruleKeys = ["id", "title", "when", "effect", "maxPressure", "discuss", "evidence", "headline", "section", "first", "crisis", "reception"]
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
    /// The texts of the `reception` objects read so far.
    var texts = TextCatalog<RuleText>()

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
        let crisisText = object["crisisText"] == nil ? nil : string(object, "crisisText", at: root, owner: json)
        if crisisText == nil, let rule = rules.first(where: \.crisis) {
            log.error("the rule '\(rule.id)' is marked 'crisis' but the rules file has no 'crisisText' (the crisis line to show with it)", at: object["rules"], path: root.appending("rules"))
        }
        let assumptions = object["assume"].map { readAssumptions($0, at: root.appending("assume")) } ?? []
        let atTop = object["atTop"].map { readQuestionList($0, at: root.appending("atTop")) } ?? []
        guard let version, let disclaimer, !categories.isEmpty else { return nil }
        var set = RuleSet(
            questionnaire: questionnaireID ?? questionnaire.id, version: version, medicationsFile: medications,
            disclaimer: disclaimer, categories: categories, derived: derived, pressure: pressure, rules: rules)
        set.crisisText = crisisText
        for (key, text) in readReception(object, of: .file, at: root, own: ["disclaimer": true, "crisisText": crisisText != nil]) {
            texts.set(text, for: key, in: TextVariant(audience: .reception))
        }
        set.texts = texts
        set.assumptions = assumptions
        set.atTop = atTop
        return set
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
            guard let object = object(element, at: itemPath, what: "a category", allowed: ["code", "title", "self", "reception", "selfNoted", "receptionNoted"]),
                  let code = string(object, "code", at: itemPath, owner: element),
                  let title = string(object, "title", at: itemPath, owner: element),
                  let selfText = string(object, "self", at: itemPath, owner: element),
                  let receptionText = string(object, "reception", at: itemPath, owner: element)
            else { continue }
            if !categoryCodes.insert(code).inserted || RuleSet.nonCategoryEffects.contains(code) {
                log.error("the category '\(code)' is used twice or is a reserved effect name", at: object["code"], path: itemPath.appending("code"))
                continue
            }
            var category = Category(code: code, title: title, selfText: selfText, receptionText: receptionText)
            if object["selfNoted"] != nil { category.notedSelfText = string(object, "selfNoted", at: itemPath, owner: element) }
            if object["receptionNoted"] != nil { category.notedReceptionText = string(object, "receptionNoted", at: itemPath, owner: element) }
            categories.append(category)
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
        guard let object = object(value, at: path, what: "'pressure'", allowed: ["question", "order", "levels"]) else { return nil }
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
        var levels: [String: String] = [:]
        if let levelsValue = object["levels"] {
            guard let levelsObject = levelsValue.objectValue else {
                log.error("'levels' must be an object of the pressure codes in words, such as {\"light\": \"Walton level 1-2\"}", at: levelsValue, path: path.appending("levels"))
                return nil
            }
            for member in levelsObject.members {
                guard order.contains(member.key), let words = member.value.stringValue else {
                    log.error("'levels' holds the codes of the pressure order (\(order.joined(separator: ", "))) with their words as strings; found '\(member.key)'", at: member.value, path: path.appending("levels").appending(member.key))
                    continue
                }
                levels[member.key] = words
            }
        }
        return PressureScale(question: node.id, order: order, levels: levels)
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
            let discussText = object["discuss"] == nil
                ? { log.error("'discuss' is missing", at: element, path: rulePath); return nil }()
                : readText(object["discuss"]!, at: rulePath.appending("discuss"))
            let discuss = discussText?.plain
            let headline = object["headline"].flatMap { readText($0, at: rulePath.appending("headline")) }
            var section: Section?
            if let sectionValue = object["section"] {
                section = sectionValue.stringValue.flatMap(Section.init(rawValue:))
                if section == nil {
                    log.error("'section' must be one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))", at: sectionValue, path: rulePath.appending("section"))
                }
            }
            var flags: [String: Bool] = [:]
            for key in ["first", "crisis"] {
                guard let flag = object[key] else { continue }
                guard case .bool(let on) = flag.kind else {
                    log.error("'\(key)' must be true or false", at: flag, path: rulePath.appending(key))
                    continue
                }
                flags[key] = on
            }
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
            guard let title, let discuss, let discussText, let evidence else { continue }
            for (key, text) in readReception(object, of: .rule(id), at: rulePath, own: ["title": true, "discuss": true, "headline": headline != nil]) {
                texts.set(text, for: key, in: TextVariant(audience: .reception))
            }
            rules.append(Rule(
                id: id, title: title, condition: condition, effect: effect, maxPressure: maxPressure, discuss: discuss, discussText: discussText,
                headline: headline, section: section, first: flags["first"] ?? false, crisis: flags["crisis"] ?? false, evidence: evidence))
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

// MARK: - Texts, assumptions, answers at the top

extension RuleReader {
    /// A text that depends on the answers: a string, or a list of strings
    /// and `{"when", "text"}` pieces; each `{name}` must be a question or
    /// derived value.
    mutating func readText(_ value: JSONValue, at path: JSONPath) -> RuleText? {
        var pieces: [RuleText.Piece] = []
        if let text = value.stringValue, !text.allSatisfy(\.isWhitespace) {
            pieces = [RuleText.Piece(text: text)]
        } else if let list = value.arrayValue, !list.isEmpty {
            for (index, element) in list.enumerated() {
                let itemPath = path.appending(index)
                if let text = element.stringValue {
                    pieces.append(RuleText.Piece(text: text))
                    continue
                }
                guard let object = object(element, at: itemPath, what: "a piece of text", allowed: ["when", "text"]),
                      let when = object["when"], let text = object["text"]?.stringValue
                else {
                    log.error("a piece of text is a string, or {\"when\": CONDITION, \"text\": \"...\"}", at: element, path: itemPath)
                    continue
                }
                guard let condition = conditionDecoder.decode(when, at: itemPath.appending("when"), log: &log) else { continue }
                pieces.append(RuleText.Piece(condition: condition, text: text))
            }
        } else {
            log.error("a text must be a non-empty string or a list of pieces, found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        for piece in pieces {
            for name in RuleText.placeholders(in: piece.text) where questionnaire.node(name) == nil && derivedTypes[name] == nil {
                log.error("'{\(name)}' names no question or derived value\(Suggestion.hint(for: name, among: questionnaire.nodes.map(\.id) + derived.map(\.name)))", at: value, path: path)
            }
        }
        return RuleText(pieces: pieces)
    }

    /// `"assume"`: the follow-ups read the cautious way when missing.
    mutating func readAssumptions(_ value: JSONValue, at path: JSONPath) -> [Assumption] {
        guard let list = value.arrayValue else {
            log.error("'assume' must be a list of {\"question\", \"when\", \"value\"}", at: value, path: path)
            return []
        }
        var assumptions: [Assumption] = []
        for (index, element) in list.enumerated() {
            let itemPath = path.appending(index)
            guard let object = object(element, at: itemPath, what: "an assumption", allowed: ["question", "when", "value"]),
                  let questionValue = object["question"], let when = object["when"], let assumed = object["value"]
            else {
                log.error("an assumption needs \"question\", \"when\" (the follow-up is reached) and \"value\" (the cautious answer)", at: element, path: itemPath)
                continue
            }
            guard let node = question(questionValue, at: itemPath.appending("question"), kinds: [.single, .multi, .yesno, .scale, .number]),
                  let condition = conditionDecoder.decode(when, at: itemPath.appending("when"), log: &log)
            else { continue }
            let valuePath = itemPath.appending("value")
            if let derivedName = assumed["value"]?.stringValue {
                guard case .choice? = derivedTypes[derivedName] else {
                    log.error("'\(derivedName)' must be a derived value holding one option code", at: assumed, path: valuePath)
                    continue
                }
                assumptions.append(Assumption(question: node.id, condition: condition, value: .derived(derivedName)))
                continue
            }
            let answer: AnswerValue?
            switch (questionnaire.valueType(of: node.id), assumed.kind) {
            case (.yesNo?, .bool(let flag)): answer = .yesNo(flag)
            case (.choice(let codes)?, .string(let code)) where codes.contains(code): answer = .choice(code)
            case (.choices(let known)?, .array(let items)):
                let codes = items.compactMap(\.stringValue)
                answer = codes.count == items.count && codes.allSatisfy(known.contains) ? .choices(codes) : nil
            case (_, .number(let number)) where node.kind == .scale:
                answer = number.integer.map(AnswerValue.integer)
            case (_, .number(let number)) where node.kind == .number:
                answer = .number(number.double)
            default: answer = nil
            }
            guard let answer else {
                log.error("the assumed value is not an answer '\(node.id)' can have", at: assumed, path: valuePath)
                continue
            }
            assumptions.append(Assumption(question: node.id, condition: condition, value: .answer(answer)))
        }
        return assumptions
    }

    /// A list of question ids.
    mutating func readQuestionList(_ value: JSONValue, at path: JSONPath) -> [String] {
        guard let list = value.arrayValue else {
            log.error("'atTop' must be a list of question ids", at: value, path: path)
            return []
        }
        return list.enumerated().compactMap { index, element in
            question(element, at: path.appending(index), kinds: NodeKind.allCases.filter { $0 != .info })?.id
        }
    }
}
