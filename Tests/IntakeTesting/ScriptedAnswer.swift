import QuestionnaireModel

/// An answer for each kind of question, as a person would type it, within
/// the question's bounds: enough to walk every fixture form to its end. The
/// same answers in the FHIR module's tests and the in-process sessions.
public func scriptedAnswer(for node: Node, options: [Option] = []) -> String {
    switch node.spec {
    case .info: return ""
    case .single, .multi: return "1"
    case .yesno: return "yes"
    case .scale(let min, _, _, _): return String(min)
    case .number(let min, let max, _, _):
        if min <= 2, max >= 2 { return "2" }
        return String(Int(min.rounded(.up)))
    case .duration: return "2 years"
    case .medications: return "none"
    case .date(let earliest, _): return earliest?.iso ?? "2024-03-05"
    case .time: return "2:30 pm"
    case .dateTime: return "5 March 2024 at 14:30"
    case .text: return "sample answer"
    }
}
