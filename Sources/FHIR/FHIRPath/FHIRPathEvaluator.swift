import QuestionnaireModel

/// What an expression can read besides its input: `%resource`, `%context`,
/// `%questionnaire`, a form's variables, and the date for `today()`.
public struct FHIRPathEnvironment: Sendable {
    /// Variables by name, without the `%`.
    public var variables: [String: [FHIRPathValue]]
    /// The questionnaire, for `ordinal()` and `weight()`.
    public var questionnaire: JSONValue?
    /// The date `today()` gives; nil makes `today()` an error (the core has no clock).
    public var today: CalendarDate?
    /// The date and time `now()` gives, as FHIR writes it.
    public var now: String?

    public init(variables: [String: [FHIRPathValue]] = [:], questionnaire: JSONValue? = nil, today: CalendarDate? = nil, now: String? = nil) {
        self.variables = variables
        self.questionnaire = questionnaire
        self.today = today
        self.now = now
    }
}

/// Runs parsed FHIRPath over FHIR resources held as JSON, following the
/// FHIRPath N1 rules for empty collections, singletons and three-valued logic.
public struct FHIRPathEvaluator: Sendable {
    public var environment: FHIRPathEnvironment
    /// The most items a collection may grow to, so that `repeat` and
    /// `descendants` over hostile input stay bounded.
    static let maxItems = 100_000

    public init(environment: FHIRPathEnvironment) {
        self.environment = environment
    }

    /// Parses and runs `text` with `input` as the starting collection.
    public func evaluate(_ text: String, input: [FHIRPathValue]) throws(FHIRPathError) -> [FHIRPathValue] {
        try evaluate(try FHIRPathParser.parse(text), input: input)
    }

    /// Runs `expression` with `input` as the starting collection.
    public func evaluate(_ expression: FHIRPathExpression, input: [FHIRPathValue]) throws(FHIRPathError) -> [FHIRPathValue] {
        try run(expression, Focus(items: input, this: nil, index: nil, total: nil))
    }

    /// The input and what `$this`, `$index` and `$total` mean where an
    /// expression runs.
    struct Focus {
        var items: [FHIRPathValue]
        var this: FHIRPathValue?
        var index: Int?
        var total: [FHIRPathValue]?
    }

    func run(_ expression: FHIRPathExpression, _ focus: Focus) throws(FHIRPathError) -> [FHIRPathValue] {
        switch expression {
        case .literal(let literal):
            return [Self.value(of: literal)]
        case .emptySet:
            return []
        case .variable(let name, let position):
            guard let value = environment.variables[name] else {
                let known = environment.variables.keys.sorted().map { "%" + $0 }.joined(separator: ", ")
                throw FHIRPathError(.evaluation, "no variable %\(name) is defined here (known: \(known.isEmpty ? "none" : known))", part: "%\(name)", position: position)
            }
            return value
        case .special(let name):
            switch name {
            case "this": return focus.this.map { [$0] } ?? focus.items
            case "index": return focus.index.map { [.integer($0)] } ?? []
            default: return focus.total ?? []
            }
        case .member(let base, let name):
            let items = try base.map { (inner) throws(FHIRPathError) in try run(inner, focus) } ?? (focus.this.map { [$0] } ?? focus.items)
            return try Self.member(name, of: items, atStart: base == nil)
        case .function(let base, let name, let arguments, let position):
            let items = try base.map { (inner) throws(FHIRPathError) in try run(inner, focus) } ?? (focus.this.map { [$0] } ?? focus.items)
            return try call(name, on: items, arguments: arguments, outer: focus, position: position)
        case .index(let base, let indexExpression):
            let items = try run(base, focus)
            let index = try run(indexExpression, focus)
            guard let position = try Self.singleInteger(index, what: "an index") else { return [] }
            return items.indices.contains(position) ? [items[position]] : []
        case .unary(let sign, let operand):
            let items = try run(operand, focus)
            guard let value = try Self.single(items, what: "the operand of unary \(sign)") else { return [] }
            if sign == "+" { return [value] }
            switch value {
            case .integer(let number): return [.integer(-number)]
            case .decimal(let number): return [.decimal(-number)]
            case .quantity(let number, let unit): return [.quantity(-number, unit: unit)]
            default: throw FHIRPathError(.evaluation, "cannot negate \(value.typeName)")
            }
        case .binary(let name, let left, let right):
            return try binary(name, left, right, focus)
        case .typeTest(let name, let operand, let type):
            let items = try run(operand, focus)
            if name == "is" {
                guard let value = try Self.single(items, what: "the operand of 'is'") else { return [] }
                return [.boolean(Self.value(value, hasType: type))]
            }
            return items.filter { Self.value($0, hasType: type) }
        }
    }

    static func value(of literal: FHIRPathLiteral) -> FHIRPathValue {
        switch literal {
        case .boolean(let flag): .boolean(flag)
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .decimal(let number): .decimal(number)
        case .date(let text): .date(text)
        case .dateTime(let text): .dateTime(text)
        case .time(let text): .time(text)
        case .quantity(let value, let unit): .quantity(value, unit: unit)
        }
    }

    // MARK: - Paths

    /// The children called `name` of each element; a FHIR choice element
    /// (`value` for `valueCoding`, `valueDate`...) is found by its prefix
    /// and typed by the rest of its name.
    static func member(_ name: String, of items: [FHIRPathValue], atStart: Bool) throws(FHIRPathError) -> [FHIRPathValue] {
        var result: [FHIRPathValue] = []
        for item in items {
            guard case .element(let json, let type, let linkId) = item, let object = json.objectValue else { continue }
            // `QuestionnaireResponse.item`: a path may start with the resource's type.
            if atStart, object["resourceType"]?.stringValue == name || type == name {
                result.append(item)
                continue
            }
            let ownLinkId = object["linkId"]?.stringValue ?? linkId
            if let value = object[name] {
                append(value, type: Self.type(ofKey: name), linkId: ownLinkId, to: &result)
                continue
            }
            for member in object.members where member.key.hasPrefix(name) {
                let rest = member.key.dropFirst(name.count)
                guard let first = rest.first, first.isUppercase else { continue }
                append(member.value, type: String(rest), linkId: ownLinkId, to: &result)
            }
        }
        guard result.count <= maxItems else { throw FHIRPathError(.evaluation, "the collection grew past \(maxItems) items") }
        return result
    }

    static func append(_ json: JSONValue, type: String?, linkId: String?, to result: inout [FHIRPathValue]) {
        if let list = json.arrayValue {
            for element in list {
                if let value = FHIRPathValue.from(element, type: type, linkId: linkId) { result.append(value) }
            }
        } else if let value = FHIRPathValue.from(json, type: type, linkId: linkId) {
            result.append(value)
        }
    }

    /// The FHIR type a key's name gives its value: `valueDate` holds a date.
    static func type(ofKey key: String) -> String? {
        for prefix in ["value", "answer", "initial", "default"] where key.hasPrefix(prefix) && key.count > prefix.count {
            let rest = key.dropFirst(prefix.count)
            if rest.first?.isUppercase == true { return String(rest) }
        }
        switch key {
        case "coding": return "Coding"
        case "birthDate": return "date"
        case "authored", "issued", "effectiveDateTime": return "dateTime"
        default: return nil
        }
    }

    static func value(_ value: FHIRPathValue, hasType type: String) -> Bool {
        let wanted = type.split(separator: ".").last.map(String.init)?.lowercased() ?? type.lowercased()
        switch value {
        case .boolean: return wanted == "boolean"
        case .integer: return wanted == "integer"
        case .decimal: return wanted == "decimal"
        case .string: return wanted == "string" || wanted == "code" || wanted == "uri"
        case .date: return wanted == "date"
        case .dateTime: return wanted == "datetime"
        case .time: return wanted == "time"
        case .quantity: return wanted == "quantity"
        case .element(let json, let elementType, _):
            if let elementType, elementType.lowercased() == wanted { return true }
            return json["resourceType"]?.stringValue?.lowercased() == wanted
        }
    }

    // MARK: - Singletons

    /// The one item of a collection, nil when it is empty; an error when it has several.
    static func single(_ items: [FHIRPathValue], what: String) throws(FHIRPathError) -> FHIRPathValue? {
        guard items.count <= 1 else {
            throw FHIRPathError(.evaluation, "\(what) must be a single value, but it has \(items.count)")
        }
        return items.first
    }

    /// A collection as one boolean: empty is nil, one boolean is itself, any
    /// other single item is true (FHIRPath "singleton evaluation").
    static func truth(_ items: [FHIRPathValue], what: String) throws(FHIRPathError) -> Bool? {
        guard let value = try single(items, what: what) else { return nil }
        if case .boolean(let flag) = value { return flag }
        return true
    }

    static func singleInteger(_ items: [FHIRPathValue], what: String) throws(FHIRPathError) -> Int? {
        guard let value = try single(items, what: what) else { return nil }
        guard case .integer(let number) = value else { throw FHIRPathError(.evaluation, "\(what) must be a whole number, found \(value.typeName)") }
        return number
    }

    static func singleString(_ items: [FHIRPathValue], what: String) throws(FHIRPathError) -> String? {
        guard let value = try single(items, what: what) else { return nil }
        guard case .string(let text) = value else { throw FHIRPathError(.evaluation, "\(what) must be a string, found \(value.typeName)") }
        return text
    }

    // MARK: - Operators

    func binary(_ name: String, _ leftExpression: FHIRPathExpression, _ rightExpression: FHIRPathExpression, _ focus: Focus) throws(FHIRPathError) -> [FHIRPathValue] {
        let left = try run(leftExpression, focus)
        // `and`, `or` and `implies` may decide without their right side.
        switch name {
        case "and":
            let a = try Self.truth(left, what: "the left of 'and'")
            if a == false { return [.boolean(false)] }
            let b = try Self.truth(try run(rightExpression, focus), what: "the right of 'and'")
            if b == false { return [.boolean(false)] }
            guard let a, let b else { return [] }
            return [.boolean(a && b)]
        case "or":
            let a = try Self.truth(left, what: "the left of 'or'")
            if a == true { return [.boolean(true)] }
            let b = try Self.truth(try run(rightExpression, focus), what: "the right of 'or'")
            if b == true { return [.boolean(true)] }
            guard let a, let b else { return [] }
            return [.boolean(a || b)]
        case "implies":
            let a = try Self.truth(left, what: "the left of 'implies'")
            if a == false { return [.boolean(true)] }
            let b = try Self.truth(try run(rightExpression, focus), what: "the right of 'implies'")
            if b == true { return [.boolean(true)] }
            guard a != nil, let b else { return [] }
            return [.boolean(b)]
        default:
            break
        }
        let right = try run(rightExpression, focus)
        switch name {
        case "xor":
            guard let a = try Self.truth(left, what: "the left of 'xor'"), let b = try Self.truth(right, what: "the right of 'xor'") else { return [] }
            return [.boolean(a != b)]
        case "|":
            return Self.distinct(left + right)
        case "=", "!=":
            guard !left.isEmpty, !right.isEmpty else { return [] }
            guard left.count == right.count else { return [.boolean(name == "!=")] }
            var all = true
            for (a, b) in zip(left, right) {
                guard let same = FHIRPathValue.equal(a, b) else { return [] }
                if !same { all = false }
            }
            return [.boolean(name == "=" ? all : !all)]
        case "~", "!~":
            let same = left.count == right.count && zip(left, right).allSatisfy { FHIRPathValue.equivalent($0, $1) }
            return [.boolean(name == "~" ? same : !same)]
        case "<", ">", "<=", ">=":
            guard let a = try Self.single(left, what: "the left of '\(name)'"), let b = try Self.single(right, what: "the right of '\(name)'") else { return [] }
            guard let order = try FHIRPathValue.order(a, b) else { return [] }
            switch name {
            case "<": return [.boolean(order < 0)]
            case ">": return [.boolean(order > 0)]
            case "<=": return [.boolean(order <= 0)]
            default: return [.boolean(order >= 0)]
            }
        case "in", "contains":
            let (element, collection) = name == "in" ? (left, right) : (right, left)
            guard let item = try Self.single(element, what: "the single value of '\(name)'") else { return [] }
            return [.boolean(collection.contains { FHIRPathValue.equal($0, item) == true })]
        case "&":
            let a = try Self.single(left, what: "the left of '&'").flatMap(\.text) ?? ""
            let b = try Self.single(right, what: "the right of '&'").flatMap(\.text) ?? ""
            return [.string(a + b)]
        default:
            guard let a = try Self.single(left, what: "the left of '\(name)'"), let b = try Self.single(right, what: "the right of '\(name)'") else { return [] }
            return try Self.arithmetic(name, a, b)
        }
    }

    static func arithmetic(_ name: String, _ a: FHIRPathValue, _ b: FHIRPathValue) throws(FHIRPathError) -> [FHIRPathValue] {
        if name == "+", case .string(let x) = a, case .string(let y) = b { return [.string(x + y)] }
        if case .integer(let x) = a, case .integer(let y) = b {
            switch name {
            case "+", "-", "*":
                let (result, overflow) = name == "+" ? x.addingReportingOverflow(y) : name == "-" ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                if overflow { throw FHIRPathError(.evaluation, "\(x) \(name) \(y) is too large a whole number") }
                return [.integer(result)]
            case "div":
                return y == 0 ? [] : [.integer(x / y)]
            case "mod":
                return y == 0 ? [] : [.integer(x % y)]
            default:
                break
            }
        }
        guard let x = a.number, let y = b.number else {
            throw FHIRPathError(.unsupported, "'\(name)' between \(a.typeName) and \(b.typeName) is not supported", part: name)
        }
        if a.isQuantity || b.isQuantity {
            throw FHIRPathError(.unsupported, "arithmetic on quantities is not supported", part: name)
        }
        switch name {
        case "+": return [.decimal(x + y)]
        case "-": return [.decimal(x - y)]
        case "*": return [.decimal(x * y)]
        case "/": return y == 0 ? [] : [.decimal(x / y)]
        case "div": return y == 0 ? [] : [.integer(Int((x / y).rounded(.towardZero)))]
        case "mod": return y == 0 ? [] : [.decimal(x.truncatingRemainder(dividingBy: y))]
        default: throw FHIRPathError(.unsupported, "the operator '\(name)' is not supported", part: name)
        }
    }

    static func distinct(_ items: [FHIRPathValue]) -> [FHIRPathValue] {
        var result = DistinctValues()
        for item in items { result.insert(item) }
        return result.values
    }
}

/// A collection without duplicates (as FHIRPath's `=` judges them), in the
/// order values were first inserted. Candidates are found by hash, so
/// `repeat(item)` over a whole response compares few pairs, not all.
struct DistinctValues {
    private(set) var values: [FHIRPathValue] = []
    private var positions: [Int: [Int]] = [:]

    /// Adds `value` unless an equal one is there; returns whether it was added.
    @discardableResult
    mutating func insert(_ value: FHIRPathValue) -> Bool {
        let key = Self.bucket(of: value)
        if let candidates = positions[key], candidates.contains(where: { FHIRPathValue.equal(values[$0], value) == true }) { return false }
        positions[key, default: []].append(values.count)
        values.append(value)
        return true
    }

    /// A hash equal for values `=` finds equal: numbers by value (1 = 1.0),
    /// elements by their JSON; dates and times share one bucket, since `=`
    /// compares them across precisions and zones.
    static func bucket(of value: FHIRPathValue) -> Int {
        var hasher = Hasher()
        switch value {
        case .boolean(let flag): hasher.combine(flag)
        case .integer(let number): hasher.combine(Double(number))
        case .decimal(let number): hasher.combine(number)
        case .string(let text): hasher.combine(text)
        case .date, .dateTime, .time: hasher.combine("temporal")
        case .quantity(let number, let unit): hasher.combine(number); hasher.combine(unit)
        case .element(let json, _, _): hasher.combine(json)
        }
        return hasher.finalize()
    }
}
