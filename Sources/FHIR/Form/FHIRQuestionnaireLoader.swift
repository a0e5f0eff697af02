import QuestionnaireModel

/// Reads a FHIR R4 `Questionnaire` into a form intake can run.
///
/// What each part of FHIR becomes (Questionnaires/FHIR.md says the same):
///
/// | FHIR | intake |
/// |---|---|
/// | `group` with text | an information page (the heading); its questions are in a section of that name; nested groups nest their conditions |
/// | `group` without text | nothing shown; its questions keep its conditions |
/// | `display` | an information page; under a question, its hint (or help for `flyover`/`help` controls) |
/// | `boolean` | yes/no |
/// | `choice`, `open-choice` | single choice, or multiple when `repeats`; `open-choice` also takes other text |
/// | `integer`, `decimal`, `quantity` | number (whole for `integer`), bounds from `minValue`/`maxValue`, unit from `questionnaire-unit` |
/// | `string`, `text`, `url` | text, `maxLength` kept |
/// | `date`, `dateTime`, `time` | a date, a date and time, a time, typed as people write them; date bounds from `minValue`/`maxValue` |
/// | `attachment`, `reference` | not asked (an error when required) |
/// | `enableWhen`, `enableBehavior`, `enableWhenExpression` | the conditions of generated routes: each node leads to the first later node whose conditions hold |
/// | `required` | required (FHIR's default is optional) |
/// | `initial[x]`, `initialSelected` | the default answer, taken with Enter |
/// | `readOnly`, `questionnaire-hidden`, `calculatedExpression` | not asked: computed values |
/// | `entryFormat` | the hint |
public enum FHIRQuestionnaireLoader {
    /// Whether parsed JSON is a FHIR resource of type Questionnaire.
    public static func isFHIRQuestionnaire(_ json: JSONValue) -> Bool {
        json["resourceType"]?.stringValue == "Questionnaire"
    }

    /// Loads the FHIR Questionnaire in `bytes`; `file` is the name used in diagnostics.
    public static func load(_ bytes: [UInt8], file: String, limits: JSONLimits = .default) throws(DiagnosticError) -> FHIRForm {
        let json = try JSONParser.parseFile(bytes, file: file, limits: limits)
        return try load(parsed: json, from: bytes, file: file)
    }

    /// Loads a Questionnaire already parsed from `bytes`.
    public static func load(parsed json: JSONValue, from bytes: [UInt8], file: String) throws(DiagnosticError) -> FHIRForm {
        var log = DiagnosticLog(file: file, source: SourceText(bytes))
        guard json.objectValue != nil else {
            log.error("a FHIR Questionnaire is a JSON object, found \(json.typeDescription)", at: json, path: .root)
            throw DiagnosticError(log.diagnostics)
        }
        guard isFHIRQuestionnaire(json) else {
            let found = json["resourceType"]?.stringValue.map { "'\($0)'" } ?? "no resourceType"
            log.error("this is not a FHIR Questionnaire (\(found)): intake runs resources whose resourceType is \"Questionnaire\"", at: json["resourceType"] ?? json, path: .root.appending("resourceType"))
            throw DiagnosticError(log.diagnostics)
        }
        log.refuseControlCharacters(in: json)
        var reader = ItemReader(root: json, log: log)
        let items = reader.readItems(json["item"], at: .root.appending("item"), parentLinkId: nil)
        log = reader.log
        if items.isEmpty, !log.hasErrors {
            log.error("the Questionnaire has no items: there is nothing to ask", at: json["item"] ?? json, path: .root.appending("item"))
        }
        guard !log.hasErrors else {
            throw DiagnosticError(log.diagnostics.filter { $0.severity == .error })
        }
        var builder = FlowBuilder(form: json, items: items, steps: reader.steps, log: log)
        let questionnaire = builder.build()
        log = builder.log
        guard !log.hasErrors, let questionnaire else {
            throw DiagnosticError(log.diagnostics.filter { $0.severity == .error })
        }
        var form = FHIRForm(resource: json, items: builder.items, questionnaire: questionnaire, warnings: [])
        let calculation = FormCalculation(form: form, log: &log)
        form.questionnaire.computedValues = calculation
        form.calculation = calculation
        form.warnings = log.diagnostics.filter { $0.severity == .warning }
        return form
    }
}

// MARK: - Reading items

/// One thing the interview shows, in document order, before routes are made.
struct FlowStep {
    var node: Node
    /// The conditions of the item and of every group around it; all must hold.
    var conditions: [Condition]
    /// For a group heading: the number of steps inside the group after it.
    var stepsInside: Int
}

/// Reads the item tree, reporting what intake cannot do once per item.
struct ItemReader {
    let root: JSONValue
    var log: DiagnosticLog
    var steps: [FlowStep] = []
    var linkIds: [String: JSONPath] = [:]
    let contained: [String: JSONValue]
    /// Every item of the file by linkId, read before anything else so that
    /// an `enableWhen` can name an item further on.
    let rawItems: [String: JSONValue]

    init(root: JSONValue, log: DiagnosticLog) {
        self.root = root
        self.log = log
        var rawItems: [String: JSONValue] = [:]
        func collect(_ value: JSONValue?) {
            for item in value?.arrayValue ?? [] {
                if let linkId = item["linkId"]?.stringValue, rawItems[linkId] == nil { rawItems[linkId] = item }
                collect(item["item"])
            }
        }
        collect(root["item"])
        self.rawItems = rawItems
        var contained: [String: JSONValue] = [:]
        for resource in root["contained"]?.arrayValue ?? [] {
            if let id = resource["id"]?.stringValue { contained[id] = resource }
        }
        self.contained = contained
    }

    /// Extensions intake uses, or that change nothing in a terminal.
    static let understood: Set<String> = [
        FHIRExtension.itemControl, FHIRExtension.unit, FHIRExtension.unitOption, FHIRExtension.hidden, FHIRExtension.minValue,
        FHIRExtension.maxValue, FHIRExtension.entryFormat, FHIRExtension.ordinalValue, FHIRExtension.itemWeight,
        FHIRExtension.sdcItemWeight, FHIRExtension.variable, FHIRExtension.calculatedExpression, FHIRExtension.enableWhenExpression,
        FHIRExtension.initialExpression, FHIRExtension.displayCategory, FHIRExtension.optionPrefix, FHIRExtension.minOccurs,
        FHIRExtension.maxOccurs, FHIRExtension.renderingStyleSensitive, FHIRExtension.observationLinkPeriod, FHIRExtension.optionExclusive,
        FHIRExtension.renderingStyle, FHIRExtension.renderingXhtml, FHIRConversion.nodeKindExtension, FHIRConversion.urgentExtension,
        FHIRConversion.labelExtension,
    ]

    mutating func readItems(_ value: JSONValue?, at path: JSONPath, parentLinkId: String?) -> [FHIRItem] {
        guard let value else { return [] }
        guard let list = value.arrayValue else {
            log.error("'item' must be a list of items, found \(value.typeDescription)", at: value, path: path)
            return []
        }
        var items: [FHIRItem] = []
        for (index, element) in list.enumerated() {
            if let item = readItem(element, at: path.appending(index), conditions: [], section: nil) { items.append(item) }
        }
        return items
    }

    /// Reads one item and the items under it, appending the steps that ask them.
    mutating func readItem(_ value: JSONValue, at path: JSONPath, conditions outer: [Condition], section: String?) -> FHIRItem? {
        guard let object = value.objectValue else {
            log.error("an item must be an object, found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        guard let linkId = object["linkId"]?.stringValue, !linkId.isEmpty else {
            log.error("the item has no 'linkId': every FHIR item needs one", at: value, path: path)
            return nil
        }
        if let earlier = linkIds[linkId] {
            log.warning("the linkId '\(linkId)' is used twice (first at \(earlier)), though FHIR wants each once: this second item is left out", at: object["linkId"], path: path.appending("linkId"))
            return nil
        }
        linkIds[linkId] = path
        guard let typeName = object["type"]?.stringValue, let type = FHIRItemType(rawValue: typeName) else {
            let found = object["type"]?.stringValue.map { "'\($0)'" } ?? "no type"
            log.warning("item '\(linkId)' has \(found), not a FHIR R4 item type: it is not asked", at: object["type"] ?? value, path: path.appending("type"))
            return nil
        }
        let extensions = object["extension"]?.arrayValue ?? []
        func extensionValue(_ url: String) -> JSONValue? {
            extensions.first { $0["url"]?.stringValue == url }
        }
        let itemControl = extensionValue(FHIRExtension.itemControl)?["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"]?.stringValue
        // An item that is not asked at all is reported once, for that.
        if type != .attachment && type != .reference { reportUnknownExtensions(extensions, of: linkId, at: path) }

        var item = FHIRItem(
            linkId: linkId, type: type, text: object["text"]?.stringValue, path: path, children: [],
            required: object["required"]?.boolValue ?? false, repeats: object["repeats"]?.boolValue ?? false,
            readOnly: object["readOnly"]?.boolValue ?? false,
            hidden: extensionValue(FHIRExtension.hidden)?["valueBoolean"]?.boolValue ?? false,
            options: [], unit: nil, initial: object["initial"]?.arrayValue ?? [], nodeID: nil,
            calculatedExpression: expression(extensionValue(FHIRExtension.calculatedExpression)),
            enableWhenExpression: expression(extensionValue(FHIRExtension.enableWhenExpression)),
            initialExpression: expression(extensionValue(FHIRExtension.initialExpression)),
            variables: extensions.filter { $0["url"]?.stringValue == FHIRExtension.variable }.compactMap { variable in
                guard let name = variable["valueExpression"]?["name"]?.stringValue, let text = variable["valueExpression"]?["expression"]?.stringValue else { return nil }
                return (name, text)
            })
        if type == .choice || type == .openChoice {
            item.options = readOptions(object, linkId: linkId, at: path)
        }
        item.unit = extensionValue(FHIRExtension.unit)?["valueCoding"] ?? extensionValue(FHIRExtension.unitOption)?["valueCoding"]
        if extensions.filter({ $0["url"]?.stringValue == FHIRExtension.unitOption }).count > 1 {
            log.warning("item '\(linkId)' offers several units: intake takes answers in the first, \(unitName(item.unit) ?? "its unit")", at: value, path: path.appending("extension"))
        }
        // The translation extension is read by FHIRTranslations; any other computes the text.
        if let list = object["_text"]?["extension"]?.arrayValue,
           list.contains(where: { $0["url"]?.stringValue != FHIRTranslations.url }) {
            log.warning("item '\(linkId)' computes its text with an expression: intake shows the text as written", at: object["_text"], path: path.appending("_text"))
        }
        if object["answerExpression"] != nil || extensionValue(FHIRExtension.answerExpression) != nil {
            log.warning("item '\(linkId)' takes its options from an answerExpression, which intake does not run", at: value, path: path)
        }

        let own = EnableWhenReader(items: rawItems).conditions(of: object, linkId: linkId, at: path, log: &log)
        let conditions = outer + own
        var hintLines: [String] = []
        var helpLines: [String] = []
        if let format = extensionValue(FHIRExtension.entryFormat)?["valueString"]?.stringValue { hintLines.append("Format: \(format)") }

        // A question's own display children are its hint and help, not pages.
        var childSection = section
        if type == .group, let text = item.text, !text.isEmpty { childSection = linkId }
        let childrenValue = object["item"]
        var isHeading = false
        let headingIndex = steps.count
        if type == .group {
            if item.repeats {
                log.warning("group '\(linkId)' repeats: intake asks it once", at: object["repeats"], path: path.appending("repeats"))
            }
            if let text = item.text, !text.isEmpty, !item.hidden {
                var node = Node(id: linkId, spec: .info, text: text, section: childSection, required: false)
                node.offset = value.offset
                steps.append(FlowStep(node: node, conditions: conditions, stepsInside: 0))
                item.nodeID = linkId
                isHeading = true
            }
        } else if type == .display {
            if let text = item.text, !text.isEmpty, !item.hidden {
                var node = Node(id: linkId, spec: .info, text: text, section: section, required: false)
                node.offset = value.offset
                node.urgent = extensionValue(FHIRConversion.urgentExtension)?["valueBoolean"]?.boolValue ?? false
                steps.append(FlowStep(node: node, conditions: conditions, stepsInside: 0))
                item.nodeID = linkId
            }
        } else {
            for child in childrenValue?.arrayValue ?? [] where child["type"]?.stringValue == "display" {
                guard let text = child["text"]?.stringValue, !text.isEmpty else { continue }
                let control = child["extension"]?.arrayValue?.first { $0["url"]?.stringValue == FHIRExtension.itemControl }?["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"]?.stringValue
                if control == "flyover" || control == "help" || control == "legal" { helpLines.append(text) } else { hintLines.append(text) }
            }
            if let node = questionNode(for: &item, object: object, value: value, path: path, section: section, itemControl: itemControl) {
                var node = node
                if !hintLines.isEmpty { node.hint = (hintLines + [node.hint].compactMap { $0 }).joined(separator: "\n") }
                if !helpLines.isEmpty { node.help = helpLines.joined(separator: "\n") }
                steps.append(FlowStep(node: node, conditions: conditions, stepsInside: 0))
                item.nodeID = node.id
            }
        }

        // Children: a question's children are asked after it, only once it is answered.
        var childConditions = conditions
        if item.isQuestion {
            childConditions.append(.test(item.nodeID.map(Subject.question) ?? .value(linkId), .answered(true)))
        }
        if let childrenValue {
            if let list = childrenValue.arrayValue {
                for (index, child) in list.enumerated() {
                    let childPath = path.appending("item").appending(index)
                    if item.isQuestion, child["type"]?.stringValue == "display" {
                        // Already the question's hint or help; kept in the tree.
                        if let linkId = child["linkId"]?.stringValue, let type = FHIRItemType(rawValue: "display") {
                            if let earlier = linkIds[linkId] {
                                log.warning("the linkId '\(linkId)' is used twice (first at \(earlier)), though FHIR wants each once: it is shown all the same", at: child["linkId"], path: childPath.appending("linkId"))
                            }
                            linkIds[linkId] = childPath
                            item.children.append(FHIRItem(linkId: linkId, type: type, text: child["text"]?.stringValue, path: childPath, children: [], required: false, repeats: false, readOnly: false, hidden: true, options: [], unit: nil, initial: [], nodeID: nil, variables: []))
                        }
                        continue
                    }
                    if let read = readItem(child, at: childPath, conditions: childConditions, section: childSection) {
                        item.children.append(read)
                    }
                }
            } else {
                log.error("'item' must be a list of items, found \(childrenValue.typeDescription)", at: childrenValue, path: path.appending("item"))
            }
        }
        if isHeading { steps[headingIndex].stepsInside = steps.count - headingIndex - 1 }
        return item
    }

    // MARK: Questions

    /// The node that asks a question item, or nil when intake does not ask it.
    mutating func questionNode(for item: inout FHIRItem, object: JSONObject, value: JSONValue, path: JSONPath, section: String?, itemControl: String?) -> Node? {
        let linkId = item.linkId
        if item.type == .attachment || item.type == .reference {
            let what = item.type == .attachment ? "a file to attach" : "a reference to another resource"
            if item.required && !item.readOnly && !item.hidden {
                log.error("item '\(linkId)' asks for \(what), which intake cannot ask in a terminal, and it is required: the form cannot be completed", at: value, path: path)
            } else {
                log.warning("item '\(linkId)' asks for \(what), which intake cannot ask: it is left unanswered", at: object["type"], path: path.appending("type"))
            }
            return nil
        }
        if item.calculatedExpression != nil || item.readOnly || item.hidden { return nil }
        // R4 has no open-choice control, but forms mark a choice that takes
        // other text with one (the Android SDC library reads it so): it is
        // an open-choice item, and its answers are written as one's.
        if item.type == .choice, itemControl == "open-choice" { item.type = .openChoice }
        let kindExtension = (object["extension"]?.arrayValue ?? []).first { $0["url"]?.stringValue == FHIRConversion.nodeKindExtension }?["valueCode"]?.stringValue
        if item.repeats, item.type != .choice, item.type != .openChoice, kindExtension != "medications" {
            log.warning("item '\(linkId)' repeats: intake takes one answer", at: object["repeats"], path: path.appending("repeats"))
        }
        guard let text = item.text, !text.isEmpty else {
            log.warning("item '\(linkId)' has no text: it is asked as \"\(linkId)\"", at: value, path: path)
            return makeNode(&item, text: linkId, object: object, value: value, path: path, section: section)
        }
        return makeNode(&item, text: text, object: object, value: value, path: path, section: section)
    }

    mutating func makeNode(_ item: inout FHIRItem, text: String, object: JSONObject, value: JSONValue, path: JSONPath, section: String?) -> Node? {
        let linkId = item.linkId
        let extensions = object["extension"]?.arrayValue ?? []
        func bound(_ url: String) -> JSONValue? {
            extensions.first { $0["url"]?.stringValue == url }
        }
        let maxLength = object["maxLength"]?.numberValue?.integer
        var spec: AnswerSpec
        var hint: String?
        switch item.type {
        case .boolean:
            spec = .yesno
        case .choice, .openChoice:
            guard !item.options.isEmpty else {
                if item.required {
                    log.error("choice item '\(linkId)' has no options intake can read, and it is required: the form cannot be completed", at: value, path: path)
                } else {
                    log.warning("choice item '\(linkId)' has no options intake can read: it is not asked", at: value, path: path)
                }
                return nil
            }
            let options = item.options.map { Option(code: $0.code, label: $0.label) }
            spec = item.repeats ? .multi(.fixed(options)) : .single(.fixed(options))
            if item.type == .openChoice { hint = item.repeats ? "Choose all that apply, or type your own, separated by commas." : "Type a number or a name, or your own answer." }
        case .integer, .decimal, .quantity:
            let integer = item.type == .integer
            let low = number(in: bound(FHIRExtension.minValue)) ?? (integer ? -2_147_483_648 : -1e15)
            let high = number(in: bound(FHIRExtension.maxValue)) ?? (integer ? 2_147_483_647 : 1e15)
            guard low < high else {
                log.warning("item '\(linkId)' has minValue \(low) not below maxValue \(high): it is not asked", at: value, path: path)
                return nil
            }
            let unit = unitName(item.unit)
            spec = .number(min: low, max: high, integer: integer, unit: unit)
            let range = bound(FHIRExtension.minValue) != nil || bound(FHIRExtension.maxValue) != nil
                ? " from \(show(low)) to \(show(high))" : ""
            hint = "Enter \(integer ? "a whole number" : "a number")\(range)\(unit.map { " (\($0))" } ?? "")."
            if extensions.contains(where: { $0["url"]?.stringValue == FHIRExtension.maxDecimalPlaces }) {
                log.warning("item '\(linkId)' limits decimal places: intake does not check them", at: value, path: path.appending("extension"))
            }
        case .string, .url:
            spec = .text(maxLength: min(maxLength ?? 1000, TextInput.maxLength))
        case .text:
            spec = .text(maxLength: min(maxLength ?? TextInput.maxLength, TextInput.maxLength))
        case .date:
            let earliest = bound(FHIRExtension.minValue)?["valueDate"]?.stringValue.flatMap { CalendarDate(iso: $0) }
            let latest = bound(FHIRExtension.maxValue)?["valueDate"]?.stringValue.flatMap { CalendarDate(iso: $0) }
            spec = .date(earliest: earliest, latest: latest)
        case .dateTime:
            spec = .dateTime
        case .time:
            spec = .time
        case .group, .display, .attachment, .reference:
            return nil
        }
        // A form intake wrote keeps the kinds FHIR lacks in an extension.
        switch (bound(FHIRConversion.nodeKindExtension)?["valueCode"]?.stringValue, spec) {
        case ("scale", .number(let low, let high, true, _)):
            spec = .scale(min: Int(low), max: Int(high), minLabel: nil, maxLabel: nil)
            hint = nil
        case ("duration", _):
            spec = .duration(minDays: 0, maxDays: 36525)
            hint = nil
        case ("medications", _):
            spec = .medications
        default:
            break
        }
        var node = Node(id: linkId, spec: spec, text: text, hint: hint, section: section, required: item.required)
        node.urgent = bound(FHIRConversion.urgentExtension)?["valueBoolean"]?.boolValue ?? false
        node.label = bound(FHIRConversion.labelExtension)?["valueString"]?.stringValue
        node.offset = value.offset
        node.allowsOtherText = item.type == .openChoice
        node.defaultAnswer = defaultAnswer(for: item)
        if node.kind == .multi, case .multi(.fixed(let options)) = spec {
            // FHIR's optionExclusive marks "none of these" options.
            let exclusive = Set(item.options.indices.filter { index in
                (object["answerOption"]?.arrayValue?[safe: index]?["extension"]?.arrayValue ?? []).contains { $0["url"]?.stringValue == FHIRExtension.optionExclusive && $0["valueBoolean"]?.boolValue == true }
            })
            if !exclusive.isEmpty {
                node.spec = .multi(.fixed(options.enumerated().map { index, option in
                    Option(code: option.code, label: option.label, aliases: option.aliases, exclusive: exclusive.contains(index) || option.exclusive)
                }))
            }
        }
        return node
    }

    /// `initial[x]` (or options marked `initialSelected`) written as a person
    /// would type it, for Enter to take.
    func defaultAnswer(for item: FHIRItem) -> String? {
        let selected = item.options.filter(\.initiallySelected)
        if !selected.isEmpty { return selected.map(\.label).joined(separator: ", ") }
        var typed: [String] = []
        for initial in item.initial {
            guard let member = initial.objectValue?.members.first(where: { $0.key.hasPrefix("value") }) else { continue }
            switch member.value.kind {
            case .bool(let flag): typed.append(flag ? "yes" : "no")
            case .number(let number): typed.append(number.text)
            case .string(let text): typed.append(text)
            case .object(let object):
                if let code = object["code"]?.stringValue, let option = item.options.first(where: { $0.answer["valueCoding"]?["code"]?.stringValue == code }) {
                    typed.append(option.label)
                } else if let number = object["value"]?.numberValue {
                    typed.append(number.text)
                }
            default: break
            }
        }
        return typed.isEmpty ? nil : typed.joined(separator: ", ")
    }

    // MARK: Options

    mutating func readOptions(_ object: JSONObject, linkId: String, at path: JSONPath) -> [FHIRAnswerOption] {
        var options: [FHIRAnswerOption] = []
        var codes: Set<String> = []
        func add(code: String, label: String, answer: JSONValue, weight: Double?, selected: Bool) {
            var unique = code
            var counter = 2
            while codes.contains(unique) {
                unique = "\(code)-\(counter)"
                counter += 1
            }
            codes.insert(unique)
            options.append(FHIRAnswerOption(code: unique, label: label, answer: answer, weight: weight, initiallySelected: selected))
        }
        if let list = object["answerOption"]?.arrayValue {
            for (index, option) in list.enumerated() {
                let optionPath = path.appending("answerOption").appending(index)
                let weight = FHIRWeights.weight(in: option) ?? option["valueCoding"].flatMap(FHIRWeights.weight(in:))
                let selected = option["initialSelected"]?.boolValue ?? false
                if let coding = option["valueCoding"] {
                    guard let code = coding["code"]?.stringValue ?? coding["display"]?.stringValue else {
                        log.warning("option of '\(linkId)' has a coding without code or display: it is left out", at: option, path: optionPath)
                        continue
                    }
                    add(code: code, label: coding["display"]?.stringValue ?? code, answer: .object(["valueCoding": coding]), weight: weight, selected: selected)
                } else if let text = option["valueString"]?.stringValue {
                    add(code: text, label: text, answer: .object(["valueString": .string(text)]), weight: weight, selected: selected)
                } else if let number = option["valueInteger"]?.numberValue, let integer = number.integer {
                    add(code: String(integer), label: String(integer), answer: .object(["valueInteger": .number(integer)]), weight: weight, selected: selected)
                } else if let date = option["valueDate"]?.stringValue {
                    add(code: date, label: CalendarDate(iso: date)?.words ?? date, answer: .object(["valueDate": .string(date)]), weight: weight, selected: selected)
                } else {
                    let kind = option.objectValue?.keys.first { $0.hasPrefix("value") } ?? "no value"
                    log.warning("option of '\(linkId)' has \(kind), which intake does not offer (it reads valueCoding, valueString, valueInteger and valueDate): it is left out", at: option, path: optionPath)
                }
            }
        }
        if let reference = object["answerValueSet"]?.stringValue {
            let valuePath = path.appending("answerValueSet")
            guard reference.hasPrefix("#"), let valueSet = contained[String(reference.dropFirst())] else {
                log.warning("item '\(linkId)' takes its options from the value set \(reference), which is not contained in the file: intake cannot fetch it", at: object["answerValueSet"], path: valuePath)
                return options
            }
            var seen = false
            for include in valueSet["compose"]?["include"]?.arrayValue ?? [] {
                let system = include["system"]?.stringValue
                if include["concept"] == nil {
                    log.warning("the value set \(reference) includes all of \(system ?? "a code system") without listing the codes: intake cannot expand it", at: include, path: valuePath)
                }
                for concept in include["concept"]?.arrayValue ?? [] {
                    guard let code = concept["code"]?.stringValue else { continue }
                    seen = true
                    var coding = JSONObject()
                    if let system { coding.set("system", .string(system)) }
                    coding.set("code", .string(code))
                    if let display = concept["display"]?.stringValue { coding.set("display", .string(display)) }
                    add(code: code, label: concept["display"]?.stringValue ?? code, answer: .object(["valueCoding": .object(coding)]), weight: FHIRWeights.weight(in: concept), selected: false)
                }
            }
            if !seen {
                for entry in valueSet["expansion"]?["contains"]?.arrayValue ?? [] {
                    guard let code = entry["code"]?.stringValue else { continue }
                    var coding = JSONObject()
                    for key in ["system", "code", "display"] { if let text = entry[key]?.stringValue { coding.set(key, .string(text)) } }
                    add(code: code, label: entry["display"]?.stringValue ?? code, answer: .object(["valueCoding": .object(coding)]), weight: FHIRWeights.weight(in: entry), selected: false)
                }
            }
        }
        return options
    }

    // MARK: Pieces

    mutating func reportUnknownExtensions(_ extensions: [JSONValue], of linkId: String, at path: JSONPath) {
        var reported: Set<String> = []
        for (index, extensionValue) in extensions.enumerated() {
            guard let url = extensionValue["url"]?.stringValue, !ItemReader.understood.contains(url), reported.insert(url).inserted else { continue }
            if url == FHIRExtension.maxDecimalPlaces || url == FHIRExtension.answerExpression { continue }
            let name = url.split(separator: "/").last.map(String.init) ?? url
            log.warning("item '\(linkId)': the extension '\(name)' is not supported by intake and is ignored", at: extensionValue, path: path.appending("extension").appending(index))
        }
    }

    func expression(_ extensionValue: JSONValue?) -> String? {
        guard let expression = extensionValue?["valueExpression"] else { return nil }
        return expression["expression"]?.stringValue
    }

    func number(in extensionValue: JSONValue?) -> Double? {
        guard let extensionValue else { return nil }
        if let number = (extensionValue["valueInteger"] ?? extensionValue["valueDecimal"])?.numberValue { return number.double }
        return extensionValue["valueQuantity"]?["value"]?.numberValue?.double
    }

    func unitName(_ coding: JSONValue?) -> String? {
        coding?["display"]?.stringValue ?? coding?["code"]?.stringValue
    }

    func show(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

/// The extension URLs intake reads.
enum FHIRExtension {
    static let itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
    static let unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
    static let unitOption = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption"
    static let hidden = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden"
    static let minValue = "http://hl7.org/fhir/StructureDefinition/minValue"
    static let maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
    static let maxDecimalPlaces = "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces"
    static let entryFormat = "http://hl7.org/fhir/StructureDefinition/entryFormat"
    static let ordinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    static let itemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight"
    static let sdcItemWeight = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemWeight"
    static let variable = "http://hl7.org/fhir/StructureDefinition/variable"
    static let calculatedExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
    static let enableWhenExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
    static let initialExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression"
    static let answerExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression"
    static let displayCategory = "http://hl7.org/fhir/StructureDefinition/questionnaire-displayCategory"
    static let optionPrefix = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionPrefix"
    static let optionExclusive = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
    static let minOccurs = "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs"
    static let maxOccurs = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs"
    static let renderingStyleSensitive = "http://hl7.org/fhir/StructureDefinition/rendering-styleSensitive"
    static let renderingStyle = "http://hl7.org/fhir/StructureDefinition/rendering-style"
    static let renderingXhtml = "http://hl7.org/fhir/StructureDefinition/rendering-xhtml"
    static let observationLinkPeriod = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationLinkPeriod"
}
