import InterviewEngine
import QuestionnaireModel
import Scoring

extension Content {
    /// The check the interview asks about a medicines answer with a name
    /// near a known one: "'warfrin' is not a name intake knows. Did you mean
    /// warfarin (a blood thinner)? yes / no, keep it as typed". Yes takes the
    /// names put right, no keeps them as typed; the transcript holds both
    /// what was typed (the `rejected` line) and what was confirmed.
    ///
    /// The same answer always gives the same check, so replay agrees.
    public var medicineCheck: AnswerCheck {
        let lexicon = lexicon
        return { node, answer in
            guard node.kind == .medications, case .medications(let entries) = answer.value else { return nil }
            var corrected = entries
            var misses: [MedicationLexicon.NearMiss] = []
            for (index, entry) in entries.enumerated() {
                for miss in lexicon.nearMisses(in: entry) {
                    misses.append(miss)
                    corrected[index] = Self.replacing(miss.typed, with: miss.name, in: corrected[index])
                }
            }
            guard !misses.isEmpty else { return nil }
            let typed = Self.list(misses.map { "'\($0.typed)'" })
            let meant = Self.list(misses.map { "\($0.name) (\(Self.article($0.classLabel)))" })
            let question = "\(typed) \(misses.count == 1 ? "is not a name" : "are not names") intake knows. Did you mean \(meant)?"
            return Interview.Check(
                reason: .nearMatch, node: node.id, typed: answer.raw, question: question, replies: "yes / no, keep it as typed",
                onYes: Answer(value: .medications(corrected), raw: corrected.joined(separator: ", ")), onNo: answer)
        }
    }

    /// `entry` with the word whose letters read `typed` (in matching form)
    /// replaced by `name`, keeping a dose glued to it ("Xeralto20mg").
    static func replacing(_ typed: String, with name: String, in entry: String) -> String {
        var done = false
        let words = entry.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard !done else { return String(word) }
            let start = word.firstIndex(where: \.isLetter) ?? word.endIndex
            let letters = word[start...].prefix(while: \.isLetter)
            guard !letters.isEmpty, TextInput.matchingForm(String(letters)) == typed else { return String(word) }
            done = true
            return String(word[..<start]) + name + String(word[letters.endIndex...])
        }
        return words.joined(separator: " ")
    }

    /// The words of the did-you-mean question in `language`: each class as
    /// the question names it ("(a blood thinner)") with its label in that
    /// language ("(혈액 희석제)"), for `ProgramWords.phrases`.
    public func programPhrases(for language: Language) -> [(String, String)] {
        guard language != .english else { return [] }
        return lexicon.classes.compactMap { medicationClass in
            let translated = lexicon.label(ofClass: medicationClass.code, in: language)
            guard translated != medicationClass.label else { return nil }
            return ("(\(Self.article(medicationClass.label)))", "(\(Self.plain(translated)))")
        }
    }

    /// "혈액 희석제(항응고제)" → "혈액 희석제": the words before the bracket.
    static func plain(_ label: String) -> String {
        label.split(separator: "(").first.map { String($0).trimmingSpaces() } ?? label
    }

    /// "blood thinner (anticoagulant)" → "a blood thinner": the plain words.
    static func article(_ label: String) -> String {
        let plain = label.split(separator: "(").first.map { String($0).trimmingSpaces() } ?? label
        guard let first = plain.lowercased().first else { return plain }
        return ("aeiou".contains(first) ? "an " : "a ") + plain
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
