/// The type of answer a subject has, as conditions see it.
public enum ValueType: Sendable, Equatable {
    /// One code among these (a `single` question).
    case choice([String])
    /// A set of these codes (a `multi` question).
    case choices([String])
    case integer(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    /// A length of time, compared in days.
    case duration
    case yesNo
    case text
    /// A day, compared as a number of days (conditions write "2024-03-05").
    case date
    /// A time of day, compared in seconds since midnight ("14:30").
    case time
    /// A day and time, compared in seconds ("2024-03-05T14:30").
    case dateTime
    case medications
    /// An `info` step: nothing to test.
    case none

    /// The type in words, for error messages.
    public var words: String {
        switch self {
        case .choice: "a single-choice answer"
        case .choices: "a multiple-choice answer"
        case .integer: "a whole number"
        case .number: "a number"
        case .duration: "a duration"
        case .yesNo: "a yes/no answer"
        case .text: "a text answer"
        case .date: "a date"
        case .time: "a time of day"
        case .dateTime: "a date and time"
        case .medications: "a list of medicines"
        case .none: "no answer (an information step)"
        }
    }

    /// The tests that make sense for this type.
    var operators: [String] {
        switch self {
        case .choice: ["equals", "in", "answered"]
        case .choices: ["includes", "includesAny", "includesAll", "count", "answered"]
        case .integer, .number, .duration, .date, .time, .dateTime: ["equals", "in", "lt", "lte", "gt", "gte", "answered"]
        case .yesNo: ["equals", "answered"]
        case .text: ["equals", "answered"]
        case .medications: ["answered"]
        case .none: []
        }
    }
}

extension Questionnaire {
    /// The type of the answer to the node with `id`, as conditions see it.
    public func valueType(of id: String) -> ValueType? {
        guard let node = node(id) else { return nil }
        switch node.spec {
        case .single(let source): return .choice(codes(of: source, excludingExclusive: false))
        case .multi(let source): return .choices(codes(of: source, excludingExclusive: false))
        case .scale(let min, let max, _, _): return .integer(min...max)
        case .number(let min, let max, _, _): return .number(min...max)
        case .duration: return .duration
        case .yesno: return .yesNo
        case .text: return .text
        case .date: return .date
        case .time: return .time
        case .dateTime: return .dateTime
        case .medications: return .medications
        case .info: return ValueType.none
        }
    }

    /// The codes a choice source can give.
    func codes(of source: ChoiceSource, excludingExclusive: Bool) -> [String] {
        switch source {
        case .fixed(let options):
            return options.filter { !(excludingExclusive && $0.exclusive) }.map(\.code)
        case .answerOf(let sourceID):
            guard case .fixed(let options)? = node(sourceID)?.spec.choiceSource else { return [] }
            return options.filter { !$0.exclusive }.map(\.code)
        }
    }
}

/// Reads conditions from JSON and checks each test against the type of the
/// answer it reads, so a condition that could never work is refused at load.
public struct ConditionDecoder {
    /// The type of a subject, or nil when no such subject exists.
    public var typeOf: (Subject) -> ValueType?
    /// Names offered in "did you mean" hints for unknown subjects.
    public var knownNames: (Subject) -> [String]
    /// Whether `{"value": ...}` tests of derived values are allowed (rule files).
    public var allowsDerivedValues: Bool

    public init(typeOf: @escaping (Subject) -> ValueType?, knownNames: @escaping (Subject) -> [String], allowsDerivedValues: Bool) {
        self.typeOf = typeOf
        self.knownNames = knownNames
        self.allowsDerivedValues = allowsDerivedValues
    }

    /// A decoder for conditions inside `questionnaire` (questions only).
    public init(questionnaire: Questionnaire) {
        self.init(
            typeOf: { subject in
                guard case .question(let id) = subject else { return nil }
                return questionnaire.valueType(of: id)
            },
            knownNames: { _ in questionnaire.nodes.map(\.id) },
            allowsDerivedValues: false)
    }

    static let combinators = ["all", "any", "not"]
    static let testOperators = ["equals", "in", "includes", "includesAny", "includesAll", "lt", "lte", "gt", "gte", "count", "answered"]

    /// The condition at `path`, or nil after logging why it cannot be used.
    public func decode(_ json: JSONValue, at path: JSONPath, log: inout DiagnosticLog) -> Condition? {
        guard let object = json.objectValue else {
            log.error("a condition must be an object such as {\"question\": \"age_band\", \"equals\": \"over-50\"}, found \(json.typeDescription)", at: json, path: path)
            return nil
        }
        let keys = object.keys
        if keys.count == 1, let key = keys.first, Self.combinators.contains(key) {
            let inner = object[key]!
            let innerPath = path.appending(key)
            if key == "not" {
                return decode(inner, at: innerPath, log: &log).map(Condition.not)
            }
            guard let list = inner.arrayValue else {
                log.error("'\(key)' takes a list of conditions, found \(inner.typeDescription)", at: inner, path: innerPath)
                return nil
            }
            var conditions: [Condition] = []
            var failed = false
            for (index, element) in list.enumerated() {
                if let condition = decode(element, at: innerPath.appending(index), log: &log) {
                    conditions.append(condition)
                } else {
                    failed = true
                }
            }
            if failed { return nil }
            return key == "all" ? .all(conditions) : .any(conditions)
        }
        let subjectKeys = allowsDerivedValues ? ["question", "value"] : ["question"]
        let presentSubjects = keys.filter { subjectKeys.contains($0) }
        guard presentSubjects.count == 1, let subjectKey = presentSubjects.first else {
            let unknown = keys.first { !subjectKeys.contains($0) && !Self.combinators.contains($0) && !Self.testOperators.contains($0) }
            if let unknown {
                let hint = Suggestion.hint(for: unknown, among: subjectKeys + Self.combinators + Self.testOperators)
                log.error("unknown key '\(unknown)' in a condition\(hint)", at: json, path: path)
            } else if keys.contains(where: Self.combinators.contains) {
                log.error("'all', 'any' and 'not' must be alone in their object: wrap the other tests in them", at: json, path: path)
            } else {
                let what = allowsDerivedValues ? "\"question\" or \"value\"" : "\"question\""
                log.error("a test needs exactly one \(what) naming what it reads", at: json, path: path)
            }
            return nil
        }
        let operators = keys.filter { $0 != subjectKey }
        guard let name = object[subjectKey]!.stringValue else {
            log.error("'\(subjectKey)' must be a string naming a \(subjectKey), found \(object[subjectKey]!.typeDescription)", at: object[subjectKey]!, path: path.appending(subjectKey))
            return nil
        }
        let subject: Subject = subjectKey == "question" ? .question(name) : .value(name)
        guard operators.count == 1, let op = operators.first else {
            if operators.isEmpty {
                log.error("the test of '\(name)' needs one of \(Self.testOperators.joined(separator: ", "))", at: json, path: path)
            } else {
                log.error("the test of '\(name)' has \(operators.count) tests (\(operators.joined(separator: ", "))): use one per object and combine them with \"all\" or \"any\"", at: json, path: path)
            }
            return nil
        }
        guard Self.testOperators.contains(op) else {
            log.error("unknown test '\(op)'\(Suggestion.hint(for: op, among: Self.testOperators)): use one of \(Self.testOperators.joined(separator: ", "))", at: json, path: path.appending(op))
            return nil
        }
        guard let type = typeOf(subject) else {
            let kind = subjectKey == "question" ? "question" : "derived value"
            log.error("there is no \(kind) '\(name)'\(Suggestion.hint(for: name, among: knownNames(subject)))", at: object[subjectKey]!, path: path.appending(subjectKey))
            return nil
        }
        let argument = object[op]!
        let argumentPath = path.appending(op)
        guard type.operators.contains(op) else {
            if type == .none {
                log.error("'\(name)' is an information step and has no answer to test", at: object[subjectKey]!, path: path.appending(subjectKey))
            } else {
                log.error("'\(name)' has \(type.words): test it with \(type.operators.joined(separator: ", ")), not '\(op)'", at: argument, path: argumentPath)
            }
            return nil
        }
        return decodePredicate(op, argument, at: argumentPath, subject: name, type: type, log: &log)
            .map { Condition.test(subject, $0) }
    }

    private func decodePredicate(_ op: String, _ argument: JSONValue, at path: JSONPath, subject: String, type: ValueType, log: inout DiagnosticLog) -> Predicate? {
        switch op {
        case "answered":
            guard let flag = argument.boolValue else {
                log.error("'answered' takes true or false, found \(argument.typeDescription)", at: argument, path: path)
                return nil
            }
            return .answered(flag)
        case "equals":
            return literal(argument, at: path, subject: subject, type: type, log: &log).map(Predicate.equals)
        case "in":
            guard let list = argument.arrayValue, !list.isEmpty else {
                log.error("'in' takes a non-empty list, found \(argument.typeDescription)", at: argument, path: path)
                return nil
            }
            var literals: [Literal] = []
            for (index, element) in list.enumerated() {
                guard let literal = literal(element, at: path.appending(index), subject: subject, type: type, log: &log) else { return nil }
                literals.append(literal)
            }
            return .isIn(literals)
        case "includes", "includesAny", "includesAll":
            let elements: [(JSONValue, JSONPath)]
            if op == "includes", argument.stringValue != nil {
                elements = [(argument, path)]
            } else if let list = argument.arrayValue, !list.isEmpty {
                elements = list.enumerated().map { ($0.element, path.appending($0.offset)) }
            } else {
                log.error("'\(op)' takes \(op == "includes" ? "an option code or " : "")a non-empty list of option codes, found \(argument.typeDescription)", at: argument, path: path)
                return nil
            }
            var codes: [String] = []
            for (element, elementPath) in elements {
                guard case .code(let code)? = literal(element, at: elementPath, subject: subject, type: type, log: &log) else { return nil }
                codes.append(code)
            }
            return op == "includesAll" ? .includesAll(codes) : .includesAny(codes)
        case "lt", "lte", "gt", "gte":
            guard case .number(let bound)? = literal(argument, at: path, subject: subject, type: type, log: &log) else { return nil }
            return .compare(Comparison(rawValue: op)!, bound)
        case "count":
            guard let object = argument.objectValue, object.members.count == 1, let member = object.members.first,
                  let comparison = Comparison(rawValue: member.key)
            else {
                log.error("'count' takes one comparison such as {\"gte\": 2} (lt, lte, gt, gte or equals)", at: argument, path: path)
                return nil
            }
            guard let bound = member.value.numberValue?.integer, bound >= 0 else {
                log.error("a count is compared with a whole number of 0 or more, found \(member.value.typeDescription)", at: member.value, path: path.appending(member.key))
                return nil
            }
            return .count(comparison, bound)
        default:
            return nil
        }
    }

    /// A constant compared with an answer of `type`.
    private func literal(_ json: JSONValue, at path: JSONPath, subject: String, type: ValueType, log: inout DiagnosticLog) -> Literal? {
        switch type {
        case .choice(let codes), .choices(let codes):
            guard let code = json.stringValue else {
                log.error("'\(subject)' is compared with option codes (strings), found \(json.typeDescription)", at: json, path: path)
                return nil
            }
            guard codes.contains(code) else {
                let hint = Suggestion.hint(for: code, among: codes)
                let known = codes.count <= 12 ? ": its options are \(codes.joined(separator: ", "))" : ""
                log.error("'\(subject)' has no option '\(code)'\(hint)\(known)", at: json, path: path)
                return nil
            }
            return .code(code)
        case .integer, .number:
            guard let number = json.numberValue?.double else {
                log.error("'\(subject)' is a number and is compared with numbers, found \(json.typeDescription)", at: json, path: path)
                return nil
            }
            return .number(number)
        case .duration:
            guard let days = Duration.days(fromBound: json) else {
                log.error("'\(subject)' is a duration: compare it with a number of days or text such as \"3 months\"", at: json, path: path)
                return nil
            }
            return .number(Double(days))
        case .yesNo:
            if let flag = json.boolValue { return .bool(flag) }
            if let word = json.stringValue, word == "yes" || word == "no" { return .bool(word == "yes") }
            log.error("'\(subject)' is a yes/no answer and is compared with true or false, found \(json.typeDescription)", at: json, path: path)
            return nil
        case .text:
            guard let text = json.stringValue else {
                log.error("'\(subject)' is text and is compared with a string, found \(json.typeDescription)", at: json, path: path)
                return nil
            }
            return .code(text)
        case .date, .time, .dateTime:
            // Compared as the numbers the answers count as (AnswerValue.numeric).
            let number: Double? = json.stringValue.flatMap { text in
                switch type {
                case .date: CalendarDate(iso: text).map { Double($0.dayNumber) }
                case .time: TimeOfDay(iso: text).map { Double($0.secondsSinceMidnight) }
                default:
                    text.split(separator: "T", omittingEmptySubsequences: false).count == 2
                        ? AnswerValue(json: json, kind: .dateTime)?.numeric : nil
                }
            }
            guard let number else {
                let example = type == .date ? "\"2024-03-05\"" : type == .time ? "\"14:30\"" : "\"2024-03-05T14:30\""
                log.error("'\(subject)' is \(type.words): compare it with one written as \(example), found \(json.typeDescription == "a string" ? TextInput.quoted(json.stringValue ?? "") : json.typeDescription)", at: json, path: path)
                return nil
            }
            return .number(number)
        case .medications, .none:
            log.error("'\(subject)' has \(type.words), which cannot be compared with a value", at: json, path: path)
            return nil
        }
    }
}
