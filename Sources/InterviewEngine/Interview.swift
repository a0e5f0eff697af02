import QuestionnaireModel

/// An interview in progress: a pure state machine walking a questionnaire.
///
/// It never reads or prints: the caller shows `currentNode`, passes what the
/// person typed to `handle(_:)`, and shows the `Response`. The same calls
/// drive a terminal session, a piped script, an answer file and a replayed
/// transcript, so all four behave alike.
public struct Interview: Sendable {
    public let questionnaire: Questionnaire
    /// Accepted answers by node id. Answers the current path no longer reaches
    /// are dropped as soon as an earlier answer changes the route.
    public private(set) var answers: [String: Answer] = [:]
    /// Optional questions left unanswered on purpose.
    public private(set) var skipped: Set<String> = []
    /// The nodes shown before the current one, oldest first (info nodes too).
    public private(set) var trail: [String] = []
    /// The nodes of `trail`, for constant-time checks.
    private var trailSet: Set<String> = []
    /// The node being shown, or nil when the interview is over.
    public private(set) var current: String?
    /// The date the answers are given on, for a date answered "today"; set
    /// by the caller from its clock (replay sets the recorded date).
    public var today: CalendarDate?

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.current = questionnaire.start
    }

    /// The node being shown, or nil when the interview is over.
    public var currentNode: Node? { current.flatMap(questionnaire.node) }

    public var isFinished: Bool { current == nil }

    /// Whether the interview ended at an urgent stop.
    public var endedUrgently: Bool {
        isFinished && trail.last.flatMap(questionnaire.node)?.urgent == true
    }

    /// The options on offer at the current node.
    public var currentOptions: [Option] {
        guard let node = currentNode else { return [] }
        return questionnaire.options(for: node, answers: answers)
    }

    /// The answer the current node had before `:back`, offered as the default.
    public var previousAnswer: Answer? { current.flatMap { answers[$0] } }

    /// What Enter on an empty line gives at the current node, in words: the
    /// previous answer, the node's default, or nil.
    public var defaultText: String? {
        if let previous = previousAnswer { return previous.raw }
        return currentNode?.defaultAnswer
    }

    // MARK: - Responses

    /// What the interview did with one line of input.
    public enum Response: Sendable, Equatable {
        /// The answer was accepted and the interview moved on.
        case accepted(node: String, answer: Answer)
        /// The answer could not be used; the same question is asked again.
        case rejected(node: String, raw: String, reason: Rejection)
        /// An optional question was left unanswered.
        case skipped(node: String)
        /// `:back` moved to an earlier question.
        case wentBack(from: String, to: String)
        /// A command that could not be done here (`:back` at the first
        /// question, `:skip` on a required one, an unknown command).
        case refused(node: String, raw: String, reason: Rejection)
        /// A command for the caller to show: review, why, help or quit.
        case command(Command)
    }

    /// Handles one line typed at the current node: an answer or a command.
    public mutating func handle(_ input: String) -> Response {
        guard let node = currentNode else {
            return .refused(node: "", raw: input, reason: Rejection("The interview is over."))
        }
        if let parsed = Command.parse(input) {
            switch parsed {
            case .failure(let rejection):
                return .refused(node: node.id, raw: input, reason: rejection)
            case .success(.back):
                return goBack(from: node, raw: input)
            case .success(.skip):
                guard !node.required || currentOptionsAreEmpty(node) else {
                    return .refused(node: node.id, raw: input, reason: Rejection("This question needs an answer, so it can't be skipped. Type :help if you're unsure what to answer."))
                }
                skip(node)
                return .skipped(node: node.id)
            case .success(let command):
                return .command(command)
            }
        }
        if node.kind == .info {
            advance(past: node)
            return .accepted(node: node.id, answer: Answer(value: .text(""), raw: input))
        }
        // Control characters that count as white space (vertical tab, form
        // feed, next line) are refused, not taken as an empty line.
        if case .failure(let rejection) = TextInput.checked(input) {
            return .rejected(node: node.id, raw: input, reason: rejection)
        }
        if (try? TextInput.checked(input).get())?.isEmpty == true {
            if let previous = previousAnswer {
                accept(previous, at: node)
                return .accepted(node: node.id, answer: previous)
            }
            if let defaultAnswer = node.defaultAnswer {
                return answer(defaultAnswer, at: node)
            }
            if !node.required {
                skip(node)
                return .skipped(node: node.id)
            }
        }
        return answer(input, at: node)
    }

    /// Moves past an `info` node, which needs no answer.
    public mutating func continuePastInfo() {
        guard let node = currentNode, node.kind == .info else { return }
        advance(past: node)
    }

    /// Leaves a node with no options on offer (an `optionsFrom` question whose
    /// source was not answered) unanswered; such a node is skipped even when
    /// required. Returns whether it did.
    public mutating func skipIfNothingToChoose() -> Bool {
        guard let node = currentNode, currentOptionsAreEmpty(node) else { return false }
        skip(node)
        return true
    }

    private func currentOptionsAreEmpty(_ node: Node) -> Bool {
        if case .answerOf? = node.spec.choiceSource { return currentOptions.isEmpty }
        return false
    }

    private mutating func answer(_ raw: String, at node: Node) -> Response {
        let command = Self.commandMeant(by: raw)
        // No medicine is called "help": a command word there is a slip.
        if let command, node.kind == .medications {
            return .rejected(node: node.id, raw: raw, reason: Rejection("Did you mean :\(command.rawValue)? Commands start with a colon. Otherwise list your medicines separated by commas, or type 'none'."))
        }
        switch node.parse(raw, options: currentOptions, today: today) {
        case .success(let value):
            let answer = Answer(value: value, raw: raw)
            accept(answer, at: node)
            return .accepted(node: node.id, answer: answer)
        case .failure(let rejection):
            guard let command else { return .rejected(node: node.id, raw: raw, reason: rejection) }
            return .rejected(node: node.id, raw: raw, reason: Rejection(rejection.message + " To \(command.summary), type :\(command.rawValue)."))
        }
    }

    /// The command a word typed without its colon most likely means ("help",
    /// "quit", "exit", "back", "?"), or nil.
    static func commandMeant(by raw: String) -> Command? {
        let word = raw.trimmingSpaces().lowercased()
        switch word {
        case "?", "help", "h": return .help
        case "quit", "exit", "stop", "q": return .quit
        default: return Command(rawValue: word)
        }
    }

    // MARK: - Moving

    private mutating func accept(_ answer: Answer, at node: Node) {
        answers[node.id] = answer
        skipped.remove(node.id)
        advance(past: node)
    }

    private mutating func skip(_ node: Node) {
        answers[node.id] = nil
        skipped.insert(node.id)
        advance(past: node)
    }

    private mutating func advance(past node: Node) {
        trail.append(node.id)
        trailSet.insert(node.id)
        current = route(from: node)
        // Only after :back can answers lie beyond the trail; walking forward,
        // there is nothing an answer could cut off.
        if answers.keys.contains(where: { !trailSet.contains($0) }) || skipped.contains(where: { !trailSet.contains($0) }) {
            dropUnreachedAnswers()
        }
    }

    private mutating func goBack(from node: Node, raw: String) -> Response {
        guard let index = trail.lastIndex(where: { questionnaire.node($0)?.kind != .info }) else {
            return .refused(node: node.id, raw: raw, reason: Rejection("This is the first question, so there is nothing to go back to."))
        }
        let target = trail[index]
        for id in trail[index...] { trailSet.remove(id) }
        trail.removeSubrange(index...)
        skipped.remove(target)
        current = target
        return .wentBack(from: node.id, to: target)
    }

    /// The node after `node` given the answers so far.
    public func route(from node: Node) -> String? {
        node.route(lookup)
    }

    /// How conditions see an answer: given, skipped, or not asked yet.
    public func lookup(_ subject: Subject) -> Lookup {
        if case .value(let name) = subject, let computed = questionnaire.computedValues {
            return computed.lookup(name, answers: answers)
        }
        guard case .question(let id) = subject else { return .unknown }
        if let answer = answers[id] { return .value(answer.value) }
        if skipped.contains(id) || trailSet.contains(id) { return .absent }
        return .unknown
    }

    /// Drops answers and skips that the route from the start no longer
    /// passes, so an answer given on an abandoned branch cannot count.
    private mutating func dropUnreachedAnswers() {
        var onPath: Set<String> = []
        var cursor: String? = questionnaire.start
        while let id = cursor, let node = questionnaire.node(id), !onPath.contains(id) {
            onPath.insert(id)
            guard node.kind == .info || answers[id] != nil || skipped.contains(id) else { break }
            cursor = route(from: node)
        }
        answers = answers.filter { onPath.contains($0.key) }
        skipped = skipped.filter { onPath.contains($0) }
    }

    // MARK: - Progress

    /// Where the person is: the number of the current question and how many
    /// more may follow it.
    public struct Progress: Sendable, Equatable {
        /// The current question's number, counting from 1.
        public var number: Int
        /// The fewest and most questions that can follow the current one on a
        /// normal path (an urgent stop is not counted as an end).
        public var fewestMore: Int
        public var mostMore: Int
    }

    /// Progress at the current node, from the graph and the answers so far.
    public var progress: Progress {
        let asked = trail.count { questionnaire.kind(of: $0) != .info }
        guard let current, let position = questionnaire.index(of: current) else {
            return Progress(number: asked, fewestMore: 0, mostMore: 0)
        }
        let isQuestion = questionnaire.nodes[position].kind != .info
        var walk = RemainingWalk(interview: self)
        var fewest: Int?
        var most = 0
        for target in possibleNext(at: position) {
            let (low, high) = walk.remaining(from: target)
            if let low { fewest = min(fewest ?? low, low) }
            most = max(most, high)
        }
        return Progress(number: asked + (isQuestion ? 1 : 0), fewestMore: fewest ?? 0, mostMore: most)
    }

    /// The positions of the nodes that can follow the node at `position`,
    /// given what is known now: each branch whose condition is not false,
    /// up to the first that is surely true.
    private func possibleNext(at position: Int) -> [Int] {
        var result: [Int] = []
        appendPossibleNext(at: position, to: &result)
        return result
    }

    /// Appends `possibleNext(at:)` to `list`, each target once.
    private func appendPossibleNext(at position: Int, to list: inout [Int]) {
        let targets = questionnaire.nextIndices(ofNodeAt: position)
        let first = list.count
        switch questionnaire.nodes[position].next {
        case .end:
            break
        case .node:
            if let target = targets.first, target >= 0 { list.append(target) }
        case .branches(let branches):
            for (offset, branch) in branches.enumerated() {
                let truth = branch.condition?.evaluate(lookup) ?? .yes
                let target = targets[targets.startIndex + offset]
                if truth != .no, target >= 0, !list[first...].contains(target) { list.append(target) }
                if truth == .yes { break }
            }
        }
    }

    /// The fewest (nil when every route ends urgently) and most questions
    /// from a node to an end, by node index, shared by the several
    /// successors of the current node. Iterative, so deep questionnaires
    /// cannot overflow the stack; each node's successors are worked out once,
    /// into one list shared by the whole walk.
    private struct RemainingWalk {
        let interview: Interview
        var fewest: [Int?]
        var most: [Int]
        var done: [Bool]
        /// The successors of every node expanded so far, end to end.
        var successors: [Int] = []

        init(interview: Interview) {
            self.interview = interview
            let count = interview.questionnaire.nodes.count
            fewest = Array(repeating: nil, count: count)
            most = Array(repeating: 0, count: count)
            done = Array(repeating: false, count: count)
        }

        mutating func remaining(from origin: Int) -> (Int?, Int) {
            let nodes = interview.questionnaire.nodes
            // A node is pushed once to expand it, then again, with where its
            // successors lie in `successors`, to be worked out after them.
            var stack: [(node: Int, next: Range<Int>?)] = [(origin, nil)]
            while let (index, expanded) = stack.popLast() {
                if done[index] { continue }
                guard let next = expanded else {
                    let start = successors.count
                    interview.appendPossibleNext(at: index, to: &successors)
                    stack.append((index, start..<successors.count))
                    for target in successors[start...] where !done[target] { stack.append((target, nil)) }
                    continue
                }
                let own = nodes[index].kind == .info ? 0 : 1
                if next.isEmpty {
                    fewest[index] = nodes[index].urgent ? nil : own
                    most[index] = own
                } else {
                    var low: Int?
                    var high = 0
                    for target in successors[next] {
                        if let value = fewest[target] { low = min(low ?? value, value) }
                        high = max(high, most[target])
                    }
                    fewest[index] = low.map { $0 + own }
                    most[index] = high + own
                }
                done[index] = true
            }
            return (fewest[origin], most[origin])
        }
    }

    // MARK: - Reading the answers

    /// The answers in the order they were given, with their nodes.
    public var answeredInOrder: [(node: Node, answer: Answer)] {
        var seen: Set<String> = []
        var result: [(Node, Answer)] = []
        for id in trail + (current.map { [$0] } ?? []) where !seen.contains(id) {
            seen.insert(id)
            if let node = questionnaire.node(id), let answer = answers[id] { result.append((node, answer)) }
        }
        return result
    }
}
