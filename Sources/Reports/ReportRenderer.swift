import QuestionnaireModel
import Scoring
import TerminalText

/// Renders a `ReportData` as plain text, Markdown, a printable HTML page or
/// JSON. Pure functions: the caller decides where the result goes.
public enum ReportRenderer {
    // MARK: - Text

    /// The report as plain text wrapped to `width`: header, answers by
    /// section, skipped questions, then the assessment.
    public static func text(_ data: ReportData, width: Int = 80) -> String {
        var out: [String] = []
        func wrap(_ text: String, indent: String = "", hanging: String? = nil) {
            out.append(TextWrap.wrap(Printable.sanitized(text), width: width, indent: indent, hanging: hanging))
        }
        let title = Printable.sanitized(data.title)
        out.append(title)
        out.append(String(repeating: "=", count: max(3, min(width, title.count))))
        for item in metadata(data) {
            wrap("\(data.words(item.label)): \(item.value)", hanging: "  ")
        }
        out.append("")
        // Lines to fill in by pen on the printed page.
        for field in byHandFields(data).map(data.words.callAsFunction) {
            out.append("\(field): " + String(repeating: "_", count: max(10, min(width, 60) - field.count - 2)))
        }
        wrap("(\(data.words(byHandNote)))")
        for notice in notices(data) {
            out.append("")
            let banner = String(repeating: "*", count: max(20, min(width, 72)))
            out.append(banner)
            out.append("*** \(data.words(notice.title).uppercased()) ***")
            wrap(data.words(notice.text))
            out.append(banner)
        }
        let top = atTop(data)
        if !top.isEmpty {
            out.append("")
            out.append(data.words(atTopHeading))
            for item in top { wrap("\(item.label): \(item.value)", indent: "  ", hanging: "    ") }
        }

        out.append("")
        out.append(data.words(notesHeading))
        let notes = data.notes
        for words in notes.ownWords {
            wrap("\(data.words(ownWordsLabel(data.audience))) (\(words.label)): \u{201C}\(words.text)\u{201D}", indent: "  ", hanging: "    ")
        }
        if !notes.positions.isEmpty {
            wrap("\(data.words(positionsLabel)): \(notes.positions.map(\.label).joined(separator: "; "))", indent: "  ", hanging: "    ")
        }
        let avoided = avoidedText(data.body, words: data.words)
        if !avoided.isEmpty {
            wrap("\(data.words(avoidLabel)): \(avoided.joined(separator: "; "))", indent: "  ", hanging: "    ")
        }
        if notes.ownWords.isEmpty, notes.positions.isEmpty, avoided.isEmpty {
            wrap(data.words(nothingNoted(data.audience)), indent: "  ", hanging: "    ")
        }

        out.append("")
        out.append(data.words(answersHeading(data.audience)))
        if data.sections.allSatisfy(\.items.isEmpty) {
            wrap(data.words(noAnswers), indent: "  ")
        }
        for section in data.sections where !section.items.isEmpty {
            let indent: String
            if let title = section.title {
                wrap(title, indent: "  ")
                indent = "    "
            } else {
                indent = "  "
            }
            for item in section.items {
                wrap("\(item.label): \(item.answer)", indent: indent, hanging: indent + "  ")
            }
        }
        if !data.skipped.isEmpty {
            out.append("")
            out.append(data.words(skippedHeading(data.audience)))
            for label in data.skipped { wrap("- \(label)", indent: "  ", hanging: "    ") }
        }
        if !data.scores.isEmpty {
            out.append("")
            out.append(contentsOf: scoresLines(data.scores, width: width))
        }
        out.append("")
        if let assessment = data.assessment, let rules = data.rules {
            out.append(AssessmentText.render(assessment, rules: rules, audience: data.audience, style: .plain, width: width, showRuleIDs: false, language: data.language))
            guard let line = ruleIDsLine(assessment, words: data.words) else { return out.joined(separator: "\n") }
            wrap(line)
            return out.joined(separator: "\n") + "\n"
        }
        wrap(noRules)
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Markdown

    /// The report as Markdown (CommonMark with GitHub tables). Every piece of
    /// typed or questionnaire text is escaped, so an answer cannot add
    /// markup, break a table or inject HTML.
    public static func markdown(_ data: ReportData) -> String {
        let md = MarkdownText.inline
        var out: [String] = []
        out.append("# \(md(data.title))")
        out.append("")
        for item in metadata(data) {
            out.append("- **\(md(data.words(item.label))):** \(md(item.value))")
        }
        out.append("")
        out.append(byHandFields(data).map { "\(md(data.words($0))): \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_" }.joined(separator: " · ") + " (\(md(data.words(byHandNote))))")
        for notice in notices(data) {
            out.append("")
            out.append("> **\(md(data.words(notice.title))):** \(md(data.words(notice.text)))")
        }
        let top = atTop(data)
        if !top.isEmpty {
            out.append("")
            out.append("## \(md(data.words(atTopHeading)))")
            out.append("")
            for item in top { out.append("- **\(md(item.label)):** \(md(item.value))") }
        }

        out.append("")
        out.append("## \(md(data.words(notesHeading)))")
        out.append("")
        let notes = data.notes
        for words in notes.ownWords {
            out.append("- **\(md(data.words(ownWordsLabel(data.audience)))) (\(md(words.label))):** \u{201C}\(md(words.text))\u{201D}")
        }
        if !notes.positions.isEmpty {
            out.append("- **\(md(data.words(positionsLabel))):** \(md(notes.positions.map(\.label).joined(separator: "; ")))")
        }
        let avoided = avoidedText(data.body, words: data.words)
        if !avoided.isEmpty {
            out.append("- **\(md(data.words(avoidLabel))):** \(md(avoided.joined(separator: "; ")))")
        }
        if notes.ownWords.isEmpty, notes.positions.isEmpty, avoided.isEmpty {
            out.append(md(data.words(nothingNoted(data.audience))))
        }

        out.append("")
        out.append("## \(md(data.words(answersHeading(data.audience))))")
        if data.sections.allSatisfy(\.items.isEmpty) {
            out.append("")
            out.append(md(data.words(noAnswers)))
        }
        for section in data.sections where !section.items.isEmpty {
            out.append("")
            if let title = section.title {
                out.append("### \(md(title))")
                out.append("")
            }
            out.append("| \(data.words("Question")) | \(data.words("Answer")) |")
            out.append("| --- | --- |")
            for item in section.items {
                out.append("| \(md(item.label)) | \(md(item.answer)) |")
            }
        }
        if !data.skipped.isEmpty {
            out.append("")
            out.append("### \(md(data.words(skippedHeading(data.audience))))")
            out.append("")
            for label in data.skipped { out.append("- \(md(label))") }
        }
        if !data.scores.isEmpty {
            out.append("")
            out.append("## \(data.words(scoresHeading))")
            for score in data.scores {
                out.append("")
                out.append("**\(md(score.label)): \(md(score.value))**")
                guard !score.parts.isEmpty else { continue }
                out.append("")
                out.append("| \(data.words("Question")) | \(data.words("Answer")) | \(data.words("Weight")) |")
                out.append("| --- | --- | --- |")
                for part in score.parts { out.append("| \(md(part.question)) | \(md(part.answer)) | \(md(part.weight)) |") }
            }
        }
        out.append("")
        out.append("## \(data.words("What this suggests"))")
        out.append("")
        guard let assessment = data.assessment else {
            out.append(md(data.words(noRules)))
            return out.joined(separator: "\n") + "\n"
        }
        for point in assessment.firstPoints {
            out.append("> **\(data.words("First:"))** \(md(point))")
            out.append("")
        }
        out.append("**\(md(assessment.category.title))**" + (assessment.isProvisional ? " (\(data.words("provisional:")) \(md(provisionalNote(assessment, words: data.words))))" : ""))
        out.append("")
        out.append(md(headline(assessment, data.audience)))
        let last = (data.rules?.categories.count ?? 0) - 1
        if data.rules?.rank(of: assessment.category.code) == last, !assessment.headlineNotes.isEmpty {
            out.append("")
            for note in assessment.headlineNotes { out.append("- \(md(note))") }
        }
        if !assessment.assumptions.isEmpty {
            out.append("")
            for assumed in assessment.assumptions { out.append("- \(data.words("Assumed, not answered:")) \(md(assumed.label)): \(md(assumed.value))") }
        }
        func rules(_ heading: String, _ fired: [Assessment.FiredRule]) {
            guard !fired.isEmpty else { return }
            out.append("")
            out.append("### \(md(data.words(heading)))")
            out.append("")
            for rule in fired {
                out.append("- **\(md(rule.title))**")
                for reason in rule.reasons {
                    out.append("  - \(data.words("because "))\(md(reason.label)): \(md(reason.value))")
                }
                if rule.cautiousBecauseUnknown {
                    out.append("  - \(md(cautiousNote))")
                }
            }
        }
        rules("Why", assessment.precautions)
        rules("Also worth knowing", worthKnowing(assessment))
        rules("In favour of massage", inFavour(assessment))
        for section in pointSections(assessment, data.audience) {
            out.append("")
            out.append("### \(md(data.words(section.heading)))")
            out.append("")
            for (index, point) in section.points.enumerated() {
                out.append("\(index + 1). \(md(point))")
            }
        }
        if !assessment.medicines.unrecognised.isEmpty {
            out.append("")
            out.append("### \(data.words("Medicines not recognised"))")
            out.append("")
            out.append(md(data.words(unrecognisedNote(data.audience))))
            out.append("")
            for name in unrecognisedNames(assessment, words: data.words) { out.append("- \(md(name))") }
        }
        if !assessment.unchecked.isEmpty {
            out.append("")
            out.append("### \(data.words("Not checked, because answers were missing"))")
            out.append("")
            for rule in assessment.unchecked {
                out.append("- \(md(rule.title)): \(data.words.word("missing")) \(md(rule.missing.joined(separator: ", ")))")
            }
        }
        out.append("")
        out.append("> \(md(assessment.disclaimer))")
        if let line = ruleIDsLine(assessment, words: data.words) {
            out.append("")
            out.append(md(line))
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON

    /// The report as JSON for scripts: `title`, `questionnaire` (`id`,
    /// `version`), `started` (UTC as recorded, or null), `startedLocal` (the
    /// same moment in the reader's time zone, ISO 8601 with its offset, when
    /// known), `client` (when known), `status`,
    /// `audience`, `answers` in order (`question`, `label`, `answer`, `value`),
    /// `sections` (`title` and the indexes of its `answers`), `skipped`,
    /// `scores` (`label`, `value`, and `from`: each weighted answer's
    /// `question`, `answer` and `weight`), `assessment` (as
    /// `Assessment.json`, or null), `painAreas` (`painful`, `primary`,
    /// `avoid` with each area's `reasons`, `positions`) and `notes`
    /// (`ownWords`, `positions`, `consent`).
    public static func json(_ data: ReportData) -> JSONValue {
        var object = JSONObject()
        object.set("title", .string(data.title))
        object.set("questionnaire", .object(["id": .string(data.questionnaireID), "version": .string(data.questionnaireVersion)]))
        object.set("started", data.started.map(JSONValue.string) ?? .null)
        if let local = data.startedLocal {
            object.set("startedLocal", .object(["time": .string(local.iso8601), "zone": .string(local.zoneName)]))
        }
        if let client = data.client { object.set("client", .string(client)) }
        object.set("status", .string(data.status.rawValue))
        object.set("recordProblems", .array(data.recordProblems.map(JSONValue.string)))
        object.set("audience", .string(data.audience.rawValue))
        var answers: [JSONValue] = []
        var sections: [JSONValue] = []
        for section in data.sections {
            var indexes: [JSONValue] = []
            for item in section.items {
                indexes.append(.number(answers.count))
                answers.append(.object([
                    "question": .string(item.question), "label": .string(item.label),
                    "answer": .string(item.answer), "value": item.value,
                ]))
            }
            sections.append(.object(["title": section.title.map(JSONValue.string) ?? .null, "answers": .array(indexes)]))
        }
        object.set("answers", .array(answers))
        object.set("sections", .array(sections))
        object.set("skipped", .array(data.skipped.map(JSONValue.string)))
        object.set("scores", .array(data.scores.map(\.report)))
        object.set("assessment", data.assessment?.json ?? .null)
        object.set("painAreas", .object([
            "painful": .array(data.body.painful.map(JSONValue.string)),
            "primary": data.body.primary.map(JSONValue.string) ?? .null,
            "avoid": .array(data.body.avoided.map { area in
                .object(["region": .string(area.code), "reasons": .array(area.reasons.map { reason in
                    switch reason {
                    case .question(let why): .object(["question": .string(why)])
                    case .ownWords(let words, let unsided): .object(["ownWords": .string(words), "sideSaid": .bool(!unsided)])
                    }
                })])
            }),
            "positions": .array(data.body.positions.map(JSONValue.string)),
        ]))
        var notes = JSONObject()
        notes.set("ownWords", .array(data.notes.ownWords.map { .object(["label": .string($0.label), "text": .string($0.text)]) }))
        notes.set("positions", .array(data.notes.positions.map { .object(["code": .string($0.code), "label": .string($0.label)]) }))
        if let consent = data.notes.consent {
            notes.set("consent", .object([
                "label": .string(consent.label), "answer": consent.answer.map(JSONValue.string) ?? .null, "given": .bool(consent.given),
            ]))
        }
        object.set("notes", .object(notes))
        return .object(object)
    }

    // MARK: - Wording shared by the formats

    static let scoresHeading = "Scores"

    /// The scores as plain lines wrapped to `width`, for the text report
    /// and the end of a session: a heading, each value indented by two,
    /// then each weighted answer under it, its weight in a column of its own.
    public static func scoresLines(_ scores: [ComputedScore], width: Int) -> [String] {
        var lines = [scoresHeading]
        for score in scores {
            lines.append(TextWrap.wrap(Printable.sanitized("\(score.label): \(score.value)"), width: width, indent: "  ", hanging: "    "))
            let column = score.parts.map { ColumnWidth.of($0.weight) }.max() ?? 0
            for part in score.parts {
                let indent = "    " + String(repeating: " ", count: column - ColumnWidth.of(part.weight)) + part.weight + "  "
                let text = Printable.sanitized("\(part.question): \(part.answer)")
                lines.append(TextWrap.wrap(text, width: width, indent: indent, hanging: String(repeating: " ", count: indent.count)))
            }
        }
        return lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    static let noRules = "There are no scoring rules for this questionnaire, so no assessment was made."
    static let noAnswers = "No questions were answered."
    static let cautiousNote = "not all the answers needed were given, so the more cautious outcome is shown"

    public static func answersHeading(_ audience: Audience) -> String {
        "\(audience.answersOwner) answers"
    }

    static func skippedHeading(_ audience: Audience) -> String {
        audience == .self ? "Questions you skipped" : "Questions the client skipped"
    }

    /// The heading of the numbered points: what to do now when care is
    /// needed now (the points then say to get medical help, not what to tell
    /// a therapist), otherwise what to discuss with the therapist.
    static func discussHeading(_ audience: Audience, _ assessment: Assessment) -> String {
        if assessment.needsCareNow { return audience == .self ? "What to do now" : "What the client should do now" }
        return audience == .self ? "To discuss with your massage therapist" : "To discuss with the client's massage therapist"
    }

    static let atTopHeading = "Consent and own words"

    /// The answers the rules put at the top of a therapist's report
    /// (`atTop`: consent, the person's own words), so they are never only in
    /// the answers table; those the notes before the session already show
    /// are not repeated.
    static func atTop(_ data: ReportData) -> [(label: String, value: String)] {
        (data.assessment?.atTop ?? []).filter { !data.notes.questions.contains($0.subject.name) }.map { (label: $0.label, value: $0.value) }
    }

    /// The headline under the title, for the audience.
    public static func headline(_ assessment: Assessment, _ audience: Audience) -> String {
        audience == .self ? assessment.headlineSelf : assessment.headlineReception
    }

    /// Why the outcome is provisional, in words.
    static func provisionalNote(_ assessment: Assessment, words w: ProgramWords = ProgramWords()) -> String {
        var reasons: [String] = []
        if !assessment.assumptions.isEmpty { reasons.append("missing follow-up answers were assumed the cautious way") }
        if !assessment.medicines.possibleMatches.isEmpty { reasons.append("a medicine name was not recognised but is near a known one") }
        if !assessment.missingAnswers.isEmpty || reasons.isEmpty { reasons.append("some answers are missing, and they could change this outcome") }
        let text = reasons.map(w.word).joined(separator: "; ") + w.word(": it is settled only when every question has been answered and confirmed.")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Each unrecognised entry, quoted, with a possible match beside it.
    static func unrecognisedNames(_ assessment: Assessment, words: ProgramWords = ProgramWords()) -> [String] {
        assessment.medicines.unrecognised.map { entry in
            let near = assessment.medicines.possibleMatches.filter { $0.entry == entry }
            let hint = near.map { "\(words.word("possibly")) \($0.name), \($0.classLabel)" }.joined(separator: "; ")
            return "\"\(entry)\"" + (hint.isEmpty ? "" : " (\(hint))")
        }
    }

    /// The discussion points by who acts on them, with their headings;
    /// when care is needed now, one list of what to do now.
    public static func pointSections(_ assessment: Assessment, _ audience: Audience) -> [(heading: String, points: [String])] {
        if assessment.needsCareNow {
            let points = assessment.sections.flatMap(\.points)
            return points.isEmpty ? [] : [(discussHeading(audience, assessment), points)]
        }
        return assessment.sections.map { section in
            let heading: String = switch section.section {
            case .beforeBooking: "Before booking"
            case .therapist: discussHeading(audience, assessment)
            case .widerCare: audience == .self ? "For your wider care" : "For the client's wider care"
            }
            return (heading, section.points)
        }
    }

    /// The rules in favour of massage, none when care is needed now.
    static func inFavour(_ assessment: Assessment) -> [Assessment.FiredRule] {
        assessment.needsCareNow ? [] : assessment.supporting
    }

    /// The rules that inform without changing the category (how often to
    /// come, and the like), none when care is needed now: until a doctor has
    /// seen the person, what matters is what to do now.
    static func worthKnowing(_ assessment: Assessment) -> [Assessment.FiredRule] {
        assessment.needsCareNow ? [] : assessment.information
    }

    static func unrecognisedNote(_ audience: Audience) -> String {
        "These were kept as typed; " + (audience == .self ? "tell your therapist about them." : "the therapist should ask the client about them.")
    }

    static func statusText(_ status: ReportData.Status) -> String {
        switch status {
        case .completed: "Completed"
        case .endedUrgently: "Ended early at an urgent warning"
        case .unfinished: "Not finished"
        }
    }

    /// A prominent note for sessions that did not run to the end.
    static func notices(_ data: ReportData) -> [(title: String, text: String)] {
        var notices: [(title: String, text: String)] = []
        if !data.recordProblems.isEmpty {
            notices.append(("Check this record", "The transcript this report was made from does not check out: "
                + data.recordProblems.joined(separator: "; ")
                + ". What follows may not be what was recorded; see the whole session with intake replay before relying on it."))
        }
        switch data.status {
        case .completed:
            break
        case .unfinished:
            notices.append(("Not finished", "This session was not finished: the assessment covers the answers given so far."))
        case .endedUrgently:
            let who = data.audience == .self ? "you" : "the client"
            notices.append(("Ended early", "The interview stopped at an urgent warning, so the remaining questions were not asked. Medical care comes first; the answers below are what \(who) gave before it stopped."))
        }
        return notices
    }

    /// The header lines: client, date and local time, mode, status,
    /// consent, questionnaire.
    static func metadata(_ data: ReportData, questionnaire: Bool = true) -> [(label: String, value: String)] {
        var items: [(String, String)] = []
        let w = data.words
        if let client = data.client, !client.isEmpty { items.append(("Client", client)) }
        items.append(("Date", startedText(data)))
        items.append(("Mode", w(modeText(data.audience))))
        items.append(("Status", w(statusText(data.status))))
        if let consent = data.notes.consent { items.append(("Consent", consentText(consent, words: w))) }
        if questionnaire { items.append(("Questionnaire", "\(data.questionnaireID), \(w.word("version")) \(data.questionnaireVersion)")) }
        return items.map { (label: $0.0, value: $0.1) }
    }

    /// When the session started: on the local clock when known
    /// ("26 November 2026, 20:55 CET"), else in UTC.
    static func startedText(_ data: ReportData) -> String {
        let text = data.startedLocal?.readable ?? data.started.map(dateText) ?? "Not recorded"
        return data.language == .english ? text : koreanDate(text) ?? data.words(text)
    }

    static func modeText(_ audience: Audience) -> String {
        audience == .self ? "Answered by the person themselves" : "Interview at the front desk (reception)"
    }

    static func consentText(_ consent: ClientNotes.Consent, words: ProgramWords = ProgramWords()) -> String {
        guard let answer = consent.answer else { return words("Not answered") }
        return consent.given ? answer : "\(answer): \(words.word("not given"))"
    }

    /// The lines left blank on paper, filled in by hand and never stored.
    /// A therapist needs consent before treating: where the questionnaire
    /// did not ask for it, the page has a line for it, asked in person.
    static func byHandFields(_ data: ReportData) -> [String] {
        ["Name", "Date of birth", "Signature"] + (data.notes.consent == nil ? [consentByHand] : [])
    }

    static let consentByHand = "Consent (initials)"
    static let byHandNote = "Filled in by hand; intake never stores these."

    static func byHandFooter(_ data: ReportData) -> String {
        data.notes.consent == nil
            ? "Name, date of birth, signature and consent are written by hand; intake never stores them."
            : "Name, date of birth and signature are written by hand; intake never stores them."
    }

    /// The heading over the person's own words, positions and areas to avoid.
    static let notesHeading = "Before the session"

    static func ownWordsLabel(_ audience: Audience) -> String {
        audience == .self ? "In your own words" : "In the client's own words"
    }

    static let positionsLabel = "Positions"
    static let avoidLabel = "Avoid or take care"

    /// The areas to avoid in words: "Left knee (recent surgery, fracture,
    /// injury or injection)", "Feet (written as \u{201C}feet\u{201D})".
    static func avoidedText(_ body: BodyAreas, words w: ProgramWords = ProgramWords()) -> [String] {
        body.avoided.map { area in
            let why = area.reasons.map { reason -> String in
                switch reason {
                case .question(let text): text
                case .ownWords(let words, let unsided): "\(w.word("written as")) \u{201C}\(words)\u{201D}\(unsided ? ", " + w.word("side not said") : "")"
                }
            }
            return "\(body.labels[area.code] ?? area.code) (\(why.joined(separator: "; ")))"
        }
    }

    /// When nothing at all was noted for the session.
    static func nothingNoted(_ audience: Audience) -> String {
        audience == .self
            ? "You noted no areas to avoid and no positions that are hard."
            : "The client noted no areas to avoid and no positions that are hard."
    }

    /// The ids of the rules behind the assessment, for someone reviewing
    /// it against the rules file; kept out of the text a therapist reads.
    static func ruleIDs(_ assessment: Assessment) -> [String] {
        var ids: [String] = []
        for id in assessment.fired.map(\.id) + assessment.unchecked.map(\.id) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    static func ruleIDsLine(_ assessment: Assessment, words: ProgramWords = ProgramWords()) -> String? {
        let ids = ruleIDs(assessment)
        return ids.isEmpty ? nil : words.word("Rule ids, for review:") + " " + ids.joined(separator: ", ")
    }

    /// "26 November 2026, 19:55 UTC" as "2026년 11월 26일 19:55 UTC", or
    /// nil for any other text.
    public static func koreanDate(_ readable: String) -> String? {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let parts = readable.split(separator: " ", maxSplits: 3).map(String.init)
        guard parts.count >= 3, let day = Int(parts[0]), let month = months.firstIndex(of: parts[1]) else { return nil }
        let year = parts[2].hasSuffix(",") ? String(parts[2].dropLast()) : parts[2]
        guard Int(year) != nil else { return nil }
        return "\(year)년 \(month + 1)월 \(day)일" + (parts.count == 4 ? " \(parts[3])" : "")
    }

    /// "2026-11-26T19:55:13Z" as "26 November 2026, 19:55 UTC"; anything
    /// else as given.
    static func dateText(_ iso: String) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let characters = Array(iso)
        guard characters.count >= 16, characters[4] == "-", characters[7] == "-", characters[10] == "T" || characters[10] == " ",
              characters[13] == ":",
              let year = Int(String(characters[0..<4])), let month = Int(String(characters[5..<7])),
              let day = Int(String(characters[8..<10])), (1...12).contains(month), (1...31).contains(day),
              Int(String(characters[11..<13])) != nil, Int(String(characters[14..<16])) != nil
        else { return iso }
        let time = String(characters[11..<16])
        let zone: String
        if iso.hasSuffix("Z") {
            zone = " UTC"
        } else if let sign = characters.lastIndex(where: { $0 == "+" || $0 == "-" }), sign > 16 {
            zone = " UTC" + String(characters[sign...])
        } else {
            zone = ""
        }
        return "\(day) \(months[month - 1]) \(year), \(time)\(zone)"
    }
}
