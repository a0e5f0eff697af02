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
        for (index, node) in questionnaire.nodes.enumerated() {
            guard case .answerOf(let sourceID)? = node.spec.choiceSource, let source = questionnaire.index(of: sourceID) else { continue }
            if source == index || !graph.reachable(from: source)[index] {
                log.report(.error, "'optionsFrom' names '\(sourceID)', which is never asked before '\(node.id)'", offset: node.offset, path: nodesPath.appending(index).appending("optionsFrom"))
            }
        }
    }
}
