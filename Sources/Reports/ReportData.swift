import InterviewEngine
import QuestionnaireModel
import Scoring

/// Everything a one-page report for the therapist shows, gathered from a
/// transcript (or a finished interview) by the caller. Renderers turn it into
/// text, Markdown, HTML or JSON and do no I/O.
public struct ReportData: Sendable {
    /// The questionnaire's title, id and version.
    public var title: String
    public var questionnaireID: String
    public var questionnaireVersion: String
    /// Who the report speaks to.
    public var audience: Audience
    /// The language the report is in (its questionnaire's and rules' words,
    /// its headings and labels): the session's, unless asked otherwise.
    public var language: Language = .english
    /// The report's own headings and labels in its language and audience.
    public var words: ProgramWords { ProgramWords(TextVariant(language: language, audience: audience)) }
    /// When the session started, ISO 8601 UTC ("2026-11-26T19:55:13Z"), if known.
    public var started: String?
    /// The same moment in the reader's time zone, shown instead of
    /// `started` in every format when the caller knows the zone.
    public var startedLocal: LocalTime?
    /// The client reference entered at reception, if any.
    public var client: String?
    /// Whether the session reached the end, stopped early at an urgent
    /// warning, or was left unfinished.
    public var status: Status
    /// The answers grouped by section, in the order asked.
    public var sections: [AnswerSection]
    /// Labels of optional questions left unanswered.
    public var skipped: [String]
    /// The assessment, when there are rules for the questionnaire.
    public var assessment: Assessment?
    /// The rules the assessment came from (for category order and wording).
    public var rules: RuleSet?
    /// The pain areas for the body outline.
    public var body: BodyAreas
    /// What is wrong with the record the report was made from (a broken hash
    /// chain, a damaged line, answers that no longer replay, an outcome
    /// that differs today), shown at the top of every format: a therapist
    /// must not take an altered record at face value.
    public var recordProblems: [String] = []
    /// Values the questionnaire computes from the answers (a FHIR form's
    /// PHQ-9 total), each with the weighted answers it came from.
    public var scores: [ComputedScore] = []
    /// The person's own words, positions and consent, shown at the top.
    public var notes = ClientNotes()
    /// The paper the printed page is laid out for.
    public var paper: Paper = .a4

    public enum Status: String, Sendable {
        case completed
        case endedUrgently = "ended-urgently"
        case unfinished
    }

    public init(
        title: String, questionnaireID: String, questionnaireVersion: String, audience: Audience, started: String?,
        client: String?, status: Status, sections: [AnswerSection], skipped: [String], assessment: Assessment?,
        rules: RuleSet?, body: BodyAreas
    ) {
        self.title = title
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.audience = audience
        self.started = started
        self.client = client
        self.status = status
        self.sections = sections
        self.skipped = skipped
        self.assessment = assessment
        self.rules = rules
        self.body = body
    }
}

/// A value a questionnaire computes from the answers rather than asking for
/// it (the total of a PHQ-9), in words, with the answers whose weights went
/// into it.
public struct ComputedScore: Sendable, Equatable {
    /// One weighted answer: the question, the option chosen, its weight.
    public struct Part: Sendable, Equatable {
        public var question: String
        public var answer: String
        /// The weight as written ("2", "0.5").
        public var weight: String

        public init(question: String, answer: String, weight: String) {
            self.question = question
            self.answer = answer
            self.weight = weight
        }
    }

    /// What the value is ("Total score", or the calculated item's text).
    public var label: String
    /// The value in words ("12").
    public var value: String
    /// The value as JSON, for the JSON report.
    public var json: JSONValue
    public var parts: [Part]

    public init(label: String, value: String, json: JSONValue, parts: [Part]) {
        self.label = label
        self.value = value
        self.json = json
        self.parts = parts
    }

    /// As the JSON report writes it: `label`, `value`, and `from` (the
    /// weighted answers: `question`, `answer`, `weight`).
    public var report: JSONValue {
        .object([
            "label": .string(label), "value": json,
            "from": .array(parts.map { .object(["question": .string($0.question), "answer": .string($0.answer), "weight": .string($0.weight)]) }),
        ])
    }
}

/// The answers of one section.
public struct AnswerSection: Sendable, Equatable {
    /// The section's title, or nil for questions outside any section.
    public var title: String?
    public var items: [AnsweredItem]

    public init(title: String?, items: [AnsweredItem]) {
        self.title = title
        self.items = items
    }
}

/// One answered question, in words.
public struct AnsweredItem: Sendable, Equatable {
    public var question: String
    /// The short label ("Where it hurts").
    public var label: String
    /// The answer in words ("Neck, Lower back").
    public var answer: String
    /// The answer as JSON (codes, numbers), for the JSON report.
    public var value: JSONValue

    public init(question: String, label: String, answer: String, value: JSONValue) {
        self.question = question
        self.label = label
        self.answer = answer
        self.value = value
    }
}

/// The body areas that hurt, by the region codes of CLINICAL.md (`neck`,
/// `knee-left`, ...), for the front and back outline of the HTML report.
public struct BodyAreas: Sendable, Equatable {
    /// Codes of every area chosen as painful.
    public var painful: [String]
    /// The code of the main area, if known.
    public var primary: String?
    /// Labels of every region code, for titles and the legend.
    public var labels: [String: String]
    /// Areas to avoid or take care with, and why.
    public var avoided: [AvoidedArea] = []
    /// The questions the areas come from (where it hurts, the main area),
    /// shown on the map rather than again in the answers table.
    public var questions: [String] = []
    /// Codes of the positions the person cannot lie in
    /// (`cannot-lie-face-down`, `cannot-lie-flat`), marked on the view
    /// worked in that position.
    public var positions: [String] = []

    public init(painful: [String], primary: String?, labels: [String: String]) {
        self.painful = painful
        self.primary = primary
        self.labels = labels
    }

    /// The 25 region codes of CLINICAL.md.
    public static let regionCodes: [String] = {
        let single = ["head", "jaw", "neck", "upper-back", "lower-back", "chest", "abdomen"]
        let sided = ["shoulder", "upper-arm", "lower-arm", "hand", "hip", "upper-leg", "knee", "lower-leg", "foot"]
        return single + sided.flatMap { ["\($0)-left", "\($0)-right"] }
    }()
}

/// The paper a report is printed on: the page is laid out to fit both, and
/// its `@page` rule names the one chosen, so a browser prints it on that.
public enum Paper: String, Sendable, CaseIterable {
    case a4
    case letter

    /// The CSS page size.
    var css: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        }
    }
}
