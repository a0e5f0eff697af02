import InterviewEngine
import QuestionnaireModel
import TerminalText
import Scoring

/// One transcript read, verified and replayed with today's files: what
/// `intake replay` shows and what `--check` judges.
struct TranscriptCheck {
    let path: String
    let document: TranscriptDocument
    let replay: TranscriptReplay?
    /// What changed in the questionnaire, rules or medicines since.
    let changes: [String]
    /// The outcome recorded at the end, and the one the current rules give.
    let recorded: Outcome?
    let fresh: Assessment?

    /// A category and the ids of the rules that fired.
    struct Outcome: Equatable {
        var category: String
        var rules: [String]

        init(category: String, rules: [String]) {
            self.category = category
            self.rules = rules
        }

        init?(json: JSONValue?) {
            guard let json, let category = json["category"]?.stringValue else { return nil }
            // Escaped as read: everything from the file may be shown.
            self.category = Printable.visibleAnswer(category)
            self.rules = (json["rules"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue.map(Printable.visibleAnswer) }
        }

        init(_ assessment: Assessment) {
            self.init(category: assessment.category.code, rules: assessment.fired.map(\.id))
        }
    }

    /// Reads and replays the transcript in `bytes`; nil replay when it is for
    /// another questionnaire or has no header.
    init(path: String, bytes: [UInt8], content: Content) {
        self.path = path
        document = TranscriptDocument(bytes)
        guard let header = document.header, header.questionnaire.id == content.questionnaire.questionnaire.id else {
            replay = nil
            changes = []
            recorded = nil
            fresh = nil
            return
        }
        changes = SessionRunner.changes(since: header, content: content)
        let replay = TranscriptReplay(document, questionnaire: content.questionnaire.questionnaire)
        self.replay = replay
        if replay.completed {
            recorded = Outcome(json: replay.recordedAssessment)
            fresh = content.assess(replay.interview)
        } else {
            recorded = nil
            fresh = nil
        }
    }

    var isForAnotherQuestionnaire: Bool { document.header != nil && replay == nil }
    var isDamaged: Bool { document.problems.contains { $0.kind == .damaged || $0.kind == .torn } }
    var isTampered: Bool { document.problems.contains { $0.kind == .tampered } }
    var isCompleted: Bool { replay?.completed ?? false }
    var stepMismatches: [TranscriptReplay.Step] { replay?.mismatches ?? [] }

    /// Whether the recorded outcome differs from today's.
    var outcomeDiffers: Bool {
        guard let recorded, let fresh else { return false }
        return recorded != Outcome(fresh)
    }

    /// Whether `--check` fails: a replay mismatch, a different outcome,
    /// damage or tampering.
    var fails: Bool {
        isDamaged || isTampered || !stepMismatches.isEmpty || outcomeDiffers || document.header == nil
    }

    /// The category recorded, or nil for an unfinished session.
    var category: String? { recorded?.category ?? fresh.map { $0.category.code } }
}
