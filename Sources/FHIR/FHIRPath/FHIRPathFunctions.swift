import QuestionnaireModel

extension FHIRPathEvaluator {
    /// Every function the evaluator runs; any other name is reported as unsupported.
    public static let supportedFunctions: Set<String> = [
        "empty", "exists", "all", "allTrue", "anyTrue", "allFalse", "anyFalse", "count", "distinct", "isDistinct", "hasValue",
        "where", "select", "repeat", "ofType", "first", "last", "tail", "skip", "take", "single", "intersect", "exclude",
        "union", "combine", "iif", "not", "toString", "toInteger", "toDecimal", "toBoolean", "convertsToInteger",
        "convertsToDecimal", "indexOf", "substring", "startsWith", "endsWith", "contains", "upper", "lower", "replace",
        "length", "trim", "split", "join", "abs", "ceiling", "floor", "round", "sqrt", "sum", "min", "max", "avg",
        "children", "descendants", "today", "now", "trace", "extension", "answers", "ordinal", "weight",
    ]

    func call(_ name: String, on items: [FHIRPathValue], arguments: [FHIRPathExpression], outer: Focus, position: Int) throws(FHIRPathError) -> [FHIRPathValue] {
        guard Self.supportedFunctions.contains(name) else {
            throw FHIRPathError(.unsupported, "the function \(name)() is not supported", part: "\(name)()", position: position)
        }
        func argument(_ index: Int) throws(FHIRPathError) -> [FHIRPathValue] {
            guard arguments.indices.contains(index) else {
                throw FHIRPathError(.evaluation, "\(name)() needs \(index + 1) argument\(index == 0 ? "" : "s")", part: "\(name)()", position: position)
            }
            // Arguments that are not lambdas are read where the call stands.
            return try run(arguments[index], outer)
        }
        /// `criteria` run once per item, with `$this` and `$index`.
        func perItem(_ index: Int, _ body: (FHIRPathValue, [FHIRPathValue]) throws(FHIRPathError) -> Void) throws(FHIRPathError) {
            guard arguments.indices.contains(index) else {
                throw FHIRPathError(.evaluation, "\(name)() needs an expression", part: "\(name)()", position: position)
            }
            for (offset, item) in items.enumerated() {
                try body(item, try run(arguments[index], Focus(items: [item], this: item, index: offset, total: nil)))
            }
        }
        func one(_ what: String) throws(FHIRPathError) -> FHIRPathValue? {
            try Self.single(items, what: "the input of \(name)()")
        }

        switch name {
        // MARK: Existence
        case "empty":
            return [.boolean(items.isEmpty)]
        case "exists":
            if arguments.isEmpty { return [.boolean(!items.isEmpty)] }
            var found = false
            try perItem(0) { _, result throws(FHIRPathError) in if try Self.truth(result, what: "the criteria of exists()") == true { found = true } }
            return [.boolean(found)]
        case "all":
            var all = true
            try perItem(0) { _, result throws(FHIRPathError) in if try Self.truth(result, what: "the criteria of all()") != true { all = false } }
            return [.boolean(all)]
        case "allTrue", "anyTrue", "allFalse", "anyFalse":
            let flags = items.compactMap { if case .boolean(let flag) = $0 { flag } else { nil } }
            switch name {
            case "allTrue": return [.boolean(flags.allSatisfy { $0 })]
            case "anyTrue": return [.boolean(flags.contains(true))]
            case "allFalse": return [.boolean(flags.allSatisfy { !$0 })]
            default: return [.boolean(flags.contains(false))]
            }
        case "count":
            return [.integer(items.count)]
        case "distinct":
            return Self.distinct(items)
        case "isDistinct":
            return [.boolean(Self.distinct(items).count == items.count)]
        case "hasValue":
            guard let value = try one(name) else { return [.boolean(false)] }
            if case .element = value { return [.boolean(false)] }
            return [.boolean(true)]

        // MARK: Filtering
        case "where":
            var kept: [FHIRPathValue] = []
            try perItem(0) { item, result throws(FHIRPathError) in if try Self.truth(result, what: "the criteria of where()") == true { kept.append(item) } }
            return kept
        case "select":
            var selected: [FHIRPathValue] = []
            try perItem(0) { _, result in selected += result }
            return selected
        case "repeat":
            guard let projection = arguments.first else { throw FHIRPathError(.evaluation, "repeat() needs an expression", part: "repeat()", position: position) }
            var result = DistinctValues()
            var queue = items
            while !queue.isEmpty {
                var next: [FHIRPathValue] = []
                for item in queue {
                    for found in try run(projection, Focus(items: [item], this: item, index: nil, total: nil)) where result.insert(found) {
                        next.append(found)
                    }
                }
                guard result.values.count <= Self.maxItems else { throw FHIRPathError(.evaluation, "repeat() grew past \(Self.maxItems) items") }
                queue = next
            }
            return result.values
        case "ofType":
            guard let typeExpression = arguments.first else { return [] }
            let type: String
            switch typeExpression {
            case .member(nil, let word): type = word
            case .member(.member(nil, let namespace), let word): type = namespace + "." + word
            default: throw FHIRPathError(.evaluation, "ofType() needs a type name", part: "ofType()", position: position)
            }
            return items.filter { Self.value($0, hasType: type) }

        // MARK: Subsetting
        case "first": return Array(items.prefix(1))
        case "last": return items.last.map { [$0] } ?? []
        case "tail": return Array(items.dropFirst())
        case "skip":
            guard let count = try Self.singleInteger(try argument(0), what: "the count of skip()") else { return items }
            return Array(items.dropFirst(max(0, count)))
        case "take":
            guard let count = try Self.singleInteger(try argument(0), what: "the count of take()") else { return [] }
            return Array(items.prefix(max(0, count)))
        case "single":
            return try one(name).map { [$0] } ?? []
        case "intersect":
            let other = try argument(0)
            return Self.distinct(items.filter { item in other.contains { FHIRPathValue.equal($0, item) == true } })
        case "exclude":
            let other = try argument(0)
            return items.filter { item in !other.contains { FHIRPathValue.equal($0, item) == true } }

        // MARK: Combining
        case "union": return Self.distinct(items + (try argument(0)))
        case "combine": return items + (try argument(0))

        // MARK: Logic and conversion
        case "iif":
            guard arguments.count >= 2 else { throw FHIRPathError(.evaluation, "iif() needs a criterion and a result", part: "iif()", position: position) }
            let inner = Focus(items: items, this: outer.this, index: outer.index, total: outer.total)
            if try Self.truth(try run(arguments[0], inner), what: "the criterion of iif()") == true {
                return try run(arguments[1], inner)
            }
            return arguments.count > 2 ? try run(arguments[2], inner) : []
        case "not":
            guard let flag = try Self.truth(items, what: "the input of not()") else { return [] }
            return [.boolean(!flag)]
        case "toString":
            return try one(name).flatMap(\.text).map { [.string($0)] } ?? []
        case "toInteger", "convertsToInteger":
            let converted: Int?
            switch try one(name) {
            case .integer(let number)?: converted = number
            case .string(let text)?: converted = Int(text)
            case .boolean(let flag)?: converted = flag ? 1 : 0
            case nil: return []
            default: converted = nil
            }
            if name == "convertsToInteger" { return [.boolean(converted != nil)] }
            return converted.map { [.integer($0)] } ?? []
        case "toDecimal", "convertsToDecimal":
            let converted: Double?
            switch try one(name) {
            case .integer(let number)?: converted = Double(number)
            case .decimal(let number)?: converted = number
            case .string(let text)?: converted = Double(text)
            case .boolean(let flag)?: converted = flag ? 1 : 0
            case nil: return []
            default: converted = nil
            }
            if name == "convertsToDecimal" { return [.boolean(converted != nil)] }
            return converted.map { [.decimal($0)] } ?? []
        case "toBoolean":
            switch try one(name) {
            case .boolean(let flag)?: return [.boolean(flag)]
            case .string(let text)?:
                if ["true", "t", "yes", "y", "1", "1.0"].contains(text.lowercased()) { return [.boolean(true)] }
                if ["false", "f", "no", "n", "0", "0.0"].contains(text.lowercased()) { return [.boolean(false)] }
                return []
            case .integer(let number)?: return number == 0 || number == 1 ? [.boolean(number == 1)] : []
            default: return []
            }

        // MARK: Strings
        case "indexOf", "substring", "startsWith", "endsWith", "contains", "upper", "lower", "replace", "length", "trim", "split":
            guard let input = try one(name) else { return [] }
            guard case .string(let text) = input else {
                throw FHIRPathError(.evaluation, "\(name)() works on a string, not \(input.typeName)", part: "\(name)()", position: position)
            }
            return try Self.string(name, text, arguments: { (index) throws(FHIRPathError) in try argument(index) }, count: arguments.count)
        case "join":
            let separator = arguments.isEmpty ? "" : try Self.singleString(try argument(0), what: "the separator of join()") ?? ""
            return [.string(items.compactMap(\.text).joined(separator: separator))]

        // MARK: Numbers
        case "abs", "ceiling", "floor", "round", "sqrt":
            guard let input = try one(name) else { return [] }
            switch (name, input) {
            case ("abs", .integer(let number)): return [.integer(abs(number))]
            case ("ceiling", .integer(let number)), ("floor", .integer(let number)): return [.integer(number)]
            default: break
            }
            guard let number = input.number else { throw FHIRPathError(.evaluation, "\(name)() works on a number, not \(input.typeName)", part: "\(name)()", position: position) }
            switch name {
            case "abs": return [.decimal(abs(number))]
            case "ceiling": return [.integer(Int(number.rounded(.up)))]
            case "floor": return [.integer(Int(number.rounded(.down)))]
            case "sqrt": return number < 0 ? [] : [.decimal(number.squareRoot())]
            default:
                let places = arguments.isEmpty ? 0 : try Self.singleInteger(try argument(0), what: "the precision of round()") ?? 0
                var scale = 1.0
                for _ in 0..<max(0, places) { scale *= 10 }
                return [.decimal((number * scale).rounded(.toNearestOrAwayFromZero) / scale)]
            }
        case "sum", "min", "max", "avg":
            if items.isEmpty { return name == "sum" ? [.integer(0)] : [] }
            if name == "sum", items.allSatisfy({ if case .integer = $0 { true } else { false } }) {
                var total = 0
                for case .integer(let number) in items {
                    let (next, overflow) = total.addingReportingOverflow(number)
                    if overflow { throw FHIRPathError(.evaluation, "sum() is too large a whole number") }
                    total = next
                }
                return [.integer(total)]
            }
            if name == "min" || name == "max" {
                var best = items[0]
                for item in items.dropFirst() {
                    guard let order = try FHIRPathValue.order(item, best) else { return [] }
                    if name == "min" ? order < 0 : order > 0 { best = item }
                }
                return [best]
            }
            var total = 0.0
            for item in items {
                guard let number = item.number else { throw FHIRPathError(.evaluation, "\(name)() works on numbers, not \(item.typeName)", part: "\(name)()", position: position) }
                total += number
            }
            return [.decimal(name == "avg" ? total / Double(items.count) : total)]

        // MARK: Tree
        case "children":
            return Self.children(of: items, deep: false)
        case "descendants":
            let found = Self.children(of: items, deep: true)
            guard found.count <= Self.maxItems else { throw FHIRPathError(.evaluation, "descendants() grew past \(Self.maxItems) items") }
            return found

        // MARK: Utility
        case "today":
            guard let today = environment.today else {
                throw FHIRPathError(.unsupported, "today() needs the date of the session, which was not given", part: "today()", position: position)
            }
            return [.date(today.iso)]
        case "now":
            guard let now = environment.now else {
                throw FHIRPathError(.unsupported, "now() needs the time of the session, which was not given", part: "now()", position: position)
            }
            return [.dateTime(now)]
        case "trace":
            return items
        case "extension":
            guard let url = try Self.singleString(try argument(0), what: "the url of extension()") else { return [] }
            return try Self.member("extension", of: items, atStart: false).filter { $0.json["url"]?.stringValue == url }

        // MARK: Structured Data Capture
        case "answers":
            return Self.answers(in: items)
        case "ordinal", "weight":
            return items.compactMap { weight(of: $0) }.map { .decimal($0) }
        default:
            throw FHIRPathError(.unsupported, "the function \(name)() is not supported", part: "\(name)()", position: position)
        }
    }

    static func string(_ name: String, _ text: String, arguments: (Int) throws(FHIRPathError) -> [FHIRPathValue], count: Int) throws(FHIRPathError) -> [FHIRPathValue] {
        let characters = Array(text)
        func stringArgument(_ index: Int) throws(FHIRPathError) -> String? {
            try singleString(try arguments(index), what: "the argument of \(name)()")
        }
        switch name {
        case "upper": return [.string(text.uppercased())]
        case "lower": return [.string(text.lowercased())]
        case "length": return [.integer(characters.count)]
        case "trim": return [.string(String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()))]
        case "startsWith":
            guard let prefix = try stringArgument(0) else { return [] }
            return [.boolean(text.hasPrefix(prefix))]
        case "endsWith":
            guard let suffix = try stringArgument(0) else { return [] }
            return [.boolean(text.hasSuffix(suffix))]
        case "contains":
            guard let part = try stringArgument(0) else { return [] }
            return [.boolean(part.isEmpty || text.contains(part))]
        case "indexOf":
            guard let part = try stringArgument(0) else { return [] }
            if part.isEmpty { return [.integer(0)] }
            let wanted = Array(part)
            guard wanted.count <= characters.count else { return [.integer(-1)] }
            for start in 0...(characters.count - wanted.count) where Array(characters[start..<start + wanted.count]) == wanted {
                return [.integer(start)]
            }
            return [.integer(-1)]
        case "substring":
            guard let start = try singleInteger(try arguments(0), what: "the start of substring()") else { return [] }
            guard start >= 0, start < characters.count else { return [] }
            var end = characters.count
            if count > 1, let length = try singleInteger(try arguments(1), what: "the length of substring()") {
                end = min(characters.count, start + max(0, length))
            }
            return [.string(String(characters[start..<end]))]
        case "replace":
            guard let pattern = try stringArgument(0), let replacement = try stringArgument(1) else { return [] }
            if pattern.isEmpty { return [.string(characters.map { replacement + String($0) }.joined() + replacement)] }
            var result = ""
            var index = 0
            let wanted = Array(pattern)
            while index < characters.count {
                if index + wanted.count <= characters.count, Array(characters[index..<index + wanted.count]) == wanted {
                    result += replacement
                    index += wanted.count
                } else {
                    result.append(characters[index])
                    index += 1
                }
            }
            return [.string(result)]
        case "split":
            guard let separator = try stringArgument(0), let first = separator.first else { return [.string(text)] }
            if separator.count == 1 {
                return text.split(separator: first, omittingEmptySubsequences: false).map { .string(String($0)) }
            }
            throw FHIRPathError(.unsupported, "split() with a separator longer than one character is not supported", part: "split()")
        default:
            throw FHIRPathError(.unsupported, "the function \(name)() is not supported", part: "\(name)()")
        }
    }

    /// The elements below each element, one level or all levels, in document order.
    static func children(of items: [FHIRPathValue], deep: Bool) -> [FHIRPathValue] {
        var result: [FHIRPathValue] = []
        var queue = items
        while !queue.isEmpty {
            var next: [FHIRPathValue] = []
            for item in queue {
                guard case .element(let json, _, let linkId) = item, let object = json.objectValue else { continue }
                let ownLinkId = object["linkId"]?.stringValue ?? linkId
                for member in object.members where member.key != "resourceType" {
                    var found: [FHIRPathValue] = []
                    append(member.value, type: type(ofKey: member.key), linkId: ownLinkId, to: &found)
                    result += found
                    next += found
                    if result.count > maxItems { return result }
                }
            }
            if !deep { break }
            queue = next
        }
        return result
    }

    /// SDC's `answers()`: every answer in a response, nested ones too, each
    /// knowing the item it answers.
    static func answers(in items: [FHIRPathValue]) -> [FHIRPathValue] {
        var result: [FHIRPathValue] = []
        func visit(_ json: JSONValue, linkId: String?) {
            guard let object = json.objectValue, result.count <= maxItems else { return }
            let ownLinkId = object["linkId"]?.stringValue ?? linkId
            for answer in object["answer"]?.arrayValue ?? [] {
                result.append(.element(answer, type: "QuestionnaireResponse.item.answer", linkId: ownLinkId))
                for nested in answer["item"]?.arrayValue ?? [] { visit(nested, linkId: ownLinkId) }
            }
            for child in object["item"]?.arrayValue ?? [] { visit(child, linkId: ownLinkId) }
        }
        for case .element(let json, _, let linkId) in items { visit(json, linkId: linkId) }
        return result
    }

    /// The score of an answer's coding (`ordinalValue` or `itemWeight`): on
    /// the coding itself, else on the item's answer option or in the value
    /// set the item names, else on any option of the form with that code.
    func weight(of value: FHIRPathValue) -> Double? {
        // Only a coding has a weight: a number answered is not one.
        switch value {
        case .element(let json, _, let linkId):
            if let own = FHIRWeights.weight(in: json) { return own }
            guard let questionnaire = environment.questionnaire, let code = json["code"]?.stringValue else { return nil }
            return FHIRWeights.weight(ofCode: code, system: json["system"]?.stringValue, linkId: linkId, in: questionnaire)
        default:
            return nil
        }
    }
}
