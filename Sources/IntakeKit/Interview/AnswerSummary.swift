import InterviewEngine
import QuestionnaireModel
import Reports

/// The answers of an interview in words, grouped by section, as shown at the
/// end of a run.
enum AnswerSummary {
    static func label(for node: Node) -> String { node.summaryLabel }

    /// "Your answers" to the person themselves, "The client's answers" at
    /// reception; then the scores the questionnaire computes, if any.
    static func show(_ interview: Interview, audience: Audience, scores: [ComputedScore] = [], on console: Console) {
        showAnswers(interview, audience: audience, on: console)
        guard !scores.isEmpty else { return }
        console.line()
        show(scores, on: console)
    }

    /// The scores a questionnaire computed, each with its weighted answers.
    static func show(_ scores: [ComputedScore], on console: Console) {
        let lines = ReportRenderer.scoresLines(scores, width: console.width)
        console.line(console.paint(lines[0], .heading))
        for line in lines.dropFirst() {
            // A score's own line stands out; the weighted answers under it are detail.
            let isScore = line.hasPrefix("  ") && !line.hasPrefix("   ")
            console.line(isScore ? "  " + console.paint(String(line.dropFirst(2)), .bold) : line)
        }
    }

    private static func showAnswers(_ interview: Interview, audience: Audience, on console: Console) {
        let questionnaire = interview.questionnaire
        let answered = interview.answeredInOrder
        console.line()
        console.line(console.paint(console.words(ReportRenderer.answersHeading(audience)), .heading))
        if answered.isEmpty {
            console.line(console.words("  No questions were answered."))
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
                // A FHIR group's text can be a long sentence: it wraps.
                console.paragraph(title, indent: 2, style: .bold)
            }
            for (node, answer) in bySection[section] ?? [] {
                console.paragraph("\(label(for: node)): \(questionnaire.describe(answer.value, at: node))", indent: 4)
            }
        }
        let skipped = questionnaire.nodes.filter { interview.skipped.contains($0.id) }
        if !skipped.isEmpty {
            console.paragraph(console.words("Skipped: ") + skipped.map(label(for:)).joined(separator: "; "), indent: 2, style: .dim)
        }
    }
}
