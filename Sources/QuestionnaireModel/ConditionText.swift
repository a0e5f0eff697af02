extension Condition {
    /// The condition in short words, for drawings of the flow:
    /// "red_flags has any of saddle-numbness, leg-weakness-worsening".
    public var summary: String {
        switch self {
        case .all(let conditions):
            return conditions.isEmpty ? "always" : conditions.map { $0.grouped }.joined(separator: " and ")
        case .any(let conditions):
            return conditions.isEmpty ? "never" : conditions.map { $0.grouped }.joined(separator: " or ")
        case .not(let inner):
            return "not " + inner.grouped
        case .test(let subject, let predicate):
            return "\(subject.name) \(predicate.summary)"
        }
    }

    private var grouped: String {
        switch self {
        case .all(let conditions) where conditions.count > 1: "(\(summary))"
        case .any(let conditions) where conditions.count > 1: "(\(summary))"
        default: summary
        }
    }
}

extension Predicate {
    var summary: String {
        func list(_ items: [String]) -> String { items.joined(separator: ", ") }
        switch self {
        case .equals(let literal): return "= \(literal)"
        case .isIn(let literals): return "in \(list(literals.map(\.description)))"
        case .includesAny(let codes): return codes.count == 1 ? "has \(codes[0])" : "has any of \(list(codes))"
        case .includesAll(let codes): return "has all of \(list(codes))"
        case .compare(let comparison, let bound): return "\(comparison.symbol) \(Literal.number(bound))"
        case .count(let comparison, let bound): return "count \(comparison.symbol) \(bound)"
        case .answered(let flag): return flag ? "answered" : "not answered"
        }
    }
}

extension Comparison {
    /// "<", "≤", ">", "≥" or "=".
    public var symbol: String {
        switch self {
        case .lt: "<"
        case .lte: "≤"
        case .gt: ">"
        case .gte: "≥"
        case .equals: "="
        }
    }
}
