/// A structured condition over answers, as written in a branch's `when` or a
/// rule's `when`. Never a string to evaluate: conditions are checked against
/// the questionnaire when the file is loaded.
public indirect enum Condition: Sendable, Equatable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case test(Subject, Predicate)
}

/// What a test reads: a question's answer, or a value derived from answers
/// (derived values exist in rule files only).
public enum Subject: Sendable, Hashable, CustomStringConvertible {
    case question(String)
    case value(String)

    public var name: String {
        switch self {
        case .question(let id), .value(let id): id
        }
    }

    public var description: String { name }
}

/// The test applied to a subject.
public enum Predicate: Sendable, Equatable {
    /// The answer is this code, number or yes/no.
    case equals(Literal)
    /// The answer is one of these.
    case isIn([Literal])
    /// A multi answer holds at least one of these codes (`includes`, `includesAny`).
    case includesAny([String])
    /// A multi answer holds all of these codes.
    case includesAll([String])
    /// A number, scale or duration (in days) compared with a bound.
    case compare(Comparison, Double)
    /// The number of codes in a multi answer compared with a bound.
    case count(Comparison, Int)
    /// Whether the question has an answer (true) or not (false).
    case answered(Bool)
}

/// A constant in a condition.
public enum Literal: Sendable, Hashable, CustomStringConvertible {
    case code(String)
    case number(Double)
    case bool(Bool)

    public var description: String {
        switch self {
        case .code(let code): code
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let value): value ? "yes" : "no"
        }
    }
}

/// A numeric comparison.
public enum Comparison: String, Sendable, CaseIterable {
    case lt, lte, gt, gte, equals

    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .lt: lhs < rhs
        case .lte: lhs <= rhs
        case .gt: lhs > rhs
        case .gte: lhs >= rhs
        case .equals: lhs == rhs
        }
    }

    /// The comparison in words ("at least"), for explanations.
    public var words: String {
        switch self {
        case .lt: "under"
        case .lte: "at most"
        case .gt: "over"
        case .gte: "at least"
        case .equals: "exactly"
        }
    }
}

// MARK: - Evaluation

/// The result of a condition when some answers may be missing.
public enum Truth: Sendable, Equatable {
    case yes, no, unknown

    public init(_ value: Bool) { self = value ? .yes : .no }

    public var negated: Truth {
        switch self {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }
}

/// What a condition sees when it reads a subject.
public enum Lookup: Sendable, Equatable {
    /// The subject has this answer.
    case value(AnswerValue)
    /// The subject has no answer and will not get one (skipped, or not asked
    /// on this path).
    case absent
    /// The answer is not known (not yet asked, or missing from a partial
    /// answer file).
    case unknown
}

extension Condition {
    /// Evaluates the condition with three-valued logic: `unknown` answers give
    /// `unknown` unless other parts decide the result.
    public func evaluate(_ lookup: (Subject) -> Lookup) -> Truth {
        switch self {
        case .all(let conditions):
            var result = Truth.yes
            for condition in conditions {
                switch condition.evaluate(lookup) {
                case .no: return .no
                case .unknown: result = .unknown
                case .yes: break
                }
            }
            return result
        case .any(let conditions):
            var result = Truth.no
            for condition in conditions {
                switch condition.evaluate(lookup) {
                case .yes: return .yes
                case .unknown: result = .unknown
                case .no: break
                }
            }
            return result
        case .not(let condition):
            return condition.evaluate(lookup).negated
        case .test(let subject, let predicate):
            return predicate.evaluate(lookup(subject))
        }
    }

    /// Every subject the condition reads, in order of first mention.
    public var subjects: [Subject] {
        var result: [Subject] = []
        collectSubjects(into: &result)
        return result
    }

    private func collectSubjects(into result: inout [Subject]) {
        switch self {
        case .all(let conditions), .any(let conditions):
            for condition in conditions { condition.collectSubjects(into: &result) }
        case .not(let condition):
            condition.collectSubjects(into: &result)
        case .test(let subject, _):
            if !result.contains(subject) { result.append(subject) }
        }
    }

    /// The option codes the condition tests `subject` for, or nil when it
    /// tests the subject in some other way (a number, whether it was answered).
    public func codesTested(for subject: Subject) -> Set<String>? {
        var codes: Set<String> = []
        var other = false
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let conditions), .any(let conditions): conditions.forEach(visit)
            case .not(let inner): visit(inner)
            case .test(let tested, let predicate):
                guard tested == subject else { return }
                switch predicate {
                case .includesAny(let list), .includesAll(let list): codes.formUnion(list)
                case .equals(.code(let code)): codes.insert(code)
                case .isIn(let literals):
                    for case .code(let code) in literals { codes.insert(code) }
                default: other = true
                }
            }
        }
        visit(self)
        return other || codes.isEmpty ? nil : codes
    }

    /// The codes tested on `subject` by the tests that made the condition
    /// hold (under `any`, only the branches that held), for explanations:
    /// a because-line names only what fired the rule. Nil as `codesTested`.
    public func codesThatHeld(for subject: Subject, _ lookup: (Subject) -> Lookup) -> Set<String>? {
        var codes: Set<String> = []
        var other = false
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let conditions): conditions.forEach(visit)
            case .any(let conditions): conditions.filter { $0.evaluate(lookup) == .yes }.forEach(visit)
            case .not(let inner): if let tested = inner.codesTested(for: subject) { codes.formUnion(tested) } else { other = true }
            case .test(let tested, _):
                guard tested == subject else { return }
                if let found = condition.codesTested(for: subject) { codes.formUnion(found) } else { other = true }
            }
        }
        guard evaluate(lookup) == .yes else { return nil }
        visit(self)
        return other || codes.isEmpty ? nil : codes
    }

    /// The subjects whose answers made the condition hold, for explanations:
    /// the tests that held under `any`, every test under `all`, and everything
    /// read under `not`. Empty when the condition does not hold.
    public func reasons(_ lookup: (Subject) -> Lookup) -> [Subject] {
        guard evaluate(lookup) == .yes else { return [] }
        var result: [Subject] = []
        collectReasons(lookup, into: &result)
        return result
    }

    private func collectReasons(_ lookup: (Subject) -> Lookup, into result: inout [Subject]) {
        switch self {
        case .all(let conditions):
            for condition in conditions { condition.collectReasons(lookup, into: &result) }
        case .any(let conditions):
            for condition in conditions where condition.evaluate(lookup) == .yes {
                condition.collectReasons(lookup, into: &result)
            }
        case .not(let condition):
            for subject in condition.subjects where !result.contains(subject) { result.append(subject) }
        case .test(let subject, _):
            if !result.contains(subject) { result.append(subject) }
        }
    }
}

extension Predicate {
    /// The predicate applied to what a lookup found.
    public func evaluate(_ found: Lookup) -> Truth {
        switch found {
        case .unknown:
            return .unknown
        case .absent:
            if case .answered(let expected) = self { return Truth(!expected) }
            return .no
        case .value(let value):
            return Truth(holds(for: value))
        }
    }

    func holds(for value: AnswerValue) -> Bool {
        switch self {
        case .answered(let expected):
            return expected
        case .equals(let literal):
            return literal.matches(value)
        case .isIn(let literals):
            return literals.contains { $0.matches(value) }
        case .includesAny(let codes):
            return codes.contains { value.codes.contains($0) }
        case .includesAll(let codes):
            return codes.allSatisfy { value.codes.contains($0) }
        case .compare(let comparison, let bound):
            guard let number = value.numeric else { return false }
            return comparison.holds(number, bound)
        case .count(let comparison, let bound):
            return comparison.holds(Double(value.codes.count), Double(bound))
        }
    }
}

extension Literal {
    func matches(_ value: AnswerValue) -> Bool {
        switch (self, value) {
        case (.code(let code), .choice(let chosen)): code == chosen
        case (.code(let code), .text(let text)): code == text
        case (.bool(let expected), .yesNo(let actual)): expected == actual
        case (.number(let expected), _): value.numeric == expected
        default: false
        }
    }
}
