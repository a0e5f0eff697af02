import InterviewEngine
import QuestionnaireModel
import TerminalText

/// How a question looks on screen: progress, the question, a hint, its
/// options, and what Enter does. The same text goes to a terminal and a pipe;
/// only the styling differs.
struct QuestionView {
    let console: Console

    /// Shows `node`; `client`, a reference given at reception, heads it, so
    /// every question on screen says whose session it is.
    func show(_ node: Node, in interview: Interview, client: String? = nil) {
        let progress = interview.progress
        console.line()
        console.line(console.paint(console.words((client.map { "Client \(Printable.escaped($0, limit: 64)) · " } ?? "") + progressText(progress)), .dim))
        console.paragraph(node.text, style: .bold)
        let hint = node.hint ?? console.words(defaultHint(for: node))
        if !hint.isEmpty { console.paragraph(hint, style: .dim) }
        showOptions(interview.currentOptions, for: node)
        if let keep = interview.previousAnswer {
            console.line(console.paint(console.words("Press Enter to keep your answer: \(interview.questionnaire.describe(keep.value, at: node))"), .dim))
        } else if let defaultAnswer = node.defaultAnswer {
            console.line(console.paint(console.words("Press Enter for: ") + defaultAnswer, .dim))
        } else if !node.required {
            console.line(console.paint(console.words("Optional: press Enter to skip."), .dim))
        }
    }

    func progressText(_ progress: Interview.Progress) -> String {
        let more: String
        if progress.mostMore == 0 {
            more = "the last one"
        } else if progress.fewestMore == progress.mostMore {
            more = "about \(progress.mostMore) more"
        } else {
            more = "about \(progress.fewestMore) to \(progress.mostMore) more"
        }
        return "Question \(progress.number) - \(more)"
    }

    func defaultHint(for node: Node) -> String {
        switch node.spec {
        case .single: return "Type a number or a name."
        case .multi: return "Choose all that apply: numbers or names, separated by commas."
        case .scale(let min, let max, let minLabel, let maxLabel):
            let low = minLabel.map { "\(min) = \($0)" } ?? "\(min)"
            let high = maxLabel.map { "\(max) = \($0)" } ?? "\(max)"
            return "Enter a whole number: \(low) ... \(high)."
        case .number(let min, let max, let integer, let unit):
            let range = "\(Self.number(min)) to \(Self.number(max))"
            return "Enter \(integer ? "a whole number" : "a number") from \(range)\(unit.map { " (\($0))" } ?? "")."
        case .duration: return "For example \"6 months\", \"2 years\" or \"3 weeks\"."
        case .yesno: return "Yes or no."
        case .text: return ""
        case .date(let earliest, let latest):
            let bounds = switch (earliest, latest) {
            case (let earliest?, let latest?): " from \(earliest.words) to \(latest.words)"
            case (let earliest?, nil): " on or after \(earliest.words)"
            case (nil, let latest?): " on or before \(latest.words)"
            case (nil, nil): ""
            }
            return "A date\(bounds), such as 2024-03-05, 5 March 2024, today or yesterday."
        case .time: return "A time, such as 14:30, 2:30 pm or noon."
        case .dateTime: return "A date and time, such as 2024-03-05 14:30 or today at 2:30 pm."
        case .medications: return "List them separated by commas (names are enough; doses are fine too), or type \"none\"."
        case .info: return ""
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Options numbered, in as many columns as fit the width.
    func showOptions(_ options: [Option], for node: Node) {
        guard !options.isEmpty else { return }
        if case .yesno = node.spec { return }
        let numberWidth = String(options.count).count
        let cells = options.enumerated().map { index, option in
            let number = String(index + 1)
            return String(repeating: " ", count: numberWidth - number.count) + number + "  " + option.label
        }
        let cellWidth = (cells.map { ColumnWidth.of($0) }.max() ?? 0) + 3
        let columns = options.count > 8 ? max(1, min(3, (console.width - 2) / max(1, cellWidth))) : 1
        if columns == 1 {
            // One to a line; a label wider than the screen (a FHIR form's,
            // written for other screens) wraps under itself, not under its number.
            let hanging = String(repeating: " ", count: 2 + numberWidth + 2)
            for (index, option) in options.enumerated() {
                let number = String(index + 1)
                let indent = "  " + String(repeating: " ", count: numberWidth - number.count) + number + "  "
                console.line(TextWrap.wrap(option.label, width: console.width, indent: indent, hanging: hanging))
            }
            return
        }
        let rows = (cells.count + columns - 1) / columns
        for row in 0..<rows {
            var line = "  "
            for column in 0..<columns {
                let index = column * rows + row
                guard index < cells.count else { continue }
                let cell = cells[index]
                line += column == columns - 1 || index + rows >= cells.count ? cell : cell.padding(to: cellWidth)
            }
            console.line(line.trimmingTrailingSpaces())
        }
    }
}

extension String {
    /// The text with spaces after it to fill `width` terminal columns.
    func padding(to width: Int) -> String {
        TextWrap.padded(self, to: width)
    }

    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
