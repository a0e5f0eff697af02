import TerminalText

/// Warnings about a questionnaire that loads but may not work as its author
/// meant: conditions that are decided before they are read, options whose
/// names clash, text too wide for a terminal, questions no route can reach.
/// Used by `intake validate`; none of these stop an interview.
public struct FlowReview: Sendable {
    /// The warnings, each located in the file.
    public private(set) var warnings: [Diagnostic] = []
    /// Questions that no route can reach once branches that are never taken
    /// are left out; a rule reading one can never see an answer.
    public private(set) var unaskedQuestions: Set<String> = []

    /// The width of the terminal a question must fit.
    public static let terminalWidth = 80

    /// Reviews `questionnaire`, locating each warning in its file through
    /// `places` (intake's own format unless said).
    public init(_ questionnaire: Questionnaire, log: DiagnosticLog, places: SourcePlaces = .intakeFormat) {
        var log = log
        let graph = QuestionGraph(questionnaire)
        let order = graph.topologicalOrder() ?? Array(0..<graph.count)
        var position = [Int](repeating: 0, count: graph.count)
        for (index, node) in order.enumerated() { position[node] = index }
        var feasible = [[Int]](repeating: [], count: graph.count)

        for (index, node) in questionnaire.nodes.enumerated() {
            checkOptions(node, at: index, places: places, log: &log)
            if places.textIsForATerminal {
                checkWidth(node, at: index, places: places, log: &log)
                if let reworded = Self.receptionWords(of: node, in: questionnaire) {
                    checkWidth(reworded, at: index, places: places, log: &log, reception: true)
                }
            }
            switch node.next {
            case .end:
                break
            case .node(let id):
                if let target = questionnaire.index(of: id) { feasible[index].append(target) }
            case .branches(let branches):
                for branch in branches {
                    guard let target = questionnaire.index(of: branch.target) else { continue }
                    guard let condition = branch.condition else {
                        feasible[index].append(target)
                        continue
                    }
                    for subject in condition.subjects {
                        guard case .question(let id) = subject, let asked = questionnaire.index(of: id), asked != index else { continue }
                        if position[asked] > position[index] || !Self.reaches(graph, from: asked, to: index, position: position) {
                            log.report(.warning, "the condition reads '\(id)', which no route to '\(node.id)' asks before it: it always sees no answer", offset: branch.offset, path: places.condition(branch))
                        }
                    }
                    let possible = Self.possibilities(condition, in: questionnaire)
                    if !possible.canHold {
                        log.report(.warning, "this condition can never hold, so the branch to '\(branch.target)' is never taken", offset: branch.offset, path: places.condition(branch))
                    } else {
                        feasible[index].append(target)
                    }
                    for part in Self.partsThatNeverHold(condition, typeOf: { subject in
                        guard case .question(let id) = subject else { return nil }
                        return questionnaire.valueType(of: id)
                    }) {
                        log.report(.warning, "the part '\(part.summary)' of this condition can never hold", offset: branch.offset, path: places.condition(branch))
                    }
                    if !possible.canFail {
                        log.report(.warning, "this condition always holds once '\(node.id)' is answered, so the branches after it are never taken", offset: branch.offset, path: places.condition(branch))
                    }
                }
            }
        }

        var reached = [Bool](repeating: false, count: graph.count)
        if let start = graph.start {
            var stack = [start]
            reached[start] = true
            while let node = stack.popLast() {
                for next in feasible[node] where !reached[next] {
                    reached[next] = true
                    stack.append(next)
                }
            }
        }
        for (index, node) in questionnaire.nodes.enumerated() where !reached[index] {
            unaskedQuestions.insert(node.id)
            log.report(.warning, "'\(node.id)' can only be reached through branches that are never taken", offset: node.offset, path: places.node(index))
        }
        warnings = log.diagnostics.filter { $0.severity == .warning }
    }

    /// Whether `target` can be reached from `origin`, searching only nodes
    /// that come before `target` in topological order.
    static func reaches(_ graph: QuestionGraph, from origin: Int, to target: Int, position: [Int]) -> Bool {
        var seen: Set<Int> = [origin]
        var stack = [origin]
        while let node = stack.popLast() {
            for next in graph.successors(of: node) {
                if next == target { return true }
                if position[next] < position[target], seen.insert(next).inserted { stack.append(next) }
            }
        }
        return false
    }

    // MARK: - What a condition can do

    /// Whether a condition can hold and can fail, judging each test by the
    /// answers its subject can have.
    public struct Possibility: Sendable, Equatable {
        public var canHold: Bool
        public var canFail: Bool
    }

    /// What `condition` can do, given the type of each subject it reads
    /// (nil: unknown, assumed able to do anything).
    public static func possibilities(_ condition: Condition, typeOf: (Subject) -> ValueType?) -> Possibility {
        switch condition {
        case .all(let conditions):
            let parts = conditions.map { possibilities($0, typeOf: typeOf) }
            return Possibility(canHold: parts.allSatisfy(\.canHold), canFail: parts.isEmpty ? false : parts.contains(where: \.canFail))
        case .any(let conditions):
            let parts = conditions.map { possibilities($0, typeOf: typeOf) }
            return Possibility(canHold: parts.contains(where: \.canHold), canFail: parts.allSatisfy(\.canFail))
        case .not(let inner):
            let part = possibilities(inner, typeOf: typeOf)
            return Possibility(canHold: part.canFail, canFail: part.canHold)
        case .test(let subject, let predicate):
            guard let type = typeOf(subject) else { return Possibility(canHold: true, canFail: true) }
            return possibilities(predicate, type: type)
        }
    }

    static func possibilities(_ condition: Condition, in questionnaire: Questionnaire) -> Possibility {
        possibilities(condition) { subject in
            guard case .question(let id) = subject else { return nil }
            return questionnaire.valueType(of: id)
        }
    }

    /// The parts of a condition that can never hold although the whole can:
    /// a choice under `any` that is dead weight, such as "pain under -1 days".
    public static func partsThatNeverHold(_ condition: Condition, typeOf: (Subject) -> ValueType?) -> [Condition] {
        var dead: [Condition] = []
        func visit(_ condition: Condition) {
            switch condition {
            case .any(let conditions):
                for part in conditions {
                    if !possibilities(part, typeOf: typeOf).canHold { dead.append(part) } else { visit(part) }
                }
            case .all(let conditions):
                conditions.forEach(visit)
            case .not, .test:
                break
            }
        }
        visit(condition)
        return dead
    }

    /// What one test can do: the question may always be unanswered (the test
    /// then fails), so only "never holds" is judged strictly; "always holds"
    /// means once the question is answered.
    static func possibilities(_ predicate: Predicate, type: ValueType) -> Possibility {
        switch (predicate, type) {
        case (.compare(let comparison, let bound), .integer(let range)):
            return numeric(comparison, bound, low: Double(range.lowerBound), high: Double(range.upperBound))
        case (.compare(let comparison, let bound), .number(let range)):
            return numeric(comparison, bound, low: range.lowerBound, high: range.upperBound)
        case (.compare(let comparison, let bound), .duration):
            return numeric(comparison, bound, low: 0, high: 36525)
        case (.count(let comparison, let bound), .choices(let codes)):
            return numeric(comparison, Double(bound), low: 1, high: Double(codes.count))
        case (.equals(.number(let value)), .integer(let range)):
            let inRange = Double(range.lowerBound) <= value && value <= Double(range.upperBound) && value == value.rounded()
            return Possibility(canHold: inRange, canFail: true)
        case (.equals(.number(let value)), .number(let range)):
            return Possibility(canHold: range.contains(value), canFail: true)
        case (.includesAll(let codes), .choices):
            // "none" and other exclusive options cannot be chosen with others.
            return Possibility(canHold: !(codes.count > 1 && codes.contains("none")), canFail: true)
        case (.isIn(let literals), .choice(let codes)):
            let listed = Set(literals.compactMap { if case .code(let code) = $0 { code } else { nil } })
            return Possibility(canHold: true, canFail: !listed.isSuperset(of: codes))
        default:
            return Possibility(canHold: true, canFail: true)
        }
    }

    static func numeric(_ comparison: Comparison, _ bound: Double, low: Double, high: Double) -> Possibility {
        switch comparison {
        case .lt: return Possibility(canHold: low < bound, canFail: high >= bound)
        case .lte: return Possibility(canHold: low <= bound, canFail: high > bound)
        case .gt: return Possibility(canHold: high > bound, canFail: low <= bound)
        case .gte: return Possibility(canHold: high >= bound, canFail: low < bound)
        case .equals: return Possibility(canHold: low <= bound && bound <= high, canFail: low < high || low != bound)
        }
    }

    // MARK: - Options and width

    private func checkOptions(_ node: Node, at nodeIndex: Int, places: SourcePlaces, log: inout DiagnosticLog) {
        guard case .fixed(let options)? = node.spec.choiceSource else { return }
        var owner: [String: Int] = [:]
        owner.reserveCapacity(options.count * 2)
        for (index, option) in options.enumerated() {
            // The option's names in matching form were worked out when it was made.
            for (name, form) in zip([option.code, option.label] + option.aliases, option.matchingForms) {
                guard !form.isEmpty else { continue }
                if let number = Int(form), number >= 1, number <= options.count, number - 1 != index {
                    log.report(.warning, "'\(name)' (of '\(option.label)') is also the number of option \(number) ('\(options[number - 1].label)'): typing it picks option \(number)", offset: node.offset, path: places.option(nodeIndex, index))
                }
                if let other = owner[form], other != index {
                    log.report(.warning, "the name '\(name)' is used by both '\(options[other].label)' and '\(option.label)': typing it cannot choose between them", offset: node.offset, path: places.option(nodeIndex, index))
                } else {
                    owner[form] = index
                }
            }
        }
    }

    /// The node in its reception words, when it has any that are shown as
    /// they are written (the question, an option's label).
    static func receptionWords(of node: Node, in questionnaire: Questionnaire) -> Node? {
        let reception = TextVariant(audience: .reception)
        let hasOwn = questionnaire.texts.exact(TextKey(.node(node.id), "text"), in: reception) != nil
            || (node.spec.choiceSource.map { source in
                guard case .fixed(let options) = source else { return false }
                return options.contains { questionnaire.texts.exact(TextKey(.option(node: node.id, code: $0.code), "label"), in: reception) != nil }
            } ?? false)
        guard hasOwn, let index = questionnaire.index(of: node.id) else { return nil }
        return questionnaire.worded(reception).nodes[index]
    }

    private func checkWidth(_ node: Node, at nodeIndex: Int, places: SourcePlaces, log: inout DiagnosticLog, reception: Bool = false) {
        guard node.kind != .info else { return }
        let path = places.node(nodeIndex)
        let place = { (path: JSONPath) in reception ? path.appending("reception") : path }
        let which = reception ? "reception " : ""
        // Columns, not characters: a Korean or Chinese character takes two.
        if let line = TextWrap.lines(node.text).first(where: { ColumnWidth.of($0) > Self.terminalWidth }) {
            log.report(.warning, "the \(which)question is \(ColumnWidth.of(line)) columns wide: it does not fit an \(Self.terminalWidth)-column terminal line (shorten it, or move detail to 'hint' or 'help')", offset: node.offset, path: place(path).appending("text"))
        }
        if case .fixed(let options)? = node.spec.choiceSource {
            let numberWidth = String(options.count).count
            for (index, option) in options.enumerated() where 2 + numberWidth + 2 + ColumnWidth.of(option.label) > Self.terminalWidth {
                log.report(.warning, "the \(which)option '\(option.label)' does not fit an \(Self.terminalWidth)-column terminal line with its number", offset: node.offset, path: place(places.option(nodeIndex, index)).appending("label"))
            }
        }
    }
}

/// Where the parts of a questionnaire are written in its file, so a warning
/// names the place to change: intake's own format (`$.nodes[3]`), or the
/// file a questionnaire was read from in another format (a FHIR form's
/// items).
public struct SourcePlaces: Sendable {
    /// Where the node at an index is written.
    public var node: @Sendable (Int) -> JSONPath
    /// Where option `option` of the node at index `node` is written.
    public var option: @Sendable (_ node: Int, _ option: Int) -> JSONPath
    /// Where a branch's condition is written.
    public var condition: @Sendable (Branch) -> JSONPath
    /// Whether the text was written for a terminal, so a line wider than
    /// one is worth a warning. Text written for other screens (a FHIR
    /// form's) is wrapped when shown instead: its author cannot shorten it
    /// for intake.
    public var textIsForATerminal: Bool

    public init(
        node: @escaping @Sendable (Int) -> JSONPath, option: @escaping @Sendable (Int, Int) -> JSONPath,
        condition: @escaping @Sendable (Branch) -> JSONPath, textIsForATerminal: Bool
    ) {
        self.node = node
        self.option = option
        self.condition = condition
        self.textIsForATerminal = textIsForATerminal
    }

    /// intake's questionnaire format: `$.nodes[i]`, its `options`, a branch's `when`.
    public static let intakeFormat = SourcePlaces(
        node: { JSONPath.root.appending("nodes").appending($0) },
        option: { JSONPath.root.appending("nodes").appending($0).appending("options").appending($1) },
        condition: { $0.path.appending("when") },
        textIsForATerminal: true)
}
