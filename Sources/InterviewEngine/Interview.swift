import QuestionnaireModel

/// An interview in progress: a pure state machine walking a questionnaire.
///
/// It never reads or prints: the caller shows `currentNode`, passes what the
/// person typed to `handle(_:)`, and shows the `Response`. The same calls
/// drive a terminal session, a piped script, an answer file and a replayed
/// transcript, so all four behave alike.
public struct Interview: Sendable {
    public let questionnaire: Questionnaire
    /// What the interview checks with the person before it takes an answer.
    public let checks: Checks
    /// A check an application adds on answers the questionnaire accepted
    /// (a medicine name near a known one); asked when `checks` holds
    /// `nearMatches`.
    public let answerCheck: AnswerCheck?
    /// Transcripts of format 1 and 2 were recorded by an interview that,
    /// when an earlier answer changed the route, dropped every answer past
    /// the first question left unanswered; replaying them must do the same.
    private let dropsAnswersPastAChange: Bool
    /// How answers are read: as today, or as an older transcript's format
    /// read them, so its replay reads each answer as it was read.
    private let reading: AnswerReading

    /// The answers on the path: the questions passed so far. Only these
    /// count for conditions, progress and scoring.
    public private(set) var answers: [String: Answer] = [:]
    /// Answers given to questions the path has not reached again (after
    /// `:back` or `:edit`, or off a route an earlier answer changed). Each is
    /// offered again as the default when its question comes up; at the end,
    /// those the final path does not reach are gone.
    public private(set) var heldAnswers: [String: Answer] = [:]
    /// Optional questions on the path left unanswered on purpose.
    public private(set) var skipped: Set<String> = []
    /// Skips of questions the path has not reached again, like `heldAnswers`.
    private var heldSkips: Set<String> = []
    /// The nodes shown before the current one, oldest first (info nodes too).
    public private(set) var trail: [String] = []
    /// The nodes of `trail`, for constant-time checks.
    private var trailSet: Set<String> = []
    /// The node being shown (`Interview.reviewPage` at the review page), or
    /// nil when the interview is over.
    public private(set) var current: String?
    /// The date the answers are given on, for a date answered "today"; set
    /// by the caller from its clock (replay sets the recorded date).
    public var today: CalendarDate?
    /// The yes/no question waiting for its reply, about what was just typed.
    public private(set) var pendingCheck: Check?
    /// Where an `:edit` returns to once the changed answer is taken: the
    /// node the person was on, or `Interview.reviewPage`.
    public private(set) var returnPoint: String?
    /// Information steps already shown: on the way back from an edit they
    /// are passed without showing them again.
    private var shownInformation: Set<String> = []

    /// The `current` of the review page before finishing, which is no node
    /// of any questionnaire (ids start with a letter).
    public static let reviewPage = "(review)"

    /// A new interview at the start of `questionnaire`.
    public init(questionnaire: Questionnaire, checks: Checks = [], answerCheck: AnswerCheck? = nil) {
        self.init(questionnaire: questionnaire, checks: checks, answerCheck: answerCheck, dropsAnswersPastAChange: false, reading: .current)
    }

    /// A new interview that behaves as the one that recorded the transcript
    /// with `header` did, so replaying it repeats what happened.
    public init(questionnaire: Questionnaire, recordedUnder header: TranscriptHeader, answerCheck: AnswerCheck? = nil) {
        let before = header.format < TranscriptHeader.keepingAnswersFormat
        let reading: AnswerReading = header.format < TranscriptHeader.bothSidesFormat ? [] : .current
        self.init(
            questionnaire: questionnaire, checks: before ? [] : header.checks, answerCheck: answerCheck, dropsAnswersPastAChange: before,
            reading: reading)
    }

    private init(questionnaire: Questionnaire, checks: Checks, answerCheck: AnswerCheck?, dropsAnswersPastAChange: Bool, reading: AnswerReading) {
        self.questionnaire = questionnaire
        self.checks = checks
        self.answerCheck = answerCheck
        self.dropsAnswersPastAChange = dropsAnswersPastAChange
        self.reading = reading
        self.current = questionnaire.start
    }

    /// The node being shown, or nil at the review page and when the interview is over.
    public var currentNode: Node? { current.flatMap(questionnaire.node) }

    public var isFinished: Bool { current == nil }

    /// Whether the interview is at the review page, waiting for Enter or `:edit`.
    public var isReviewing: Bool { current == Self.reviewPage }

    /// Whether the interview ended at an urgent stop.
    public var endedUrgently: Bool {
        isFinished && trail.last.flatMap(questionnaire.node)?.urgent == true
    }

    /// The options on offer at the current node.
    public var currentOptions: [Option] {
        guard let node = currentNode else { return [] }
        return questionnaire.options(for: node, answers: answers)
    }

    /// The answer the current node had before (after `:back`, `:edit`, or a
    /// change of route), offered as the default: "Press Enter to keep your answer".
    public var previousAnswer: Answer? {
        guard let current, let held = heldAnswers[current] else { return nil }
        if dropsAnswersPastAChange { return held }
        return questionnaire.node(current).flatMap { stillApplies(held, at: $0) ? held : nil }
    }

    /// What Enter on an empty line gives at the current node, in words: the
    /// previous answer, the node's default, or nil.
    public var defaultText: String? {
        if let previous = previousAnswer { return previous.raw }
        return currentNode?.defaultAnswer
    }

    /// What the person is asked now.
    public enum Step: Sendable {
        /// A question or an information step: `currentNode`.
        case node(Node)
        /// A yes/no question about what was just typed: `pendingCheck`.
        case check(Check)
        /// Every answer, numbered (`reviewItems`): Enter finishes, `:edit N` changes one.
        case review
        /// Nothing: the interview is over.
        case finished
    }

    /// What the person is asked now: a node, a check, the review page, or nothing.
    public var step: Step {
        if let pendingCheck { return .check(pendingCheck) }
        if isReviewing { return .review }
        if let node = currentNode { return .node(node) }
        return .finished
    }

    // MARK: - Responses

    /// What the interview did with one line of input.
    ///
    /// A check is answered `.rejected` too: the text typed is not taken as
    /// it is, and `pendingCheck` holds the yes/no question asked about it
    /// (its `prompt` is the reason given). `:edit` is answered `.wentBack`.
    public enum Response: Sendable, Equatable {
        /// The answer was accepted and the interview moved on.
        case accepted(node: String, answer: Answer)
        /// The answer could not be used; the same question is asked again,
        /// or the check in `pendingCheck` about it.
        case rejected(node: String, raw: String, reason: Rejection)
        /// An optional question was left unanswered.
        case skipped(node: String)
        /// `:back` or `:edit` moved to an earlier question.
        case wentBack(from: String, to: String)
        /// A command that could not be done here (`:back` at the first
        /// question, `:skip` on a required one, an unknown command).
        case refused(node: String, raw: String, reason: Rejection)
        /// A command for the caller to show: review, why, help or quit.
        case command(Command)
    }

    /// Handles one line typed at the current node: an answer, a reply to a
    /// check, or a command.
    public mutating func handle(_ input: String) -> Response {
        if isReviewing { return handleAtReview(input) }
        guard let node = currentNode else {
            return .refused(node: "", raw: input, reason: Rejection("The interview is over."))
        }
        if checks.contains(.review), let request = Self.editRequest(in: input) {
            return edit(request, typed: input, from: node.id)
        }
        if let parsed = Command.parse(input) {
            switch parsed {
            case .failure(let rejection):
                return .refused(node: node.id, raw: input, reason: rejection)
            case .success(.back):
                pendingCheck = nil
                return goBack(from: node.id, raw: input)
            case .success(.skip):
                guard !node.required || currentOptionsAreEmpty(node) else {
                    return .refused(node: node.id, raw: input, reason: Rejection("This question needs an answer, so it can't be skipped. Type :help if you're unsure what to answer."))
                }
                pendingCheck = nil
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
        if let check = pendingCheck {
            // Enter neither confirms nor drops what is being checked.
            if (try? TextInput.checked(input).get())?.isEmpty == true {
                return .rejected(node: node.id, raw: input, reason: Rejection("Please answer yes or no. \(check.prompt)"))
            }
            pendingCheck = nil
            switch Self.reply(to: input) {
            case true?:
                return take(check.onYes, at: node, typed: input, after: check.reason)
            case false?:
                if let keep = check.onNo { return take(keep, at: node, typed: input, after: check.reason) }
                return .rejected(node: node.id, raw: input, reason: Rejection(check.declined))
            case nil:
                // Anything but yes or no is a new answer to the question.
                break
            }
        }
        // Control characters that count as white space (vertical tab, form
        // feed, next line) are refused, not taken as an empty line.
        if case .failure(let rejection) = TextInput.checked(input) {
            return .rejected(node: node.id, raw: input, reason: rejection)
        }
        if (try? TextInput.checked(input).get())?.isEmpty == true {
            if let previous = previousAnswer {
                return take(previous, at: node, typed: input)
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
        // Words of another language are read when the answer is in it.
        let (readNode, options): (Node, [Option])
        if let laterWords = questionnaire.laterWords, Hangul.contains(raw) {
            let reading = laterWords.value
            readNode = reading.node(node.id) ?? node
            options = reading.options(for: readNode, answers: answers)
        } else {
            (readNode, options) = (node, currentOptions)
        }
        switch readNode.parse(raw, options: options, today: today, reading: reading) {
        case .success(let value):
            return take(Answer(value: value, raw: raw), at: node, typed: raw)
        case .failure(let rejection):
            if let command {
                return .rejected(node: node.id, raw: raw, reason: Rejection(rejection.message + " " + command.typedWithoutColon))
            }
            // Edit distances are worked out only here, once nothing matched.
            if checks.contains(.nearMatches), let near = readNode.nearMatch(raw, options: options) {
                return ask(Check(
                    reason: .nearMatch, node: node.id, typed: raw, question: "Did you mean \(near.meant)?",
                    onYes: Answer(value: near.value, raw: near.corrected)))
            }
            return .rejected(node: node.id, raw: raw, reason: rejection)
        }
    }

    /// Takes an answer the questionnaire accepted, unless a check must be
    /// asked about it first. `reason` is the check the person has just said
    /// yes (or no) to, which is not asked again.
    private mutating func take(_ answer: Answer, at node: Node, typed: String, after reason: Check.Reason? = nil) -> Response {
        if reason == nil, checks.contains(.nearMatches), let answerCheck, let check = answerCheck(node, answer) {
            return ask(check)
        }
        if checks.contains(.urgentStops), !(reason?.isUrgentStop ?? false), let stop = confirmingStop(after: answer, at: node) {
            return ask(Check(
                reason: .urgentStop(stop), node: node.id, typed: typed,
                question: "You chose: \(questionnaire.describe(answer.value, at: node)). Is that right?", onYes: answer))
        }
        accept(answer, at: node)
        return .accepted(node: node.id, answer: answer)
    }

    private mutating func ask(_ check: Check) -> Response {
        pendingCheck = check
        return .rejected(node: check.node, raw: check.typed, reason: Rejection(check.prompt))
    }

    /// The urgent stop marked `confirm` that `answer` would lead to, if any.
    private func confirmingStop(after answer: Answer, at node: Node) -> String? {
        guard let position = questionnaire.index(of: node.id),
              questionnaire.nextIndices(ofNodeAt: position).contains(where: { $0 >= 0 && questionnaire.nodes[$0].confirm })
        else { return nil }
        let target = node.route { subject in
            if case .question(node.id) = subject { return .value(answer.value) }
            return lookup(subject)
        }
        guard let target, let stop = questionnaire.node(target), stop.urgent, stop.confirm else { return nil }
        return target
    }

    /// Whether `answer` would lead from `node` straight to an urgent stop.
    private func leadsToUrgentStop(_ answer: Answer, at node: Node) -> Bool {
        let target = node.route { subject in
            if case .question(node.id) = subject { return .value(answer.value) }
            return lookup(subject)
        }
        return target.flatMap(questionnaire.node)?.urgent == true
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

    /// Yes (true) or no (false) to a check; nil for anything else, which is a
    /// new answer. Digits are not read as yes or no here: "1" after "Did you
    /// mean Lower back?" is choice 1.
    static func reply(to input: String) -> Bool? {
        var form = TextInput.matchingForm(input)
        while let last = form.last, ".!".contains(last) { form.removeLast() }
        if ["yes", "y", "yeah", "yep", "yup", "ok", "okay", "correct"].contains(form) { return true }
        if ["no", "n", "nope", "nah"].contains(form) { return false }
        return KoreanWords.reply(form)
    }

    // MARK: - Moving

    private mutating func accept(_ answer: Answer, at node: Node) {
        answers[node.id] = answer
        heldAnswers[node.id] = nil
        skipped.remove(node.id)
        heldSkips.remove(node.id)
        advance(past: node)
    }

    private mutating func skip(_ node: Node) {
        answers[node.id] = nil
        heldAnswers[node.id] = nil
        skipped.insert(node.id)
        heldSkips.remove(node.id)
        advance(past: node)
    }

    private mutating func advance(past node: Node) {
        trail.append(node.id)
        trailSet.insert(node.id)
        if node.kind == .info { shownInformation.insert(node.id) }
        current = route(from: node)
        if dropsAnswersPastAChange {
            // Only after :back can answers lie beyond the trail; walking
            // forward, there is nothing an answer could cut off.
            if !heldAnswers.isEmpty || !heldSkips.isEmpty { dropUnreachedAnswers() }
        } else if returnPoint != nil {
            returnToEditPoint()
        }
        if current == nil { reachEnd() }
    }

    /// At the end of the route: the review page when the interview offers
    /// one (not after an urgent stop, whose advice must not wait), else the end.
    private mutating func reachEnd() {
        returnPoint = nil
        if checks.contains(.review), !endedUrgently {
            current = Self.reviewPage
            return
        }
        heldAnswers = [:]
        heldSkips = []
    }

    /// The question `:back` goes to: the last one before the current node.
    public var backTarget: String? {
        trail.last { questionnaire.kind(of: $0) != .info }
    }

    private mutating func goBack(from origin: String, raw: String) -> Response {
        guard let index = trail.lastIndex(where: { questionnaire.kind(of: $0) != .info }) else {
            return .refused(node: origin, raw: raw, reason: Rejection("This is the first question, so there is nothing to go back to."))
        }
        let target = trail[index]
        rewind(to: index)
        current = target
        return .wentBack(from: origin, to: target)
    }

    /// Takes the nodes from `index` on off the trail; their answers and
    /// skips are held, to be offered again when the route reaches them.
    private mutating func rewind(to index: Int) {
        for id in trail[index...] {
            trailSet.remove(id)
            if let answer = answers.removeValue(forKey: id) { heldAnswers[id] = answer }
            if skipped.remove(id) != nil { heldSkips.insert(id) }
        }
        // The question gone back to is asked again: Enter skips it only if
        // it is optional, as any optional question.
        heldSkips.remove(trail[index])
        trail.removeSubrange(index...)
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
        if dropsAnswersPastAChange {
            if let held = heldAnswers[id] { return .value(held.value) }
            if heldSkips.contains(id) { return .absent }
        }
        return .unknown
    }

    /// Whether an answer given before still fits its question: the options
    /// an `optionsFrom` question offers depend on an earlier answer that may
    /// have changed since.
    private func stillApplies(_ answer: Answer, at node: Node) -> Bool {
        guard case .answerOf? = node.spec.choiceSource else { return true }
        let codes = Set(questionnaire.options(for: node, answers: answers).map(\.code))
        return answer.value.codes.allSatisfy(codes.contains)
    }

    /// How transcripts of format 1 and 2 re-routed: drops answers and skips
    /// that the route from the start, walked up to the first question not
    /// answered, no longer passes.
    private mutating func dropUnreachedAnswers() {
        var onPath: Set<String> = []
        var cursor: String? = questionnaire.start
        while let id = cursor, let node = questionnaire.node(id), !onPath.contains(id) {
            onPath.insert(id)
            let answered = answers[id] != nil || heldAnswers[id] != nil || skipped.contains(id) || heldSkips.contains(id)
            guard node.kind == .info || answered else { break }
            cursor = route(from: node)
        }
        answers = answers.filter { onPath.contains($0.key) }
        heldAnswers = heldAnswers.filter { onPath.contains($0.key) }
        skipped = skipped.filter { onPath.contains($0) }
        heldSkips = heldSkips.filter { onPath.contains($0) }
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
            if let node = questionnaire.node(id), let answer = answers[id] ?? (id == current ? heldAnswers[id] : nil) {
                result.append((node, answer))
            }
        }
        return result
    }

    /// The questions passed so far, numbered from 1 as `:review` and the
    /// review page show them and `:edit N` names them.
    public var reviewItems: [ReviewItem] {
        var items: [ReviewItem] = []
        for id in trail {
            guard let node = questionnaire.node(id), node.kind != .info else { continue }
            items.append(ReviewItem(number: items.count + 1, node: node, answer: answers[id]))
        }
        return items
    }

    // MARK: - Review and edit

    /// One line typed at the review page: Enter finishes; `:edit` and
    /// `:back` go to a question; other commands are the caller's to show.
    private mutating func handleAtReview(_ input: String) -> Response {
        let page = Self.reviewPage
        if let request = Self.editRequest(in: input) {
            return edit(request, typed: input, from: page)
        }
        if let parsed = Command.parse(input) {
            switch parsed {
            case .failure(let rejection):
                return .refused(node: page, raw: input, reason: rejection)
            case .success(.back):
                return goBack(from: page, raw: input)
            case .success(.skip):
                return .refused(node: page, raw: input, reason: Rejection("There is no question to skip here. \(Self.reviewHint)"))
            case .success(let command):
                return .command(command)
            }
        }
        switch TextInput.checked(input) {
        case .success(let text) where text.isEmpty:
            current = nil
            heldAnswers = [:]
            heldSkips = []
            return .accepted(node: page, answer: Answer(value: .text(""), raw: input))
        case .success:
            return .rejected(node: page, raw: input, reason: Rejection("Your answers are all in. \(Self.reviewHint)"))
        case .failure(let rejection):
            return .rejected(node: page, raw: input, reason: rejection)
        }
    }

    public static let reviewHint = "Press Enter to finish, or type :edit and a number to change that answer."

    /// The text after `:edit` when `input` is that command ("" for `:edit`
    /// alone), or nil when it is not.
    static func editRequest(in input: String) -> String? {
        let trimmed = input.trimmingSpaces()
        guard trimmed.first == ":", trimmed.prefix(5).lowercased() == ":edit" else { return nil }
        let rest = trimmed.dropFirst(5)
        guard rest.isEmpty || rest.first?.isWhitespace == true else { return nil }
        return rest.trimmingSpaces()
    }

    /// `:edit` with what was typed after it: a number from `reviewItems`, a
    /// question's id, or the start of its label.
    private mutating func edit(_ request: String, typed: String, from origin: String) -> Response {
        let items = reviewItems
        let refuse = { (message: String) in Response.refused(node: origin, raw: typed, reason: Rejection(message)) }
        guard !request.isEmpty else {
            return refuse("Type :edit and the number of the answer to change, such as :edit 3 (:review shows the numbers).")
        }
        guard !items.isEmpty else { return refuse("There are no answers to change yet.") }
        let target: ReviewItem
        if let number = Int(request), request.allSatisfy(\.isASCII) {
            guard items.indices.contains(number - 1) else {
                return refuse("There is no answer \(number): the answers are numbered 1 to \(items.count) (:review shows them).")
            }
            target = items[number - 1]
        } else if let found = Self.item(named: request, in: items) {
            target = found
        } else if request.lowercased() == origin.lowercased() || currentNode.map({ TextInput.matchingForm($0.summaryLabel) == TextInput.matchingForm(request) }) == true {
            return refuse("That is the question you are on: type the new answer.")
        } else {
            return refuse("\(TextInput.quoted(request)) is not a question you have answered: type :edit and a number from 1 to \(items.count) (:review shows them).")
        }
        pendingCheck = nil
        return edit(target.node.id)
    }

    /// The answered question `name` names: its id, its label, or the one
    /// label that starts with it.
    private static func item(named name: String, in items: [ReviewItem]) -> ReviewItem? {
        if let byID = items.first(where: { $0.node.id.lowercased() == name.lowercased() }) { return byID }
        let form = TextInput.matchingForm(name)
        if let byLabel = items.first(where: { TextInput.matchingForm($0.node.summaryLabel) == form }) { return byLabel }
        let starting = items.filter { TextInput.matchingForm($0.node.summaryLabel).hasPrefix(form) }
        return starting.count == 1 ? starting[0] : nil
    }

    /// Goes back to the answered question `target` to change its answer.
    /// Once it is answered, the interview passes every later answer that
    /// still applies, asks any question the new route adds, and stops where
    /// the person was (or at the review page). Going back to the question
    /// just before is `:back`, which walks on question by question.
    ///
    /// Replay calls this for a recorded `back` that is not one step.
    public mutating func edit(_ target: String) -> Response {
        let origin = current ?? ""
        guard checks.contains(.review), let index = trail.firstIndex(of: target), questionnaire.kind(of: target) != .info else {
            return .refused(node: origin, raw: ":edit", reason: Rejection("That question cannot be changed from here."))
        }
        pendingCheck = nil
        if target == backTarget { return goBack(from: origin, raw: ":edit") }
        if returnPoint == nil { returnPoint = origin }
        rewind(to: index)
        current = target
        return .wentBack(from: origin, to: target)
    }

    /// After an edit: passes the nodes whose answers still apply (and the
    /// information steps already shown) up to the edit's return point,
    /// stopping at any question that needs the person: one without an
    /// answer, one whose old answer no longer fits, or one whose answer
    /// now leads to an urgent stop.
    private mutating func returnToEditPoint() {
        while let id = current, id != returnPoint, let node = questionnaire.node(id) {
            if node.kind == .info {
                guard !node.urgent, shownInformation.contains(id) else { break }
            } else if let kept = heldAnswers[id], stillApplies(kept, at: node), !leadsToUrgentStop(kept, at: node) {
                answers[id] = kept
                heldAnswers[id] = nil
            } else if heldSkips.contains(id), !node.required {
                heldSkips.remove(id)
                skipped.insert(id)
            } else {
                break
            }
            trail.append(id)
            trailSet.insert(id)
            current = route(from: node)
        }
        if current == returnPoint { returnPoint = nil }
    }
}
