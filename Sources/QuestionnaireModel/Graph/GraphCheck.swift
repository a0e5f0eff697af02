/// The checks a questionnaire's flow must pass before it is used: no loops,
/// every node reachable from the start, choices drawn only from questions
/// asked earlier.
enum GraphCheck {
    static func check(_ questionnaire: Questionnaire, log: inout DiagnosticLog) {
        let graph = QuestionGraph(questionnaire)
        let nodesPath = JSONPath.root.appending("nodes")
        if let cycle = graph.findCycle() {
            let names = cycle.map { questionnaire.nodes[$0].id }.joined(separator: " → ")
            let first = cycle[0]
            log.report(.error, "the flow goes round in a loop (\(names)): every 'next' must lead further on", offset: questionnaire.nodes[first].offset, path: nodesPath.appending(first))
            return
        }
        guard let start = graph.start else { return }
        let reachable = graph.reachable(from: start)
        for (index, node) in questionnaire.nodes.enumerated() where !reachable[index] {
            log.report(.error, "the node '\(node.id)' can never be reached from the start ('\(questionnaire.start)'): point a 'next' at it, or remove it", offset: node.offset, path: nodesPath.appending(index))
        }
        // Options drawn from an earlier answer need that question on every
        // route here; on a route without it the question would be passed over.
        let dominators = graph.dominators()
        for (index, node) in questionnaire.nodes.enumerated() where reachable[index] {
            guard case .answerOf(let sourceID)? = node.spec.choiceSource, let source = questionnaire.index(of: sourceID) else { continue }
            if source == index || dominators?.dominates(source, index) != true {
                let never = source == index || !graph.reachable(from: source)[index]
                let reason = never ? "which is never asked before '\(node.id)'" : "which some routes to '\(node.id)' do not ask: the options must come from a question asked on every route here"
                log.report(.error, "'optionsFrom' names '\(sourceID)', \(reason)", offset: node.offset, path: nodesPath.appending(index).appending("optionsFrom"))
            }
        }
    }
}
