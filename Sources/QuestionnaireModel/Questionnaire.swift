/// A questionnaire: a directed acyclic graph of questions, loaded from one
/// JSON file and checked before anything is asked.
public struct Questionnaire: Sendable {
    public var id: String
    public var version: String
    public var title: String
    /// The `$schema` the file names, if any.
    public var schema: String?
    public var sections: [Section]
    public var start: String
    /// The nodes in file order. Set only through `init` and `setNexts`,
    /// which keep the lookup tables below in step.
    public private(set) var nodes: [Node]
    private var indexByID: [String: Int]
    /// Where each node's `next` leads, by index: node `i`'s targets are
    /// `nextIndices[nextOffsets[i]..<nextOffsets[i + 1]]`, one per branch
    /// in order (one for a plain `next`, none for the end), -1 for an id no
    /// node has. Worked out once, so walking the flow looks no ids up.
    private var nextOffsets: [Int]
    private var nextIndices: [Int]
    /// Values worked out from the answers rather than asked (a FHIR form's
    /// calculated items and expressions), read by conditions as `Subject.value`.
    public var computedValues: (any ComputedValues)?
    /// The texts that overlay the file's own words for other audiences and
    /// languages (its `reception` objects); `worded(_:)` applies them.
    public var texts = TextCatalog<String>()
    /// The language the texts are in (`worded(_:)` sets it): answers are
    /// described in it (`describe(_:at:)`: yes and no, lengths of time).
    public var language: Language = .english
    /// Who the questionnaire is meant to be read by (its `audiences`; both
    /// when the file does not say): `validate` checks reception texts only
    /// for a questionnaire meant for reception.
    public var audiences: [Audience] = Audience.allCases
    /// This questionnaire with words in another language added (an alias
    /// table's), made when an answer in that language is first read
    /// (`reading(_:)`): most sessions never need them.
    public var laterWords: Later<Questionnaire>?

    public init(id: String, version: String, title: String, schema: String? = nil, sections: [Section] = [], start: String, nodes: [Node]) {
        self.id = id
        self.version = version
        self.title = title
        self.schema = schema
        self.sections = sections
        self.start = start
        self.nodes = nodes
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() where index[node.id] == nil {
            index[node.id] = position
        }
        self.indexByID = index
        self.nextOffsets = []
        self.nextIndices = []
        indexTheFlow()
    }

    /// Gives each node the `next` at its position (nil keeps the node's
    /// own), as the loader does once every node is known and conditions can
    /// be read.
    public mutating func setNexts(_ nexts: [Next?]) {
        for (position, next) in zip(nodes.indices, nexts) {
            if let next { nodes[position].next = next }
        }
        indexTheFlow()
    }

    private mutating func indexTheFlow() {
        var offsets = [0]
        var targets: [Int] = []
        offsets.reserveCapacity(nodes.count + 1)
        for node in nodes {
            switch node.next {
            case .end: break
            case .node(let id): targets.append(indexByID[id] ?? -1)
            case .branches(let branches):
                for branch in branches { targets.append(indexByID[branch.target] ?? -1) }
            }
            offsets.append(targets.count)
        }
        nextOffsets = offsets
        nextIndices = targets
    }

    /// The indices of the nodes the node at `position` leads to: one per
    /// branch of its `next`, in order (one for a plain `next`, none at the
    /// end), -1 where the id names no node.
    public func nextIndices(ofNodeAt position: Int) -> ArraySlice<Int> {
        nextIndices[nextOffsets[position]..<nextOffsets[position + 1]]
    }

    /// Changes each node's words in place (`worded(_:)`); ids, kinds and
    /// `next` must stay as they are, or the flow's index goes stale.
    mutating func mapNodes(_ change: (inout Node) -> Void) {
        for index in nodes.indices { change(&nodes[index]) }
    }

    /// The kind of the node with `id`, without copying the node.
    public func kind(of id: String) -> NodeKind? {
        indexByID[id].map { nodes[$0].kind }
    }

    /// The node with `id`, if there is one.
    public func node(_ id: String) -> Node? {
        indexByID[id].map { nodes[$0] }
    }

    /// The position of the node with `id` in `nodes`.
    public func index(of id: String) -> Int? {
        indexByID[id]
    }

    /// The section with `id`, if there is one.
    public func section(_ id: String) -> Section? {
        sections.first { $0.id == id }
    }

    /// This questionnaire with `change` made to each node; nodes keep their
    /// ids and flow (an alias table adds words to options and points).
    public func changingNodes(_ change: (inout Node) -> Void) -> Questionnaire {
        var changed = self
        for position in changed.nodes.indices {
            let id = changed.nodes[position].id
            let next = changed.nodes[position].next
            change(&changed.nodes[position])
            changed.nodes[position].id = id
            changed.nodes[position].next = next
        }
        return changed
    }

    /// The nodes that ask for an answer (every kind but `info`).
    public var questions: [Node] { nodes.filter { $0.kind != .info } }
}

/// A named group of questions, used to group answers in summaries and reports.
public struct Section: Sendable, Equatable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// One step of the interview: a question, or information to read.
public struct Node: Sendable {
    public var id: String
    public var spec: AnswerSpec
    /// The question as it is asked.
    public var text: String
    /// A short name for summaries and reports ("Age group"); defaults to the text.
    public var label: String?
    /// A short line under the question; a default is derived from the kind.
    public var hint: String?
    /// Longer help, shown on `:help`.
    public var help: String?
    /// Why the question is asked, shown on `:why`.
    public var why: String?
    public var section: String?
    /// Whether an answer is needed to go on; optional questions take `:skip`.
    public var required: Bool
    /// An answer, written as a person would type it, used when Enter is pressed
    /// on an empty line.
    public var defaultAnswer: String?
    /// Marks an end of the interview that sends the person to urgent care.
    public var urgent: Bool
    /// On an urgent stop: the answer that leads here is read back and
    /// confirmed first, so one mistyped answer cannot end the interview.
    public var confirm = false
    public var next: Next
    /// Byte offset of the node in its file, for diagnostics.
    public var offset: Int
    /// For a scale: the words for each number from `min` to `max` ("never",
    /// "almost never", ...), which are accepted as answers too.
    public var points: [String] = []
    /// For a scale: other words for each point, in another language
    /// (`AliasTable`), accepted as its words are; empty when none are given.
    public var pointAliases: [[String]] = []
    /// For a choice: whether text that names no option is taken as the
    /// answer itself (FHIR's `open-choice`), kept as a code no option has.
    public var allowsOtherText = false

    public init(
        id: String, spec: AnswerSpec, text: String, label: String? = nil, hint: String? = nil, help: String? = nil, why: String? = nil,
        section: String? = nil, required: Bool = true, defaultAnswer: String? = nil, urgent: Bool = false,
        next: Next = .end, offset: Int = -1
    ) {
        self.id = id
        self.spec = spec
        self.text = text
        self.label = label
        self.hint = hint
        self.help = help
        self.why = why
        self.section = section
        self.required = required
        self.defaultAnswer = defaultAnswer
        self.urgent = urgent
        self.next = next
        self.offset = offset
    }

    public var kind: NodeKind { spec.kind }

    /// The short name used in summaries: `label`, or the question's first line.
    public var summaryLabel: String { label ?? text.prefix { $0 != "\n" }.description }
}

/// The kinds of node, as written in the file's `kind` field.
public enum NodeKind: String, Sendable, CaseIterable {
    case single, multi, scale, number, duration, yesno, text, date, time, dateTime, medications, info
}

/// What a node accepts as an answer, with the settings of its kind.
public enum AnswerSpec: Sendable {
    case single(ChoiceSource)
    case multi(ChoiceSource)
    case scale(min: Int, max: Int, minLabel: String?, maxLabel: String?)
    case number(min: Double, max: Double, integer: Bool, unit: String?)
    case duration(minDays: Int, maxDays: Int)
    case yesno
    case text(maxLength: Int)
    /// A day, typed as people write one (`5 March 2024`, `yesterday`),
    /// within the bounds when they are given.
    case date(earliest: CalendarDate?, latest: CalendarDate?)
    /// A time of day (`14:30`, `2:30 pm`, `noon`).
    case time
    /// A day and a time of day, in local time.
    case dateTime
    case medications
    case info

    public var kind: NodeKind {
        switch self {
        case .single: .single
        case .multi: .multi
        case .scale: .scale
        case .number: .number
        case .duration: .duration
        case .yesno: .yesno
        case .text: .text
        case .date: .date
        case .time: .time
        case .dateTime: .dateTime
        case .medications: .medications
        case .info: .info
        }
    }

    /// The choice source of a `single` or `multi` node.
    public var choiceSource: ChoiceSource? {
        switch self {
        case .single(let source), .multi(let source): source
        default: nil
        }
    }
}

/// Where a choice question's options come from.
public enum ChoiceSource: Sendable {
    /// Options written in the node.
    case fixed([Option])
    /// The options chosen in an earlier `multi` question (e.g. the main pain
    /// area, picked among the areas that hurt).
    case answerOf(String)
}

/// One option of a choice question.
public struct Option: Sendable, Equatable {
    /// The stable code saved in answers and used by rules.
    public var code: String
    /// The words shown to the person.
    public var label: String
    /// Other words a person may type for it ("low back", "lumbar").
    public var aliases: [String]
    /// Words for it in other languages (허리 for lower back), added from an
    /// alias table beside the questionnaire (`adding(aliases:)`): matched as
    /// `aliases` are, but not part of the questionnaire file, so nothing that
    /// writes or reviews the file sees them.
    public private(set) var localAliases: [String] = []
    /// An option that cannot be combined with others in a `multi` answer.
    /// `none` is always exclusive.
    public var exclusive: Bool
    /// The numbers this option stands for ("18 to 50": 18...50), so a
    /// number typed that is no choice's number picks the option holding it.
    public var range: ClosedRange<Double>?
    /// The code, label, aliases and local aliases in matching form, worked
    /// out once.
    public private(set) var matchingForms: [String]
    /// The most words in any of `matchingForms`.
    public private(set) var mostWordsInAName: Int
    /// The names with Hangul in them as `KoreanWords.key` forms them (no
    /// spaces, a side word first), for answers typed in Korean.
    public private(set) var hangulKeys: [String] = []

    public init(code: String, label: String, aliases: [String] = [], exclusive: Bool = false, range: ClosedRange<Double>? = nil) {
        self.code = code
        self.label = label
        self.aliases = aliases
        self.exclusive = exclusive || code == "none"
        self.range = range
        self.matchingForms = ([code, label] + aliases).map(TextInput.matchingForm)
        self.mostWordsInAName = 1
        measureNames()
    }

    /// This option with `aliases` (words in another language) added to its
    /// local aliases, leaving out any it already has.
    public func adding(aliases added: [String]) -> Option {
        var option = self
        for alias in added {
            let form = TextInput.matchingForm(alias)
            guard !form.isEmpty, !option.matchingForms.contains(form) else { continue }
            option.localAliases.append(alias)
            option.matchingForms.append(form)
        }
        option.measureNames()
        return option
    }

    private mutating func measureNames() {
        var most = 1
        var keys: [String] = []
        for form in matchingForms {
            var words = 1
            for byte in form.utf8 where byte == 0x20 { words += 1 }
            most = max(most, words)
            if Hangul.contains(form) { keys.append(KoreanWords.key(form)) }
        }
        mostWordsInAName = most
        hangulKeys = keys
    }
}

/// Where the interview goes after a node.
public enum Next: Sendable {
    /// The interview ends after this node.
    case end
    case node(String)
    /// The first branch whose condition holds; the last branch has none.
    case branches([Branch])

    /// Every node this can lead to, in order, without repeats.
    public var targets: [String] {
        switch self {
        case .end: []
        case .node(let id): [id]
        case .branches(let branches):
            branches.reduce(into: [String]()) { targets, branch in
                if !targets.contains(branch.target) { targets.append(branch.target) }
            }
        }
    }
}

/// One `{when, goto}` of a node's `next`.
public struct Branch: Sendable {
    /// The condition, or nil for the final "otherwise" branch.
    public var condition: Condition?
    public var target: String
    /// Where the branch is in the file, for diagnostics.
    public var path: JSONPath
    public var offset: Int

    public init(condition: Condition?, target: String, path: JSONPath = .root, offset: Int = -1) {
        self.condition = condition
        self.target = target
        self.path = path
        self.offset = offset
    }
}

/// Values a questionnaire works out from the answers instead of asking for
/// them: a FHIR form's calculated and hidden items, its variables and
/// `enableWhenExpression`s. Conditions read them as `Subject.value(name)`.
public protocol ComputedValues: Sendable {
    /// How a condition sees the value called `name`, given the answers so far.
    func lookup(_ name: String, answers: [String: Answer]) -> Lookup
}
