import QuestionnaireModel

/// Turns the form's items, in document order with their conditions, into
/// intake's graph: each node leads to the first later node whose conditions
/// hold. A group heading whose conditions fail is passed with everything in
/// it, so the routes stay short. `validate`'s statistics (routes, shortest
/// and longest interview) then count what FHIR's enableWhen allows, and
/// back, edit, resume and replay walk the same routes.
struct FlowBuilder {
    let form: JSONValue
    var items: [FHIRItem]
    var steps: [FlowStep]
    var log: DiagnosticLog

    init(form: JSONValue, items: [FHIRItem], steps: [FlowStep], log: DiagnosticLog) {
        self.form = form
        self.items = items
        self.steps = steps
        self.log = log
    }

    mutating func build() -> Questionnaire? {
        if steps.isEmpty {
            // Nothing can be asked (every item was reported): one page says
            // so, and the response has no answers.
            let title = form["title"]?.stringValue ?? "This form"
            steps = [FlowStep(node: Node(id: "nothing-to-ask", spec: .info, text: "\(title): nothing in this form can be answered here.", required: false), conditions: [], stepsInside: 0)]
        }
        let asked = Set(steps.map(\.node.id))
        // An item that no node asks (calculated, hidden, read-only) is read
        // as a computed value.
        for index in steps.indices {
            steps[index].conditions = steps[index].conditions.map { Self.readingComputed($0, asked: asked) }
        }
        let conditions: [Condition?] = steps.map { step in
            switch step.conditions.count {
            case 0: nil
            case 1: step.conditions[0]
            default: .all(step.conditions)
            }
        }
        var nodes = steps.map(\.node)
        var used = Set(nodes.map(\.id))
        func unique(_ base: String) -> String {
            var id = base
            var counter = 2
            while used.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            return id
        }
        let title = form["title"]?.stringValue ?? form["name"]?.stringValue ?? "FHIR questionnaire"
        // Looked up once per branch, and a form of n questions can have n² branches.
        var pathsOfItems: [String: JSONPath] = [:]
        for item in items.flatMap(\.flattened) where pathsOfItems[item.linkId] == nil { pathsOfItems[item.linkId] = item.path }
        var endID: String?
        /// The conditions of step `index` still to check when coming from
        /// step `current`: those `current` had too already held there,
        /// unless they read `current`'s own answer. Without this a heading's
        /// first question would seem to have a route around it.
        func condition(of index: Int, from current: Int?) -> Condition? {
            guard let current else { return conditions[index] }
            let held = steps[current].conditions
            let own = Subject.question(nodes[current].id)
            let parts = steps[index].conditions.filter { !(held.contains($0) && !$0.subjects.contains(own)) }
            switch parts.count {
            case 0: return nil
            case 1: return parts[0]
            default: return .all(parts)
            }
        }
        /// Where the interview goes from step `current` (nil: the start), the
        /// next candidate being `first`.
        func next(from first: Int, after current: Int?) -> Next {
            var branches: [Branch] = []
            var index = first
            while index < steps.count {
                guard let condition = condition(of: index, from: current) else {
                    if branches.isEmpty { return .node(nodes[index].id) }
                    return .branches(branches + [Branch(condition: nil, target: nodes[index].id)])
                }
                let path = pathsOfItems[nodes[index].id]?.appending("enableWhen") ?? .root
                branches.append(Branch(condition: condition, target: nodes[index].id, path: path, offset: nodes[index].offset))
                index += 1 + steps[index].stepsInside
            }
            if branches.isEmpty { return .end }
            let end = endID ?? unique("end")
            endID = end
            return .branches(branches + [Branch(condition: nil, target: end)])
        }
        for index in nodes.indices {
            // An urgent stop ends the interview, as in intake's own format.
            nodes[index].next = nodes[index].urgent ? .end : next(from: index + 1, after: index)
        }
        var start = nodes[0].id
        if conditions[0] != nil {
            let id = unique("start")
            var opening = Node(id: id, spec: .info, text: title, required: false)
            opening.next = next(from: 0, after: nil)
            nodes.insert(opening, at: 0)
            start = id
        }
        if let endID {
            nodes.append(Node(id: endID, spec: .info, text: "That is the end of the questionnaire.", required: false, next: .end))
        }
        var sections: [Section] = []
        for item in items.flatMap(\.flattened) where item.type == .group {
            if let text = item.text, !text.isEmpty { sections.append(Section(id: item.linkId, title: text)) }
        }
        let id = Self.identifier(of: form)
        return Questionnaire(id: id, version: form["version"]?.stringValue ?? "", title: title, sections: sections, start: start, nodes: nodes)
    }

    /// The questionnaire's id, as transcripts name it (a letter, then
    /// letters, digits, `-` and `_`): the form's `id`, else its `name`, else
    /// the last part of its `url`, with other characters made `-` and
    /// `fhir-` before one that does not start with a letter.
    static func identifier(of form: JSONValue) -> String {
        let lastOfURL = form["url"]?.stringValue?.split(separator: "/").last.map(String.init)
        guard let given = [form["id"]?.stringValue, form["name"]?.stringValue, lastOfURL].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            return "fhir-questionnaire"
        }
        var id = String(given.unicodeScalars.prefix(90).map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-") ? Character(scalar) : "-"
        })
        if let first = id.unicodeScalars.first, !(first.isASCII && first.properties.isAlphabetic) { id = "fhir-" + id }
        return id
    }

    /// The condition with each test of an item no node asks turned into a
    /// test of the computed value of that item.
    static func readingComputed(_ condition: Condition, asked: Set<String>) -> Condition {
        switch condition {
        case .all(let parts): .all(parts.map { readingComputed($0, asked: asked) })
        case .any(let parts): .any(parts.map { readingComputed($0, asked: asked) })
        case .not(let inner): .not(readingComputed(inner, asked: asked))
        case .test(.question(let id), let predicate) where !asked.contains(id): .test(.value(id), predicate)
        case .test: condition
        }
    }
}
