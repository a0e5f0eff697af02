import InterviewEngine
import QuestionnaireModel
import Scoring

/// Where a session stands, as a QuestionnaireResponse's `status` says it.
public enum ResponseStatus: String, Sendable {
    case completed
    /// Stopped before the end (`:quit`, the end of piped input): it can be resumed.
    case inProgress = "in-progress"
    /// Ended at an urgent stop: the rest was not asked on purpose.
    case stopped
}

/// Builds FHIR R4 resources from a session's answers.
public enum QuestionnaireResponseExport {
    /// The status of an interview: completed, stopped at an urgent stop, or in progress.
    public static func status(of interview: Interview) -> ResponseStatus {
        guard interview.isFinished else { return .inProgress }
        return interview.endedUrgently ? .stopped : .completed
    }

    /// The QuestionnaireResponse of an interview of `form`.
    public static func response(form: FHIRForm, interview: Interview, authored: LocalTimestamp, id: String? = nil) -> JSONValue {
        response(form: form, answers: interview.answers, status: status(of: interview), authored: authored, id: id)
    }

    /// A QuestionnaireResponse (R4) for `answers` to `form`: the form's
    /// canonical URL, the status, `authored` in local time with its offset,
    /// and an item tree mirroring the form's groups with typed answers. Items
    /// that are not enabled have no answers and so do not appear; computed
    /// items carry their computed values.
    public static func response(form: FHIRForm, answers: [String: Answer], status: ResponseStatus, authored: LocalTimestamp, id: String? = nil) -> JSONValue {
        let calculation = form.questionnaire(today: authored.localDate).computedValues as? FormCalculation
        let computed = calculation?.computedAnswers(answers: answers) ?? [:]
        let lookup = { (subject: Subject) -> Lookup in
            switch subject {
            case .question(let id): return answers[id].map { .value($0.value) } ?? .absent
            case .value(let name): return calculation?.lookup(name, answers: answers) ?? .absent
            }
        }
        var byLinkId: [String: [JSONValue]] = [:]
        for item in form.allItems where item.isQuestion {
            if let node = item.nodeID, let answer = answers[node] {
                byLinkId[item.linkId] = AnswerConversion.fhirAnswers(answer.value, item: item, offsetMinutes: authored.offsetMinutes)
            } else if item.nodeID == nil, let found = computed[item.linkId], !found.answers.isEmpty,
                      form.conditionsHold(for: item, lookup) {
                byLinkId[item.linkId] = found.answers
            }
        }
        var object = JSONObject()
        object.set("resourceType", .string("QuestionnaireResponse"))
        if let id { object.set("id", .string(id)) }
        if let canonical = form.canonical { object.set("questionnaire", .string(canonical)) }
        object.set("status", .string(status.rawValue))
        object.set("authored", .string(authored.fhirDateTime))
        let items = ResponseTree.items(form.items, answers: byLinkId)
        if !items.isEmpty { object.set("item", .array(items)) }
        return .object(object)
    }

    /// The computed values of a session (the PHQ-9 total, say), each with
    /// the answers and weights it came from, for showing at the end.
    public static func computedValues(form: FHIRForm, answers: [String: Answer], today: CalendarDate?) -> [ComputedValue] {
        guard let calculation = form.questionnaire(today: today).computedValues as? FormCalculation else { return [] }
        var result: [ComputedValue] = []
        let computed = calculation.computedAnswers(answers: answers)
        let weighted = weightedAnswers(form: form, answers: answers)
        for item in form.allItems where item.isQuestion && item.calculatedExpression != nil {
            guard let found = computed[item.linkId], let value = found.value else { continue }
            result.append(ComputedValue(linkId: item.linkId, label: item.text ?? item.linkId, value: value, expression: item.calculatedExpression, weights: weighted))
        }
        // A form whose options carry weights but that computes no total (the
        // Stanford PHQ-9 and GAD-7) gets the sum SDC forms compute with
        // `answers().value.ordinal().sum()`.
        if result.isEmpty, weighted.count >= 2 {
            let total = weighted.reduce(0) { $0 + $1.weight }
            result.append(ComputedValue(linkId: nil, label: "Total score", value: .number(total), expression: nil, weights: weighted))
        }
        return result
    }

    /// Each answered option that carries a weight (`ordinalValue`, `itemWeight`).
    static func weightedAnswers(form: FHIRForm, answers: [String: Answer]) -> [ComputedValue.Weight] {
        var result: [ComputedValue.Weight] = []
        for item in form.allItems {
            guard let node = item.nodeID, let answer = answers[node] else { continue }
            for code in answer.value.codes {
                guard let option = item.options.first(where: { $0.code == code }), let weight = option.weight else { continue }
                result.append(ComputedValue.Weight(linkId: item.linkId, question: item.text ?? item.linkId, answer: option.label, weight: weight))
            }
        }
        return result
    }
}

/// A value a form computes from the answers, with what it came from.
public struct ComputedValue: Sendable, Equatable {
    /// One answer's weight that went into it.
    public struct Weight: Sendable, Equatable {
        public var linkId: String
        public var question: String
        public var answer: String
        public var weight: Double
    }

    /// The calculated item, or nil for a total intake adds itself.
    public var linkId: String?
    public var label: String
    public var value: AnswerValue
    /// The FHIRPath it was computed with, if the form gave one.
    public var expression: String?
    /// The weighted answers of the form.
    public var weights: [Weight]
}

extension FHIRForm {
    /// Whether the conditions on an item (its own and its groups') hold.
    func conditionsHold(for item: FHIRItem, _ lookup: (Subject) -> Lookup) -> Bool {
        guard let calculation else { return true }
        let chain = (calculation.ancestors[item.linkId] ?? []) + [item.linkId]
        for linkId in chain {
            guard let raw = FormCalculation.rawItem(self.item(linkId)?.path ?? .root, in: resource)?.objectValue else { continue }
            var log = DiagnosticLog(file: "", source: SourceText([]))
            let asked = Set(questionnaire.nodes.map(\.id))
            for condition in EnableWhenReader(items: rawItems).conditions(of: raw, linkId: linkId, at: .root, log: &log) {
                if FlowBuilder.readingComputed(condition, asked: asked).evaluate(lookup) != .yes { return false }
            }
        }
        return true
    }

    var rawItems: [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for item in allItems {
            if let raw = FormCalculation.rawItem(item.path, in: resource) { result[item.linkId] = raw }
        }
        return result
    }
}
