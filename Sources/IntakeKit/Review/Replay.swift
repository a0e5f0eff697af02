import InterviewEngine
import LineEditing
import QuestionnaireModel

/// `intake replay`: a session as it happened, re-checked against today's
/// questionnaire and rules; or a summary of a whole folder of sessions.
public enum Replay {
    public struct Options: Sendable {
        /// A transcript, or a folder of them; nil: the sessions folder
        /// (`SessionsFolder`), where `intake run` saves them.
        public var path: String?
        /// Fail (exit 1) on any mismatch, changed outcome, damage or tampering.
        public var check = false
        /// Show one session a question at a time: Enter goes on, `q` stops.
        public var step = false
        /// A folder's summary as JSON.
        public var json = false
        public var questionnaire: String?
        public var rules: String?
        /// A folder of the public key files of the desks whose signatures
        /// are trusted (or one such file); nil: signatures are not checked.
        public var trustedKeys: String?
        /// The language to show a session in (`--lang`); nil: the one it was held in.
        public var language: Language?

        public init(
            path: String?, check: Bool = false, step: Bool = false, json: Bool = false, questionnaire: String? = nil, rules: String? = nil,
            trustedKeys: String? = nil
        ) {
            self.path = path
            self.check = check
            self.step = step
            self.json = json
            self.questionnaire = questionnaire
            self.rules = rules
            self.trustedKeys = trustedKeys
        }
    }

    /// Replays `options.path`; `stepper` reads the Enter between questions
    /// with `--step`.
    public static func run(_ options: Options, ports: Ports, stepper: Keyboard?) throws {
        let console = Console(screen: ports.screen, plain: false, environment: ports.environment)
        let path = try SessionsFolder.resolve(options.path, environment: ports.environment)
        if options.path == nil, !ports.files.exists(path) {
            throw UserFacingError("\(path): no sessions have been saved here yet (intake run saves them here); to replay others, name the transcript or folder: \(Invocation(ports).command("replay", "PATH"))")
        }
        let trustedKeys = try options.trustedKeys.map { try TrustedKeyFolder.load($0, files: ports.files) }
        if try ports.files.entry(at: path) == .folder {
            if options.step {
                throw UserFacingError("\(path): --step shows one session a question at a time, and this is a folder; step through one of its sessions with: \(Invocation(ports).command("replay", "FILE", "--step"))")
            }
            // Each session is replayed with its own questionnaire, unless one is given.
            let fixed = options.questionnaire != nil || options.rules != nil
                ? try Content.load(questionnaire: options.questionnaire, rules: options.rules, requireRules: false, files: ports.files) : nil
            let summary = try FolderSummary.scan(
                path, contents: Content.Cache(fixed: fixed, files: ports.files), files: ports.files, clock: ports.clock,
                trustedKeys: trustedKeys.map { (options.trustedKeys ?? "", $0) }, workers: ports.workers)
            if options.json {
                console.write(summary.json.prettyPrinted())
            } else {
                summary.show(on: console, invocation: Invocation(ports))
            }
            if options.check, summary.failures > 0 { throw ExitWith(status: .problemsFound) }
            return
        }
        // A transcript is read once, so one given as a pipe (<(...)) works too.
        let bytes = try ports.files.read(path, limit: TranscriptDocument.maxBytes)
        if options.json { throw UserFacingError("\(path): --json is for a folder of transcripts; for one session use: intake report FILE --format json") }
        let content = try Content.load(forTranscript: bytes, questionnaire: options.questionnaire, rules: options.rules, files: ports.files)
            .worded(forTranscript: bytes, language: options.language, files: ports.files) { console.line($0, to: .error) }
        let result = TranscriptCheck(path: path, bytes: bytes, content: content, clock: ports.clock, trustedKeys: trustedKeys)
        if result.document.header == nil {
            throw UserFacingError("\(path): not an intake transcript (\(result.document.problems.first?.description ?? "no header"))")
        }
        if result.isForAnotherQuestionnaire {
            throw UserFacingError("\(path): this session used the questionnaire '\(result.document.header?.questionnaire.id ?? "?")', not '\(content.questionnaire.questionnaire.id)': pass it with --questionnaire")
        }
        console.words = ProgramWords(content.questionnaire.variant, phrases: content.programPhrases(for: content.questionnaire.variant.language))
        var view = ReplayView(console: console, content: content, timeZone: ports.timeZone, stepper: options.step ? stepper : nil)
        view.show(result)
        if options.check, result.fails { throw ExitWith(status: .problemsFound) }
    }
}
