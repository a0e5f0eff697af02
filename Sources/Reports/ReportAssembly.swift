import InterviewEngine
import QuestionnaireModel
import Scoring

extension ReportData {
    /// What a report shows of an interview (finished or not) and the
    /// assessment of its answers, if there are rules.
    public init(
        interview: Interview, assessment: Assessment?, rules: RuleSet?, audience: Audience, started: String?, client: String?, completed: Bool
    ) {
        let questionnaire = interview.questionnaire
        var order: [String?] = []
        var items: [String?: [AnsweredItem]] = [:]
        for (node, answer) in interview.answeredInOrder {
            if items[node.section] == nil { order.append(node.section) }
            items[node.section, default: []].append(AnsweredItem(
                question: node.id, label: node.summaryLabel,
                answer: questionnaire.describe(answer.value, at: node), value: answer.value.json))
        }
        let sections = order.map { section in
            AnswerSection(title: section.flatMap { questionnaire.section($0)?.title }, items: items[section] ?? [])
        }
        let skipped = questionnaire.nodes.filter { interview.skipped.contains($0.id) }.map(\.summaryLabel)
        let status: ReportData.Status = completed ? (interview.endedUrgently ? .endedUrgently : .completed) : .unfinished
        self.init(
            title: questionnaire.title, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
            audience: audience, started: started, client: client, status: status, sections: sections, skipped: skipped,
            assessment: assessment, rules: rules, body: BodyAreas(interview))
        notes = ClientNotes(answers: interview.answers, questionnaire: questionnaire)
    }
}

extension BodyAreas {

    /// The areas of an interview's answers: see `init(answers:questionnaire:)`.
    public init(_ interview: Interview) {
        self.init(answers: interview.answers, questionnaire: interview.questionnaire)
    }

    /// The pain areas: the answer to the first multiple-choice question whose
    /// options are body regions, and the main one (a question choosing among
    /// those answers, or the only area chosen). The areas to avoid: the other
    /// region questions' answers, and body parts named in free-text answers.
    /// The positions: the answer to `positioning_limits`.
    public init(answers: [String: Answer], questionnaire: Questionnaire) {
        let regionCodes = Set(BodyAreas.regionCodes)
        var labels: [String: String] = [:]
        for code in BodyAreas.regionCodes { labels[code] = code }
        let regionQuestions = questionnaire.nodes.filter { node in
            guard node.kind == .multi, case .fixed(let options)? = node.spec.choiceSource else { return false }
            return options.filter { regionCodes.contains($0.code) }.count * 2 >= options.count
        }
        // The areas that hurt are the ones a "main area" question chooses
        // among; other region questions (where surgery was, say) are not pain.
        let chosenAmong = Set(questionnaire.nodes.compactMap { node -> String? in
            if case .answerOf(let source)? = node.spec.choiceSource, node.kind == .single { return source }
            return nil
        })
        let positions = questionnaire.node(ClientNotes.positionQuestion).map { answers[$0.id]?.value.codes.filter { $0 != "none" } ?? [] } ?? []
        guard let areaQuestion = regionQuestions.first(where: { chosenAmong.contains($0.id) }) ?? regionQuestions.first,
              case .fixed(let options)? = areaQuestion.spec.choiceSource
        else {
            self.init(painful: [], primary: nil, labels: labels)
            self.positions = positions
            return
        }
        for option in options where regionCodes.contains(option.code) { labels[option.code] = option.label }
        let painful = (answers[areaQuestion.id]?.value.codes ?? []).filter(regionCodes.contains)
        let mainQuestion = questionnaire.nodes.first { node in
            if case .answerOf(let source)? = node.spec.choiceSource { return source == areaQuestion.id && node.kind == .single }
            return false
        }
        var primary = mainQuestion.flatMap { answers[$0.id]?.value.codes.first }
        if primary == nil, painful.count == 1 { primary = painful[0] }
        self.init(painful: painful, primary: primary, labels: labels)
        questions = [areaQuestion.id] + (mainQuestion.map { [$0.id] } ?? [])
        let painQuestions = Set(regionQuestions.filter { chosenAmong.contains($0.id) }.map(\.id) + [areaQuestion.id])
        // The vocabulary for free text is the pain question's, listed first.
        avoided = Self.avoided(
            answers: answers, questionnaire: questionnaire, regionQuestions: [areaQuestion] + regionQuestions.filter { $0.id != areaQuestion.id },
            painQuestions: painQuestions)
        self.positions = positions
    }
}
