import InterviewEngine
import QuestionnaireModel

/// Walks an interview the way people answer: mostly what the question asks
/// for (a number, a label, an alias, "6 months"), now and then a command, an
/// empty line or an answer that does not fit.
enum InterviewWalk {
    /// Feeds up to `steps` lines to `interview`; with `mistakes` off every
    /// line is a plausible answer, so a walk usually reaches an end.
    static func walk(_ interview: inout Interview, steps: Int, choices: inout ChoiceStream, mistakes: Bool = true) {
        for _ in 0..<steps {
            guard let node = interview.currentNode else { return }
            if node.kind == .info {
                _ = interview.handle("")
                continue
            }
            if interview.skipIfNothingToChoose() { continue }
            if mistakes, let slip = slip(&choices) {
                _ = interview.handle(slip)
                continue
            }
            _ = interview.handle(typedAnswer(for: node, options: interview.currentOptions, choices: &choices))
        }
    }

    /// A command, an empty line or something no question accepts; nil for
    /// most lines, which are answers.
    private static func slip(_ choices: inout ChoiceStream) -> String? {
        guard choices.oneIn(6) else { return nil }
        return choices.pick([":back", ":skip", "", "  ", ":review", ":b", ":quit now", "?", "-1", "none, 1"])
    }

    /// An answer to `node` as someone might type it.
    static func typedAnswer(for node: Node, options: [Option], choices: inout ChoiceStream) -> String {
        switch node.spec {
        case .single, .multi:
            guard !options.isEmpty else { return "1" }
            // "None of these" is the usual answer to a list of warning signs.
            if node.kind == .multi, let none = options.firstIndex(where: \.exclusive), choices.oneIn(2) {
                return choices.pick([String(none + 1), options[none].code, options[none].label]) ?? options[none].code
            }
            var words: [String] = []
            let count = node.kind == .multi ? 1 + choices.next(min(3, options.count)) : 1
            for _ in 0..<count {
                let index = choices.next(options.count)
                let option = options[index]
                let alias = option.aliases.isEmpty ? option.label : option.aliases[choices.next(option.aliases.count)]
                words.append(choices.pick([String(index + 1), option.code, option.label, alias.uppercased(), alias]) ?? option.code)
            }
            return words.joined(separator: choices.oneIn(4) ? " and " : ", ")
        case .scale(let min, let max, _, _):
            let value = min + choices.next(max - min + 1)
            return choices.oneIn(3) ? "\(value)/\(max)" : String(value)
        case .number(let min, let max, let integer, let unit):
            var value = choices.pick([min, max, min / 2 + max / 2]) ?? min
            if integer { value = value.rounded(.down) }
            let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            return unit.map { choices.oneIn(2) ? "\(text) \($0)" : text } ?? text
        case .duration(let minDays, let maxDays):
            let days = minDays + choices.next(max(1, min(maxDays, 100_000) - minDays + 1))
            return choices.pick(["\(days) days", "\(days / 7) weeks", "\(days / 30) months", "\(days / 365) years", "1 year 6 months"]) ?? "\(days) days"
        case .yesno:
            return choices.pick(["yes", "no", "y", "N", "nope"]) ?? "yes"
        case .text:
            return choices.pick(["my left knee", "none", "ça fait mal 😣", String(repeating: "x", count: 600)]) ?? "none"
        case .date:
            return choices.pick(["2024-03-05", "5 March 2024", "today", "yesterday", "05/03/2024", "31 February 2024"]) ?? "today"
        case .time:
            return choices.pick(["14:30", "2:30 pm", "noon", "25:00"]) ?? "noon"
        case .dateTime:
            return choices.pick(["2024-03-05 14:30", "today at 9am", "yesterday"]) ?? "today at 9am"
        case .medications:
            return choices.pick(["none", "ibuprofen", "warfarin, paracetamol", "apixaban and aspirin", "Eliquis; tramadol", "something unknown"]) ?? "none"
        case .info:
            return ""
        }
    }
}
