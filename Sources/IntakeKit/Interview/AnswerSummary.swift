import InterviewEngine
import QuestionnaireModel
import Reports

/// The answers of an interview in words, grouped by section, as shown at the
/// end of a run.
enum AnswerSummary {
    static func label(for node: Node) -> String { node.summaryLabel }

    /// "Your answers" to the person themselves, "The client's answers" at reception.
    static func show(_ interview: Interview, audience: Audience, on console: Console) {
        let questionnaire = interview.questionnaire
        let answered = interview.answeredInOrder
        console.line()
        console.line(console.paint(ReportRenderer.answersHeading(audience), .heading))
        if answered.isEmpty {
            console.line("  No questions were answered.")
            return
        }
        var sectionOrder: [String?] = []
        var bySection: [String?: [(Node, Answer)]] = [:]
        for (node, answer) in answered {
            if bySection[node.section] == nil { sectionOrder.append(node.section) }
            bySection[node.section, default: []].append((node, answer))
        }
        for section in sectionOrder {
            if let section, let title = questionnaire.section(section)?.title {
                console.line("  " + console.paint(title, .bold))
            }
            for (node, answer) in bySection[section] ?? [] {
                console.paragraph("\(label(for: node)): \(questionnaire.describe(answer.value, at: node))", indent: 4)
            }
        }
        let skipped = questionnaire.nodes.filter { interview.skipped.contains($0.id) }
        if !skipped.isEmpty {
            console.paragraph("Skipped: " + skipped.map(label(for:)).joined(separator: "; "), indent: 2, style: .dim)
        }
    }
}
