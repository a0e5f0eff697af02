import InterviewEngine
import LineEditing
import QuestionnaireModel

/// What Tab offers: commands after ':', option labels and codes for choices,
/// medicine names for the medicines question.
enum Completions {
    static func provider(for node: Node, options: [Option], medicationNames: [String]) -> @Sendable (String) -> Completion {
        let words: [[String]]
        let listItems: Bool
        switch node.spec {
        case .single, .multi:
            // Each option is offered once: by its label, or by its code when
            // only the code starts with what was typed.
            words = options.map { [$0.label, $0.code] }
            listItems = node.kind == .multi
        case .medications:
            words = medicationNames.map { [$0] }
            listItems = true
        case .yesno:
            words = [["yes"], ["no"]]
            listItems = false
        default:
            words = []
            listItems = false
        }
        return { before in complete(before, words: words, listItems: listItems) }
    }

    static let commands = Command.allCases.map { ":" + $0.rawValue }

    /// Candidates for the word being typed at the end of `before`.
    static func complete(_ before: String, words: [[String]], listItems: Bool) -> Completion {
        let trimmed = before.drop { $0 == " " }
        if trimmed.hasPrefix(":"), !trimmed.contains(" ") {
            let typed = trimmed.lowercased()
            return Completion(replacing: trimmed.count, candidates: commands.filter { $0.hasPrefix(typed) })
        }
        // In a list, only the item after the last comma is completed.
        var item = Substring(before)
        if listItems, let comma = before.lastIndex(where: { $0 == "," || $0 == ";" }) {
            item = before[before.index(after: comma)...]
        }
        item = item.drop { $0 == " " }
        let typed = TextInput.matchingForm(String(item))
        var seen: Set<String> = []
        let candidates = words.compactMap { names in
            names.first { TextInput.matchingForm($0).hasPrefix(typed) }
        }.filter { seen.insert($0.lowercased()).inserted }
        return Completion(replacing: item.count, candidates: Array(candidates.prefix(200)))
    }
}
