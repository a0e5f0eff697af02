import InterviewEngine
import LineEditing
import QuestionnaireModel

/// What Tab offers: commands after ':', option labels and codes for choices,
/// medicine names for the medicines question.
enum Completions {
    /// What Tab offers at `node`: its answers' names (options, a scale's
    /// words, yes and no), medicine names, commands, and after `:edit` the
    /// questions answered so far.
    static func provider(for node: Node, interview: Interview, medicationNames: [String]) -> @Sendable (String) -> Completion {
        let words = node.kind == .medications ? medicationNames.map { [$0] } : node.answerNames(options: interview.currentOptions)
        let listItems = node.kind == .multi || node.kind == .medications
        // Worked out on Tab, not for every question: this is the answer step.
        return { before in complete(before, words: words, listItems: listItems, edits: editTargets(interview)) }
    }

    /// At a yes/no check.
    static let replies: @Sendable (String) -> Completion = { before in
        complete(before, words: [["yes"], ["no"]], listItems: false, edits: [])
    }

    /// At the review page: commands, and the questions `:edit` can change.
    static func atReview(_ interview: Interview) -> @Sendable (String) -> Completion {
        { before in complete(before, words: [], listItems: false, edits: editTargets(interview)) }
    }

    static let commands = Command.allCases.map { ":" + $0.rawValue }

    /// What may follow `:edit `: each answered question's label, by which
    /// the interview finds it too; empty when the interview has no `:edit`.
    private static func editTargets(_ interview: Interview) -> [[String]] {
        guard interview.checks.contains(.review) else { return [] }
        return interview.reviewItems.map { [AnswerSummary.label(for: $0.node), $0.node.id] }
    }

    /// Candidates for the word being typed at the end of `before`.
    static func complete(_ before: String, words: [[String]], listItems: Bool, edits: [[String]]) -> Completion {
        let trimmed = before.drop { $0 == " " }
        if trimmed.hasPrefix(":"), !trimmed.contains(" ") {
            let typed = trimmed.lowercased()
            let known = commands + (edits.isEmpty ? [] : [":edit"])
            return Completion(replacing: trimmed.count, candidates: known.filter { $0.hasPrefix(typed) })
        }
        if !edits.isEmpty, trimmed.lowercased().hasPrefix(":edit ") {
            let target = trimmed.dropFirst(6).drop { $0 == " " }
            return complete(String(target), words: edits, listItems: false, edits: [])
        }
        return complete(before, words: words, listItems: listItems)
    }

    /// Candidates for the answer (or, in a list, the item) being typed at
    /// the end of `before`.
    private static func complete(_ before: String, words: [[String]], listItems: Bool) -> Completion {
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
