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
        for position in questionnaire.nodes.indices {
            // Each target once, in the order of the branches.
            let first = targets.count
            for index in questionnaire.nextIndices(ofNodeAt: position) where index >= 0 && !targets[first...].contains(index) {
                targets.append(index)
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

    /// Which nodes every route from the start passes through, answering
    /// "is `a` asked on every route to `b`?" in constant time. Built once in
    /// linear time (the graph has no loops): immediate dominators in
    /// topological order (Cooper, Harvey and Kennedy's intersection), then
    /// the dominator tree numbered by a depth-first walk.
    public func dominators() -> Dominators? {
        guard let start, let order = topologicalOrder() else { return nil }
        let reachable = reachable(from: start)
        var position = [Int](repeating: -1, count: count)
        for (rank, node) in order.enumerated() { position[node] = rank }
        var predecessors = [[Int]](repeating: [], count: count)
        for node in 0..<count where reachable[node] {
            for next in successors(of: node) { predecessors[next].append(node) }
        }
        var idom = [Int](repeating: -1, count: count)
        idom[start] = start
        func intersect(_ first: Int, _ second: Int) -> Int {
            var a = first, b = second
            while a != b {
                while position[a] > position[b] { a = idom[a] }
                while position[b] > position[a] { b = idom[b] }
            }
            return a
        }
        for node in order where reachable[node] && node != start {
            var found = -1
            for pred in predecessors[node] where idom[pred] != -1 {
                found = found == -1 ? pred : intersect(pred, found)
            }
            idom[node] = found
        }
        var children = [[Int]](repeating: [], count: count)
        for node in 0..<count where idom[node] >= 0 && node != start { children[idom[node]].append(node) }
        var enter = [Int](repeating: -1, count: count)
        var leave = [Int](repeating: -1, count: count)
        var clock = 0
        var stack: [(node: Int, child: Int)] = [(start, 0)]
        enter[start] = clock
        clock += 1
        while let (node, child) = stack.last {
            if child < children[node].count {
                stack[stack.count - 1].child += 1
                let next = children[node][child]
                enter[next] = clock
                clock += 1
                stack.append((next, 0))
            } else {
                leave[node] = clock
                clock += 1
                stack.removeLast()
            }
        }
        return Dominators(enter: enter, leave: leave)
    }
}

/// The dominator tree of a question graph, numbered for ancestor checks.
public struct Dominators: Sendable {
    let enter: [Int]
    let leave: [Int]

    /// Whether every route from the start to `node` passes through `ancestor`
    /// (a node dominates itself); false for nodes the start never reaches.
    public func dominates(_ ancestor: Int, _ node: Int) -> Bool {
        guard enter[ancestor] >= 0, enter[node] >= 0 else { return false }
        return enter[ancestor] <= enter[node] && leave[node] <= leave[ancestor]
    }
}
