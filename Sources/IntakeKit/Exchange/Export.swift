import FHIR
import InterviewEngine
import QuestionnaireModel
import TerminalText

/// `intake export`: a session as FHIR R4, for the records systems clinics
/// use: a QuestionnaireResponse, or a `collection` Bundle with the
/// assessment beside it as an Observation.
public enum Export {
    public enum Format: String, Sendable, CaseIterable {
        /// A QuestionnaireResponse.
        case fhir
        /// A Bundle of the QuestionnaireResponse and the assessment's Observation.
        case fhirBundle = "fhir-bundle"
    }

    public struct Options: Sendable {
        public var transcript: String
        public var format: Format = .fhir
        /// A file to write (readable by its owner only) instead of printing.
        public var output: String?
        public var questionnaire: String?
        public var rules: String?

        public init(transcript: String, format: Format = .fhir, output: String? = nil, questionnaire: String? = nil, rules: String? = nil) {
            self.transcript = transcript
            self.format = format
            self.output = output
            self.questionnaire = questionnaire
            self.rules = rules
        }
    }

    /// Writes the session's resource. The answers are the transcript's,
    /// replayed: a record filed elsewhere must be the one recorded, so a
    /// transcript whose hash chain is broken, that is damaged, or that no
    /// longer replays is refused (exit 1) and `intake replay` says why.
    public static func run(_ options: Options, ports: Ports) throws {
        let console = Console(screen: ports.screen, plain: true, environment: ports.environment)
        let path = options.transcript
        let invocation = Invocation(program: ports.program, files: ports.files)
        let bytes = try ports.files.read(path, limit: TranscriptDocument.maxBytes)
        // The files the session was made with (a kept version of the
        // default questionnaire when it was).
        let content = try Content.load(forTranscript: bytes, questionnaire: options.questionnaire, rules: options.rules, files: ports.files)
        let result = TranscriptCheck(path: path, bytes: bytes, content: content, clock: ports.clock)
        guard let header = result.document.header else {
            throw UserFacingError("\(path): not an intake transcript (\(result.document.problems.first?.description ?? "no header"))")
        }
        guard let replay = result.replay else {
            throw UserFacingError("\(path): this session used the questionnaire '\(header.questionnaire.id ?? "?")', not '\(content.questionnaire.questionnaire.id)': pass it with --questionnaire")
        }
        let see = "see what is wrong with: \(invocation.command("replay", invocation.path(path)))"
        if let problem = result.document.problems.first(where: { $0.kind != .torn }) {
            throw UserFacingError(Printable.escaped("\(path): \(problem): the record does not check out, so it is not exported; \(see)"), status: .problemsFound)
        }
        if let line = replay.divergedAt {
            throw UserFacingError("\(path): line \(line) no longer replays as recorded, so the session is not exported; \(see)", status: .problemsFound)
        }
        if let torn = result.document.tornLine {
            console.error(Printable.escaped("\(path): warning: \(torn); the answers before it are exported"))
        }
        if result.outcomeDiffers {
            console.error("\(path): warning: today's rules give a different outcome from the one recorded; the export has today's")
        }
        let form = try content.questionnaire.asFHIRForm()
        // `authored` is when the answers were last changed: the last line.
        let authored = ports.clock.localTime(atMilliseconds: header.startedMilliseconds + (result.document.entries.last?.milliseconds ?? 0))
        let response = QuestionnaireResponseExport.response(form: form, interview: replay.interview, authored: authored, id: header.session)
        let resource: JSONValue
        switch options.format {
        case .fhir:
            resource = response
        case .fhirBundle:
            guard let assessment = content.assess(replay.interview) else {
                throw UserFacingError("\(path): there are no rules for the questionnaire '\(content.questionnaire.questionnaire.id)', so there is no assessment to put in a bundle: pass --rules FILE, or export the answers alone with --format fhir")
            }
            resource = AssessmentBundle.bundle(response: response, assessment: assessment, authored: authored, session: header.session)
        }
        let text = resource.prettyPrinted()
        guard let output = options.output else {
            console.write(text)
            return
        }
        try ports.files.writePrivately(Array(text.utf8), to: output)
    }
}
