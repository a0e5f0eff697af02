import QuestionnaireModel
import TerminalText

/// Replays a transcript: feeds the recorded inputs, as typed, through a fresh
/// interview and checks that each step does what the transcript says it did.
/// A parser or flow that changed since the session was recorded shows up as
/// a mismatch at the line where it first makes a difference.
public struct TranscriptReplay: Sendable {
    /// One recorded event and what replaying it found.
    public struct Step: Sendable {
        public var entry: TranscriptDocument.Entry
        /// Nil when the replay did what the transcript recorded.
        public var mismatch: String?
        /// False for events after the replay stopped following the
        /// transcript: once a step differs, later steps cannot be compared.
        public var replayed: Bool
    }

    /// The interview as it stands after the last event.
    public private(set) var interview: Interview
    public private(set) var steps: [Step] = []
    /// The assessment recorded at the end, if the session completed.
    public private(set) var recordedAssessment: JSONValue?
    /// Whether the transcript reached `completed`.
    public private(set) var completed = false
    /// How many times the session was paused and resumed.
    public private(set) var pauses = 0
    public private(set) var resumes = 0

    /// The steps that did not replay as recorded.
    public var mismatches: [Step] { steps.filter { $0.mismatch != nil } }
    /// The line at which the replay stopped following the transcript.
    public private(set) var divergedAt: Int?

    /// Replays every readable entry of `document` with `questionnaire`, the
    /// interview behaving as it did when the transcript was recorded (its
    /// format, and the checks its header names). `answerCheck` must be the
    /// one the session had.
    public init(_ document: TranscriptDocument, questionnaire: Questionnaire, answerCheck: AnswerCheck? = nil) {
        if let header = document.header {
            interview = Interview(questionnaire: questionnaire, recordedUnder: header, answerCheck: answerCheck)
        } else {
            interview = Interview(questionnaire: questionnaire)
        }
        for entry in document.entries {
            if divergedAt != nil {
                if case .completed(_, let assessment) = entry.event {
                    completed = true
                    recordedAssessment = assessment
                }
                steps.append(Step(entry: entry, mismatch: nil, replayed: false))
                continue
            }
            let mismatch = replay(entry.event)
            if mismatch != nil { divergedAt = entry.line }
            steps.append(Step(entry: entry, mismatch: mismatch, replayed: true))
        }
    }

    private mutating func replay(_ event: TranscriptEvent) -> String? {
        switch event {
        case .header:
            return nil
        case .asked(let node):
            guard interview.current == node else {
                return "the transcript shows \(shown(node)) here, but the questionnaire now asks \(describeCurrent)"
            }
            if interview.currentNode?.kind == .info { interview.continuePastInfo() }
            return nil
        case .answered(let node, let raw, let value):
            guard interview.current == node else {
                return "an answer to \(shown(node)) was recorded, but the questionnaire now asks \(describeCurrent)"
            }
            switch interview.handle(raw) {
            case .accepted(_, let answer):
                return answer.value.json == value ? nil : "the value recorded for \(shown(raw)) is \(shown(value.serialized())), but that text gives \(shown(answer.value.json.serialized())) today (the value was changed, or the reading of answers has)"
            case .rejected(_, _, let reason), .refused(_, _, let reason):
                return "\(shown(raw)) was accepted when recorded, but is now refused: \(reason.message)"
            case .skipped:
                return "\(shown(raw)) was recorded as an answer, but now skips the question"
            case .wentBack, .command:
                return "\(shown(raw)) was recorded as an answer, but is now a command"
            }
        case .rejected(let node, let raw, _):
            guard interview.current == node else {
                return "a refused answer to \(shown(node)) was recorded, but the questionnaire now asks \(describeCurrent)"
            }
            switch interview.handle(raw) {
            case .rejected, .refused, .command:
                return nil
            case .accepted(_, let answer):
                return "\(shown(raw)) was refused when recorded, but is now accepted as \(shown(answer.value.json.serialized()))"
            case .skipped, .wentBack:
                return "\(shown(raw)) was refused when recorded, but now moves the interview"
            }
        case .back(let from, let to):
            guard interview.current == from else {
                return "':back' from \(shown(from)) was recorded, but the questionnaire now asks \(describeCurrent)"
            }
            // One question back is :back; further back, an :edit.
            let response = interview.backTarget == to ? interview.handle(":back") : interview.edit(to)
            return response == .wentBack(from: from, to: to) ? nil : "going back from \(shown(from)) went to \(shown(to)) when recorded, but now does not"
        case .skipped(let node, let raw):
            guard interview.current == node else {
                return "a skip of \(shown(node)) was recorded, but the questionnaire now asks \(describeCurrent)"
            }
            if let raw {
                return interview.handle(raw) == .skipped(node: node) ? nil : "\(shown(raw)) skipped \(shown(node)) when recorded, but now does not"
            }
            return interview.skipIfNothingToChoose() ? nil : "\(shown(node)) had nothing to choose from when recorded, but now has options"
        case .paused:
            pauses += 1
            return nil
        case .resumed:
            resumes += 1
            return nil
        case .sealed:
            return nil
        case .completed(_, let assessment):
            completed = true
            recordedAssessment = assessment
            return interview.isFinished ? nil : "the session was recorded as complete, but the questionnaire now asks \(describeCurrent)"
        }
    }

    /// Text from the transcript, escaped and shortened: a crafted file must
    /// not be able to move the cursor of whoever replays it.
    private func shown(_ text: String) -> String {
        TextInput.quoted(Printable.escaped(text))
    }

    private var describeCurrent: String {
        interview.current.map { "'\($0)'" } ?? "nothing more (it has ended)"
    }
}
