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

    /// Writes the session's resource, or for a folder every session's, one
    /// resource a line (NDJSON, as FHIR Bulk Data files are). The answers
    /// are the transcript's, replayed: a record filed elsewhere must be the
    /// one recorded, so a transcript whose hash chain is broken, that is
    /// damaged, or that no longer replays is refused (exit 1) and `intake
    /// replay` says why; in a folder, the others are still written.
    public static func run(_ options: Options, ports: Ports) throws {
        let console = Console(screen: ports.screen, plain: true, environment: ports.environment)
        let path = options.transcript
        if try ports.files.entry(at: path) == .folder {
            try exportFolder(options, ports: ports, console: console)
            return
        }
        let bytes = try ports.files.read(path, limit: TranscriptDocument.maxBytes)
        // The files the session was made with (a kept version of the
        // default questionnaire when it was).
        let content = try Content.load(forTranscript: bytes, questionnaire: options.questionnaire, rules: options.rules, files: ports.files)
        let form = try content.questionnaire.asFHIRForm()
        let text = try resource(path: path, bytes: bytes, content: content, form: form, format: options.format, ports: ports, console: console).prettyPrinted()
        guard let output = options.output else {
            console.write(text)
            return
        }
        try ports.files.writePrivately(Array(text.utf8), to: output)
    }

    /// Every `*.jsonl` session of `folder`, oldest first (names start with
    /// the UTC time), one compact resource a line; each that cannot be
    /// exported is said on standard error, and makes the exit status 1.
    static func exportFolder(_ options: Options, ports: Ports, console: Console) throws {
        let folder = options.transcript
        var names: [String] = []
        try ports.files.forEachName(in: folder) { name in
            if name.hasSuffix(".jsonl"), !name.hasPrefix(".") { names.append(name) }
        }
        names.sort()
        let fixed = options.questionnaire != nil || options.rules != nil
            ? try Content.load(questionnaire: options.questionnaire, rules: options.rules, requireRules: false, files: ports.files) : nil
        let contents = Content.Cache(fixed: fixed, files: ports.files)
        if let output = options.output { try ports.files.writePrivately([], to: output) }
        var forms: [String: FHIRForm] = [:]
        var exported = 0
        var refused = 0
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            do {
                let bytes = try ports.files.read(path, limit: TranscriptDocument.maxBytes)
                guard let content = contents.content(forTranscript: bytes) else {
                    let id = TranscriptHeader.of(transcript: bytes).map { $0.questionnaire.id ?? "?" }
                    throw UserFacingError(id.map { "\(path): no questionnaire '\(Printable.escaped($0, limit: 200))' is found to replay it with: pass it with --questionnaire" }
                        ?? "\(path): not an intake transcript")
                }
                // Each questionnaire is written as FHIR once, not once a session.
                let key = content.identities.questionnaire.sha256
                let form = try forms[key] ?? content.questionnaire.asFHIRForm()
                forms[key] = form
                var line = try resource(path: path, bytes: bytes, content: content, form: form, format: options.format, ports: ports, console: console)
                    .serializedBytes()
                line.append(0x0A)
                if let output = options.output {
                    try ports.files.appendPrivately(line, to: output)
                } else {
                    ports.screen.send(line, to: .output)
                }
                exported += 1
            } catch let error as UserFacingError {
                console.error(error.message)
                refused += 1
            }
        }
        let written = options.output.map { " to \($0)" } ?? ""
        console.error("Exported \(exported) session\(exported == 1 ? "" : "s")\(written)\(refused > 0 ? "; \(refused) not exported (said above)" : "").")
        if refused > 0 { throw ExitWith(status: .problemsFound) }
    }

    /// The resource for the transcript at `path`: its answers replayed with
    /// `content`, refused (a `UserFacingError` naming the file) when the
    /// record does not check out; warnings said on standard error.
    static func resource(path: String, bytes: [UInt8], content: Content, form: FHIRForm, format: Format, ports: Ports, console: Console) throws -> JSONValue {
        let invocation = Invocation(program: ports.program, files: ports.files)
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
        // `authored` is when the answers were last changed: the last line.
        let authored = ports.clock.localTime(atMilliseconds: header.startedMilliseconds + (result.document.entries.last?.milliseconds ?? 0))
        let response = QuestionnaireResponseExport.response(form: form, interview: replay.interview, authored: authored, id: header.session)
        switch format {
        case .fhir:
            return response
        case .fhirBundle:
            guard let assessment = content.assess(replay.interview) else {
                throw UserFacingError("\(path): there are no rules for the questionnaire '\(content.questionnaire.questionnaire.id)', so there is no assessment to put in a bundle: pass --rules FILE, or export the answers alone with --format fhir")
            }
            return AssessmentBundle.bundle(response: response, assessment: assessment, authored: authored, session: header.session)
        }
    }
}
