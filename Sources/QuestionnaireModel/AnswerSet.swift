extension Node {
    /// The node after this one, for the answers `lookup` sees: the first
    /// branch whose condition holds, or nil at the end.
    public func route(_ lookup: (Subject) -> Lookup) -> String? {
        switch next {
        case .end: return nil
        case .node(let id): return id
        case .branches(let branches):
            for branch in branches {
                guard let condition = branch.condition else { return branch.target }
                if condition.evaluate(lookup) == .yes { return branch.target }
            }
            return nil
        }
    }
}

/// One person's answers, knowing for every question whether it has an
/// answer, will never have one (skipped, or off the person's path), or is
/// simply not known (a partial answer file).
///
/// Built by walking the questionnaire from the start with the answers given:
/// the walk passes answered, skipped and optional nodes and stops at the
/// first required question without an answer. When it reaches an end, every
/// question it did not pass is "not on this path". When it stops early, the
/// routes on from there are followed wherever the answers known cannot rule
/// a branch out: a question on none of them (one the answers given already
/// routed past, or a follow-up whose trigger was answered "no") is not on
/// the path either; only the others are simply not known.
public struct AnswerSet: Sendable {
    public let questionnaire: Questionnaire
    public let answers: [String: Answer]
    public let skipped: Set<String>
    /// The nodes the walk passed, in order.
    public let path: [String]
    /// Whether the walk reached an end of the questionnaire.
    public let isComplete: Bool
    /// The required question the walk stopped at, when it stopped early.
    public let firstMissing: String?
    private let onPath: Set<String>
    /// When the walk stopped early: the nodes some route on from there may
    /// still reach, given the answers known.
    private let stillPossible: Set<String>

    public init(questionnaire: Questionnaire, answers: [String: Answer], skipped: Set<String> = []) {
        self.questionnaire = questionnaire
        self.skipped = skipped
        var path: [String] = []
        var onPath: Set<String> = []
        var cursor: String? = questionnaire.start
        var stoppedAt: String?
        let lookup: (Subject) -> Lookup = { subject in
            if case .value(let name) = subject, let computed = questionnaire.computedValues {
                return computed.lookup(name, answers: answers)
            }
            guard case .question(let id) = subject else { return .unknown }
            if let answer = answers[id] { return .value(answer.value) }
            if skipped.contains(id) || onPath.contains(id) { return .absent }
            return .unknown
        }
        while let id = cursor, let node = questionnaire.node(id), !onPath.contains(id) {
            if node.kind != .info, answers[id] == nil, !skipped.contains(id), node.required {
                stoppedAt = id
                break
            }
            path.append(id)
            onPath.insert(id)
            cursor = node.route(lookup)
        }
        self.path = path
        self.onPath = onPath
        self.stillPossible = stoppedAt.map { Self.possiblyReached(from: $0, in: questionnaire, lookup: lookup) } ?? []
        self.firstMissing = stoppedAt
        self.isComplete = stoppedAt == nil
        // On a complete path, answers to questions off the path do not count.
        self.answers = stoppedAt == nil ? answers.filter { onPath.contains($0.key) } : answers
    }

    /// How a condition sees the answer to question `id`.
    public func lookup(question id: String) -> Lookup {
        if let answer = answers[id] { return .value(answer.value) }
        if skipped.contains(id) || onPath.contains(id) || isComplete || !stillPossible.contains(id) { return .absent }
        return .unknown
    }

    /// The nodes reachable from `origin` taking every branch whose condition
    /// the known answers do not rule out (stopping at the first that surely
    /// holds, as the interview would). Linear in nodes plus branches.
    static func possiblyReached(from origin: String, in questionnaire: Questionnaire, lookup: (Subject) -> Lookup) -> Set<String> {
        var seen: Set<String> = []
        var stack = [origin]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let node = questionnaire.node(id) else { continue }
            switch node.next {
            case .end:
                break
            case .node(let target):
                stack.append(target)
            case .branches(let branches):
                for branch in branches {
                    let truth = branch.condition?.evaluate(lookup) ?? .yes
                    if truth == .no { continue }
                    stack.append(branch.target)
                    if truth == .yes { break }
                }
            }
        }
        return seen
    }
}
