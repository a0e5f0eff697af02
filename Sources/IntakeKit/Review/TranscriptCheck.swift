import InterviewEngine
import QuestionnaireModel
import Scoring

/// One transcript read, verified and replayed with today's files: what
/// `intake replay` shows, what `--check` judges and what a report is made of.
public struct TranscriptCheck {
    public let path: String
    public let document: TranscriptDocument
    /// The recorded inputs fed through today's questionnaire; nil when the
    /// transcript is for another questionnaire or has no header.
    public let replay: TranscriptReplay?
    /// What changed in the questionnaire, rules or medicines since.
    public let changes: [String]
    /// The outcome recorded at the end, and the assessment today's rules give.
    public let recorded: AssessmentOutcome?
    public let fresh: Assessment?
    /// Which desks signed it, checked against `trustedKeys` when given.
    public let signatures: SessionSignatures

    /// Reads and replays the transcript in `bytes` with `content`, and
    /// checks its signatures against `trustedKeys` (nil: none given).
    public init(path: String, bytes: [UInt8], content: Content, trustedKeys: TrustedDeskKeys? = nil) {
        self.path = path
        document = TranscriptDocument(bytes)
        signatures = SessionSignatures(document, trusted: trustedKeys)
        guard let header = document.header, header.questionnaire.id == content.questionnaire.questionnaire.id else {
            replay = nil
            changes = []
            recorded = nil
            fresh = nil
            return
        }
        changes = content.changes(since: header)
        let replay = TranscriptReplay(document, questionnaire: content.questionnaire.questionnaire)
        self.replay = replay
        if replay.completed {
            recorded = AssessmentOutcome(json: replay.recordedAssessment)
            fresh = content.assess(replay.interview)
        } else {
            recorded = nil
            fresh = nil
        }
    }

    public var isForAnotherQuestionnaire: Bool { document.header != nil && replay == nil }
    public var isDamaged: Bool { document.problems.contains { $0.kind == .damaged || $0.kind == .torn } }
    public var isTampered: Bool { document.problems.contains { $0.kind == .tampered } }
    public var isCompleted: Bool { replay?.completed ?? false }
    public var stepMismatches: [TranscriptReplay.Step] { replay?.mismatches ?? [] }

    /// Whether the recorded outcome differs from today's.
    public var outcomeDiffers: Bool {
        guard let recorded, let fresh else { return false }
        return recorded != AssessmentOutcome(fresh)
    }

    /// Whether `--check` fails: a replay mismatch, a different outcome,
    /// damage or tampering; and, with trusted keys, a session they did not sign.
    public var fails: Bool {
        isDamaged || isTampered || !stepMismatches.isEmpty || outcomeDiffers || document.header == nil || signatures.fails
    }
}
