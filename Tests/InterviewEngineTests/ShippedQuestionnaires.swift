import Foundation
import InterviewEngine
import QuestionnaireModel

/// The questionnaires shipped in `Questionnaires/`, loaded as intake loads them.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func questionnaire(_ name: String = "massage-intake") throws -> Questionnaire {
        let bytes = Array(try Data(contentsOf: root.appendingPathComponent("Questionnaires/\(name).json")))
        return try QuestionnaireLoader.load(bytes, file: "\(name).json").questionnaire
    }

    /// Feeds `inputs` to `interview`, passing information steps as a session does.
    static func answer(_ interview: inout Interview, _ inputs: [String]) {
        for input in inputs {
            while interview.currentNode?.kind == .info { interview.continuePastInfo() }
            _ = interview.handle(input)
        }
        while interview.currentNode?.kind == .info { interview.continuePastInfo() }
    }

    /// A header of `format` naming `checks`, for interviews that replay a session.
    static func header(format: Int = TranscriptHeader.currentFormat, checks: Interview.Checks = []) -> TranscriptHeader {
        TranscriptHeader(
            format: format, tool: "intake test", session: "0123456789abcdef", startedMilliseconds: 1_795_000_000_000, mode: .self, client: nil,
            questionnaire: FileIdentity(id: "flow", version: "1", sha256: String(repeating: "a", count: 64)), rules: nil, medications: nil, checks: checks)
    }
}
