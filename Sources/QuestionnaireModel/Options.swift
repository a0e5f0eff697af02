extension Questionnaire {
    /// The options on offer at `node` given the answers so far: its own, or
    /// for an `optionsFrom` node, the options chosen in that earlier question
    /// (in their original order, without exclusive ones such as "none").
    public func options(for node: Node, answers: [String: Answer]) -> [Option] {
        switch node.spec.choiceSource {
        case .fixed(let options)?:
            return options
        case .answerOf(let sourceID)?:
            guard case .fixed(let sourceOptions)? = self.node(sourceID)?.spec.choiceSource,
                  let chosen = answers[sourceID]?.value.codes
            else { return [] }
            return sourceOptions.filter { chosen.contains($0.code) && !$0.exclusive }
        case nil:
            return []
        }
    }

    /// The label of option `code` at `node`, or the code itself.
    public func label(of code: String, at node: Node) -> String {
        let options: [Option]
        switch node.spec.choiceSource {
        case .fixed(let fixed)?: options = fixed
        case .answerOf(let sourceID)?:
            if case .fixed(let fixed)? = self.node(sourceID)?.spec.choiceSource { options = fixed } else { options = [] }
        case nil: options = []
        }
        return options.first { $0.code == code }?.label ?? code
    }

    /// An answer in words, as a person would read it back: option labels,
    /// "6 months", "yes".
    public func describe(_ value: AnswerValue, at node: Node) -> String {
        let own = describeInEnglish(value, at: node)
        switch value {
        case .choice, .choices, .text: return own
        case .medications(let names) where !names.isEmpty: return own
        default:
            // Program words for what the program wrote: never a person's own text.
            guard language != .english else { return own }
            return ProgramWords.wholeAnswers[language]?[own] ?? ProgramWords(TextVariant(language: language, audience: .self))(own)
        }
    }

    private func describeInEnglish(_ value: AnswerValue, at node: Node) -> String {
        switch value {
        case .choice(let code): return label(of: code, at: node)
        case .choices(let codes): return codes.map { label(of: $0, at: node) }.joined(separator: ", ")
        case .integer(let number):
            if case .scale(let min, let max, _, _) = node.spec {
                let index = number - min
                let words = node.points.indices.contains(index) ? " (\(node.points[index]))" : ""
                return "\(number) out of \(max)\(words)"
            }
            return String(number)
        case .number(let number):
            let text = Node.show(number)
            if case .number(_, _, _, let unit?) = node.spec {
                // Korean writes a unit against its number: "24주".
                let hangul = unit.unicodeScalars.first.map { (0xAC00...0xD7A3).contains($0.value) } ?? false
                return hangul ? "\(text)\(unit)" : "\(text) \(unit)"
            }
            return text
        case .duration(let days): return Duration.describe(days: days)
        case .yesNo(let flag): return flag ? "Yes" : "No"
        case .text(let text): return text
        case .medications(let names): return names.isEmpty ? "None" : names.joined(separator: ", ")
        case .date(let day): return day.words
        case .time(let time): return time.words
        case .dateTime(let day, let time): return "\(day.words) at \(time.words)"
        }
    }
}
