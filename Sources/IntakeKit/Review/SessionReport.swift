import InterviewEngine
import QuestionnaireModel
import Reports
import TerminalText

/// `intake report`: a one-page summary of a session for the therapist,
/// made from its transcript with today's rules.
public enum SessionReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, json
    }

    public struct Options: Sendable {
        public var transcript: String
        public var format: Format = .text
        /// A file to write (readable by its owner only) instead of printing.
        public var output: String?
        public var questionnaire: String?
        public var rules: String?

        public init(transcript: String, format: Format = .text, output: String? = nil, questionnaire: String? = nil, rules: String? = nil) {
            self.transcript = transcript
            self.format = format
            self.output = output
            self.questionnaire = questionnaire
            self.rules = rules
        }
    }

    /// Makes the report. What is wrong with the record (damage, tampering,
    /// a replay or outcome that differs today) is said on standard error
    /// and at the top of the report itself.
    public static func run(_ options: Options, ports: Ports) throws {
        let console = Console(screen: ports.screen, plain: false, environment: ports.environment)
        let path = options.transcript
        let bytes = try ports.files.read(path, limit: TranscriptDocument.maxBytes)
        let content = try Content.load(forTranscript: bytes, questionnaire: options.questionnaire, rules: options.rules, files: ports.files)
            .worded(forTranscript: bytes)
        let result = TranscriptCheck(path: path, bytes: bytes, content: content, clock: ports.clock)
        guard let header = result.document.header else {
            throw UserFacingError("\(path): not an intake transcript (\(result.document.problems.first?.description ?? "no header"))")
        }
        guard let replay = result.replay else {
            throw UserFacingError("\(path): this session used the questionnaire '\(header.questionnaire.id ?? "?")', not '\(content.questionnaire.questionnaire.id)': pass it with --questionnaire")
        }
        var problems = result.document.problems.filter { $0.kind != .torn }.map { Printable.escaped($0.description) }
        for problem in result.document.problems {
            console.error(Printable.escaped("\(path): warning: \(problem)"))
        }
        if let line = replay.divergedAt {
            console.error("\(path): warning: line \(line) no longer replays as recorded; the report shows the answers up to there")
            problems.append("line \(line) no longer replays as recorded, so the answers stop there")
        }
        if result.outcomeDiffers {
            console.error("\(path): warning: today's rules give a different outcome from the one recorded; the report shows today's")
            problems.append("today's rules give a different outcome from the one recorded; this report shows today's")
        }
        var data = ReportData(
            interview: replay.interview, assessment: content.assess(replay.interview), rules: content.rules, audience: header.mode,
            started: header.started, client: header.client, completed: replay.completed)
        data.recordProblems = problems
        data.scores = content.scores(of: replay.interview)
        data.startedLocal = ports.timeZone.local(iso8601: header.started)
        let text: String = switch options.format {
        case .text: ReportRenderer.text(data, width: options.output == nil ? console.width : 80)
        case .markdown: ReportRenderer.markdown(data)
        case .html: ReportRenderer.html(data)
        case .json: ReportRenderer.json(data).prettyPrinted()
        }
        guard let output = options.output else {
            console.write(text)
            return
        }
        try ports.files.writePrivately(Array(text.utf8), to: output)
    }
}
