import InterviewEngine
import LineEditing
import QuestionnaireModel
import Scoring

/// What Tab offers: commands after ':', option labels and codes for choices,
/// medicine names for the medicines question.
enum Completions {
    /// What Tab offers at `node`: its answers' names (options, a scale's
    /// words, yes and no), medicine names, commands, and after `:edit` the
    /// questions answered so far.
    static func provider(for node: Node, interview: Interview, lexicon: MedicationLexicon) -> @Sendable (String) -> Completion {
        let listItems = node.kind == .multi || node.kind == .medications
        // Worked out on Tab, not for every question: this is the answer step.
        // Korean names (와파린, 허리) are offered for Hangul typed, English
        // ones otherwise; the Korean words are read then (`reading(_:)`).
        return { before in
            let words: [[String]]
            let korean: [[String]]
            if node.kind == .medications {
                let names = lexicon.reading(before).names
                words = names.filter { !Hangul.contains($0) }.map { [$0] }
                korean = names.filter { Hangul.contains($0) }.map { [$0] }
            } else {
                words = node.answerNames(options: interview.currentOptions)
                let reading = interview.questionnaire.reading(before)
                let readNode = reading.node(node.id) ?? node
                korean = koreanNames(readNode, options: reading.options(for: readNode, answers: interview.answers))
            }
            return complete(before, words: words, korean: korean, listItems: listItems, edits: editTargets(interview))
        }
    }

    /// At a yes/no check.
    static let replies: @Sendable (String) -> Completion = { before in
        complete(before, words: [["yes"], ["no"]], korean: [["네"], ["아니요"]], listItems: false, edits: [])
    }

    /// The Korean names of each answer, in the order shown: an option's
    /// Korean label and aliases, a scale point's Korean words, 네 and 아니요.
    static func koreanNames(_ node: Node, options: [Option]) -> [[String]] {
        switch node.spec {
        case .single, .multi:
            options.map { ([$0.label] + $0.localAliases).filter { Hangul.contains($0) } }
        case .scale:
            node.pointAliases.map { $0.filter { Hangul.contains($0) } }
        case .yesno:
            [["네"], ["아니요"]]
        case .number, .duration, .text, .date, .time, .dateTime, .medications, .info:
            []
        }
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
    static func complete(_ before: String, words: [[String]], korean: [[String]] = [], listItems: Bool, edits: [[String]]) -> Completion {
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
        return complete(before, words: words, korean: korean, listItems: listItems)
    }

    /// Candidates for the answer (or, in a list, the item) being typed at
    /// the end of `before`.
    private static func complete(_ before: String, words: [[String]], korean: [[String]], listItems: Bool) -> Completion {
        // In a list, only the item after the last comma is completed.
        var item = Substring(before)
        if listItems, let comma = before.lastIndex(where: { $0 == "," || $0 == ";" || $0 == "、" || $0 == "，" }) {
            item = before[before.index(after: comma)...]
        }
        item = item.drop { $0 == " " }
        let typed = TextInput.matchingForm(String(item))
        if !korean.isEmpty, Hangul.contains(typed) {
            return completeKorean(item, names: korean, listItems: listItems)
        }
        var seen: Set<String> = []
        let candidates = words.compactMap { names in
            names.first { TextInput.matchingForm($0).hasPrefix(typed) }
        }.filter { seen.insert($0.lowercased()).inserted }
        return Completion(replacing: item.count, candidates: Array(candidates.prefix(200)))
    }

    /// Candidates for Hangul typed: names that start with what was typed,
    /// counting a syllable still being composed ("허", "헐" and "허ㄹ" start
    /// 허리) and initial consonants ("ㅎㄹ" is 허리). In a list, when the
    /// whole item fits none, its last words do, the most that fit ("허리와
    /// ㅁㄹ" offers 머리, "허리 및 왼쪽 ㅁ" 왼쪽 무릎).
    private static func completeKorean(_ item: Substring, names: [[String]], listItems: Bool) -> Completion {
        func candidates(for text: Substring) -> [String] {
            let typed = TextInput.matchingForm(String(text))
            var seen: Set<String> = []
            return names.compactMap { group in
                group.first { Hangul.completes(typed, name: TextInput.matchingForm($0)) }
            }.filter { seen.insert($0).inserted }
        }
        let whole = candidates(for: item)
        if whole.isEmpty, listItems {
            for space in item.indices where item[space] == " " {
                let words = item[item.index(after: space)...]
                guard !words.isEmpty, words.first != " " else { continue }
                let found = candidates(for: words)
                if !found.isEmpty { return Completion(replacing: words.count, candidates: Array(found.prefix(200))) }
            }
        }
        return Completion(replacing: item.count, candidates: Array(whole.prefix(200)))
    }
}
