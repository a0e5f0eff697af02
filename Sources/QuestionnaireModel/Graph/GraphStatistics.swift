/// Counts of a questionnaire's flow, computed by dynamic programming over
/// the graph in topological order: linear in nodes plus edges, never
/// enumerating paths (a questionnaire can have more paths than atoms).
public struct GraphStatistics: Sendable {
    public var nodes: Int
    public var questions: Int
    /// Distinct links from a node to a next node.
    public var edges: Int
    /// Distinct routes from the start to an end, following every branch.
    public var paths: PathCount
    /// The fewest and most questions asked on any route.
    public var shortestInterview: Int
    public var longestInterview: Int
    /// For each node (in questionnaire order), how many distinct routes from
    /// the start reach it.
    public var pathsThrough: [PathCount]

    /// The statistics of a questionnaire that passed the loader's checks.
    public init(_ questionnaire: Questionnaire) {
        let graph = QuestionGraph(questionnaire)
        let order = graph.topologicalOrder() ?? Array(0..<graph.count)
        let isQuestion = questionnaire.nodes.map { $0.kind != .info }
        nodes = graph.count
        questions = isQuestion.filter { $0 }.count
        var edgeCount = 0
        for node in 0..<graph.count { edgeCount += graph.successors(of: node).count }
        edges = edgeCount

        // Forward: routes reaching each node.
        var reaching = [PathCount](repeating: .zero, count: graph.count)
        if let start = graph.start { reaching[start] = .one }
        for node in order {
            for next in graph.successors(of: node) { reaching[next].add(reaching[node]) }
        }
        pathsThrough = reaching

        // Backward: routes from each node to an end, and the fewest/most questions.
        var toEnd = [PathCount](repeating: .zero, count: graph.count)
        var fewest = [Int](repeating: 0, count: graph.count)
        var most = [Int](repeating: 0, count: graph.count)
        for node in order.reversed() {
            let successors = graph.successors(of: node)
            let own = isQuestion[node] ? 1 : 0
            if successors.isEmpty {
                toEnd[node] = .one
                fewest[node] = own
                most[node] = own
                continue
            }
            var low = Int.max
            var high = 0
            for next in successors {
                toEnd[node].add(toEnd[next])
                low = min(low, fewest[next])
                high = max(high, most[next])
            }
            fewest[node] = low + own
            most[node] = high + own
        }
        if let start = graph.start {
            paths = toEnd[start]
            shortestInterview = fewest[start]
            longestInterview = most[start]
        } else {
            paths = .zero
            shortestInterview = 0
            longestInterview = 0
        }
    }
}

/// A count of routes: exact while it fits 64 bits, then kept as a floating
/// mantissa and a power of ten, so adding stays constant-time however many
/// routes a long questionnaire with independent branches has.
public struct PathCount: Sendable, Equatable, CustomStringConvertible {
    private enum Storage: Sendable, Equatable {
        case exact(UInt64)
        /// mantissa × 10^exponent, mantissa in [1, 10).
        case approximate(Double, Int)
    }

    private var storage: Storage

    public static let zero = PathCount(0)
    public static let one = PathCount(1)

    public init(_ value: Int) {
        storage = .exact(UInt64(max(0, value)))
    }

    private var logarithm: (Double, Int) {
        switch storage {
        case .exact(let value):
            guard value > 0 else { return (0, 0) }
            var mantissa = Double(value)
            var exponent = 0
            while mantissa >= 10 {
                mantissa /= 10
                exponent += 1
            }
            return (mantissa, exponent)
        case .approximate(let mantissa, let exponent):
            return (mantissa, exponent)
        }
    }

    public mutating func add(_ other: PathCount) {
        if case .exact(let a) = storage, case .exact(let b) = other.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow {
                storage = .exact(sum)
                return
            }
        }
        var (m1, e1) = logarithm
        var (m2, e2) = other.logarithm
        if m2 == 0 { storage = .approximate(m1, e1); return }
        if m1 == 0 { storage = .approximate(m2, e2); return }
        if e1 < e2 { swap(&m1, &m2); swap(&e1, &e2) }
        let gap = e1 - e2
        var mantissa = m1 + (gap > 20 ? 0 : m2 / pow10(gap))
        var exponent = e1
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        storage = .approximate(mantissa, exponent)
    }

    private func pow10(_ power: Int) -> Double {
        var result = 1.0
        for _ in 0..<power { result *= 10 }
        return result
    }

    /// The count as an Int, or nil when it does not fit (or is approximate).
    public var intValue: Int? {
        if case .exact(let value) = storage, value <= UInt64(Int.max) { return Int(value) }
        return nil
    }

    /// Whether the count is exact.
    public var isExact: Bool {
        if case .exact = storage { return true }
        return false
    }

    public var description: String {
        switch storage {
        case .exact(let value):
            return String(value)
        case .approximate(let mantissa, let exponent):
            let hundredths = Int((mantissa * 100).rounded())
            let whole = hundredths / 100
            let fraction = hundredths % 100
            return "about \(whole).\(fraction < 10 ? "0" : "")\(fraction)e\(exponent)"
        }
    }
}
