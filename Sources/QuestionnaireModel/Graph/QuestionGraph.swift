/// The questionnaire's flow as a graph of node indices, for checks and
/// analysis that must stay linear in nodes plus edges (questionnaires of
/// 100,000 nodes are validated in benchmarks).
public struct QuestionGraph: Sendable {
    /// Successors of node `i` are `targets[offsets[i]..<offsets[i + 1]]`.
    public let offsets: [Int]
    public let targets: [Int]
    public let start: Int?

    public init(_ questionnaire: Questionnaire) {
        var offsets: [Int] = [0]
        var targets: [Int] = []
        offsets.reserveCapacity(questionnaire.nodes.count + 1)
        for node in questionnaire.nodes {
            for id in node.next.targets {
                if let index = questionnaire.index(of: id) { targets.append(index) }
            }
            offsets.append(targets.count)
        }
        self.offsets = offsets
        self.targets = targets
        self.start = questionnaire.index(of: questionnaire.start)
    }

    public var count: Int { offsets.count - 1 }

    public func successors(of node: Int) -> ArraySlice<Int> {
        targets[offsets[node]..<offsets[node + 1]]
    }

    /// Nodes reachable from `origin`, as a flag per node.
    public func reachable(from origin: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: count)
        var stack = [origin]
        seen[origin] = true
        while let node = stack.popLast() {
            for next in successors(of: node) where !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        return seen
    }

    /// A cycle, as the nodes along it (first node repeated at the end), or
    /// nil when the graph is acyclic. Iterative, so deep graphs cannot
    /// overflow the stack.
    public func findCycle() -> [Int]? {
        // 0 = not visited, 1 = on the current path, 2 = done.
        var state = [UInt8](repeating: 0, count: count)
        var parent = [Int](repeating: -1, count: count)
        for root in 0..<count where state[root] == 0 {
            var stack: [(node: Int, nextEdge: Int)] = [(root, offsets[root])]
            state[root] = 1
            while !stack.isEmpty {
                let (node, edge) = stack[stack.count - 1]
                if edge == offsets[node + 1] {
                    state[node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].nextEdge += 1
                let next = targets[edge]
                if state[next] == 1 {
                    var cycle = [next]
                    var walker = node
                    while walker != next && walker >= 0 {
                        cycle.append(walker)
                        walker = parent[walker]
                    }
                    cycle.append(next)
                    return Array(cycle.reversed())
                }
                if state[next] == 0 {
                    state[next] = 1
                    parent[next] = node
                    stack.append((next, offsets[next]))
                }
            }
        }
        return nil
    }

    /// Nodes in an order where every node comes before its successors, or nil
    /// when there is a cycle (Kahn's algorithm).
    public func topologicalOrder() -> [Int]? {
        var indegree = [Int](repeating: 0, count: count)
        for target in targets { indegree[target] += 1 }
        var order: [Int] = []
        order.reserveCapacity(count)
        var ready = (0..<count).filter { indegree[$0] == 0 }
        while let node = ready.popLast() {
            order.append(node)
            for next in successors(of: node) {
                indegree[next] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        return order.count == count ? order : nil
    }
}
