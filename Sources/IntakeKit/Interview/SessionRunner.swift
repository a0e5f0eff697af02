import InterviewEngine
import LineEditing
import QuestionnaireModel
import Reports
import Scoring
import TerminalText

/// What `intake run` was asked to do.
public struct SessionOptions: Sendable {
    /// Another questionnaire than the built-in one, and other rules.
    public var questionnaire: String?
    public var rules: String?
    /// An answer file to take every answer from, asking nothing.
    public var answers: String?
    public var mode: Audience = .self
    /// The first client's reference at reception.
    public var client: String?
    /// Where transcripts go (`--transcripts`).
    public var transcripts: String?
    /// A transcript to continue.
    public var resume: String?
    /// Continue even if the questionnaire or rules changed since.
    public var force = false
    /// No colour, no cursor movement, no line editing.
    public var plain = false
    /// Where reception saves each client's report (`--reports`).
    public var reports: String?
    /// The printer reception prints reports on (`--printer`).
    public var printer: String?
    /// The paper reports are laid out for (`--paper`).
    public var paper: Paper?
    /// The language asked for (`--lang`); nil: the locale's, else English
    /// (a resumed session: the language it was held in).
    public var language: Language?
    /// Reception: the languages the desk offers (`--lang ko,en`); with more
    /// than one, each client is asked which, after their reference. The
    /// first is the desk's own.
    public var offered: [Language] = []

    public init(
        questionnaire: String? = nil, rules: String? = nil, answers: String? = nil, mode: Audience = .self, client: String? = nil,
        transcripts: String? = nil, resume: String? = nil, force: Bool = false, plain: Bool = false,
        reports: String? = nil, printer: String? = nil, paper: Paper? = nil
    ) {
        self.questionnaire = questionnaire
        self.rules = rules
        self.answers = answers
        self.mode = mode
        self.client = client
        self.transcripts = transcripts
        self.resume = resume
        self.force = force
        self.plain = plain
        self.reports = reports
        self.printer = printer
        self.paper = paper
    }

    /// The folder from `--transcripts`, `INTAKE_TRANSCRIPTS`, or the
    /// per-user data folder (`SessionsFolder`).
    public func transcriptFolder(environment: [String: String]) throws(UserFacingError) -> String {
        try SessionsFolder.resolve(transcripts, environment: environment)
    }
}

/// Runs interviews for `intake run`: one at a time, one client after another
/// at reception, from an answer file, or resumed from a transcript. Every
/// step is saved to the session's transcript before it is acknowledged.
public struct SessionRunner {
    let options: SessionOptions
    let ports: Ports
    let console: Console
    private(set) var content: Content
    /// The content as loaded, before it is worded: reception words it for
    /// each client's language.
    private let loaded: Content
    private let invocation: Invocation
    /// The transcript to resume, read once (so one given as a pipe works too).
    private let resumeBytes: [UInt8]?
    /// The desk key that signs every seal, read once per run; nil at a desk without one.
    private let deskKey: DeskSigningKey?
    private var madeKeyboard: Keyboard?

    /// Loads the questionnaire and rules the options name (for a session
    /// to resume, the ones its transcript names).
    public init(options: SessionOptions, ports: Ports) throws {
        // The command line checks these too, with its usage; a caller of the
        // library gets the same refusal.
        if let client = options.client, case .failure(let problem) = ClientReference.check(client) {
            throw UserFacingError("--client: \(problem)")
        }
        self.options = options
        self.ports = ports
        console = Console(screen: ports.screen, plain: options.plain, environment: ports.environment)
        invocation = Invocation(ports)
        deskKey = try DeskKeys.load(ports: ports)
        let resumeBytes = try options.resume.map { try ports.files.read($0, limit: TranscriptDocument.maxBytes) }
        self.resumeBytes = resumeBytes
        let console = console
        if let resumeBytes {
            loaded = try Content.load(forTranscript: resumeBytes, questionnaire: options.questionnaire, rules: options.rules, files: ports.files)
            content = try loaded.worded(forTranscript: resumeBytes, language: options.language, files: ports.files) { console.line($0, to: .error) }
        } else {
            loaded = try Content.load(questionnaire: options.questionnaire, rules: options.rules, requireRules: false, files: ports.files)
            let language = loaded.available(LanguageChoice.choose(options.language, environment: ports.environment)) { console.line($0, to: .error) }
            content = try loaded.worded(for: options.mode, language: language, files: ports.files)
        }
        console.words = ProgramWords(content.questionnaire.variant, phrases: content.programPhrases(for: content.questionnaire.variant.language))
    }

    var questionnaire: Questionnaire { content.questionnaire.questionnaire }

    // MARK: - Entry points

    /// Runs what the options ask for: a session resumed, an answer file,
    /// reception, or one interview.
    public mutating func run() throws {
        // What a FHIR form asks for that intake cannot do, and what it does instead.
        for warning in content.questionnaire.warnings { console.error(warning.description) }
        if let resume = options.resume, let resumeBytes {
            try self.resume(resume, bytes: resumeBytes)
        } else if let answers = options.answers {
            try runAnswerFile(answers)
        } else if options.mode == .reception {
            try runReception(firstClient: options.client)
        } else {
            try runInteractive()
        }
    }

    private mutating func runInteractive() throws {
        let transcript = try newTranscript(mode: options.mode, client: nil, checks: Self.personChecks)
        console.line(console.paint(questionnaire.title, .heading))
        let ending = try interview(newInterview(recordedIn: transcript, checks: Self.personChecks), transcript: transcript, audience: options.mode)
        if case .interrupted = ending { throw ExitWith(status: .interrupted) }
    }

    private mutating func runAnswerFile(_ path: String) throws {
        let file: AnswerFile
        let bytes = try ports.files.read(path, limit: FileLimits.answers)
        do throws(DiagnosticError) {
            file = try AnswerFile(bytes, file: path, questionnaire: questionnaire)
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
        // No one to ask: an answer file is taken as written (a near-miss
        // medicine stays unrecognised, which keeps caution up; urgent stops
        // are not confirmed).
        let transcript = try newTranscript(mode: options.mode, client: options.client, checks: [])
        var interview = newInterview(recordedIn: transcript, checks: [])
        // Each answer is on disk with the question it answers (one fsync).
        let problem = try saving(transcript) {
            try file.run(&interview) { event in
                try transcript.record(event)
                if case .asked = event { return }
                try transcript.commit()
            }
        }
        if let problem {
            try saving(transcript) { try transcript.recordNow(.paused(reason: "answer-file-problem")) }
            throw DiagnosticsFound(diagnostics: [problem])
        }
        try finish(interview, transcript: transcript, audience: options.mode, client: options.client)
    }

    /// Reception: one client after another in one process. Each client has a
    /// transcript of their own; the screen and the line history are cleared
    /// between clients so nobody sees the previous client's answers.
    private mutating func runReception(firstClient: String?) throws {
        var client = firstClient
        let desk = ReceptionDesk(options: options, ports: ports, console: console)
        console.line(console.paint(questionnaire.title, .heading))
        desk.sayWhyNotPrinting()
        if firstClient == nil {
            // The first client is asked for a reference like every other.
            guard let first = askForClientReference() else {
                console.line(console.words("Reception finished."))
                return
            }
            client = first.isEmpty ? nil : first
        }
        let deskWords = (content, console.words)
        while true {
            if options.offered.count > 1 {
                guard let language = askForLanguage() else {
                    console.line(console.words("Reception finished."))
                    return
                }
                content = try loaded.worded(for: .reception, language: loaded.available(language) { console.line($0, to: .error) }, files: ports.files)
                console.words = ProgramWords(content.questionnaire.variant, phrases: content.programPhrases(for: content.questionnaire.variant.language))
            }
            let transcript = try newTranscript(mode: .reception, client: client, checks: Self.personChecks)
            if let client { console.line(console.paint(console.words("Client: ") + client, .bold)) }
            let ending = try interview(
                newInterview(recordedIn: transcript, checks: Self.personChecks), transcript: transcript, audience: .reception, client: client)
            if case .interrupted = ending { throw ExitWith(status: .interrupted) }
            if case .completed = ending { desk.offerPrinting(transcript: transcript.path) { readLine() } }
            // The desk's own language again, for the staff member.
            (content, console.words) = deskWords
            console.line()
            console.paragraph(console.words("When you are ready, press Enter to clear the screen for the next client (or type :quit to finish)."))
            let input = readLine()
            // Cleared whatever comes next: finishing leaves no client on screen either.
            clearBetweenClients()
            guard case .line(let answer) = input, Command.parse(answer) == nil else {
                console.line(console.words("Reception finished."))
                return
            }
            console.line(console.paint(questionnaire.title, .heading))
            guard let next = askForClientReference(next: true) else {
                console.line(console.words("Reception finished."))
                return
            }
            client = next.isEmpty ? nil : next
        }
    }

    /// Continues an unfinished session from its transcript.
    private mutating func resume(_ path: String, bytes: [UInt8]) throws {
        let document = TranscriptDocument(bytes)
        guard let header = document.header else {
            throw UserFacingError("\(path): not an intake transcript (\(document.problems.first?.description ?? "no header"))")
        }
        if let damage = document.problems.first(where: { $0.kind != .torn }) {
            throw UserFacingError(console.words("\(path): \(damage): it cannot be resumed safely; see what changed with: \(invocation.command("replay", invocation.path(path)))"))
        }
        if let torn = document.tornLine {
            console.line(Printable.escaped("\(path): \(torn)"), to: .error)
        }
        if document.isCompleted {
            throw UserFacingError(console.words("\(path): this session is already complete; look at it with: \(invocation.command("replay", invocation.path(path)))"))
        }
        guard header.questionnaire.id == questionnaire.id else {
            throw UserFacingError("\(path): this session used the questionnaire '\(header.questionnaire.id ?? "?")', not '\(questionnaire.id)': pass it with --questionnaire")
        }
        let changes = content.changes(since: header)
        if !changes.isEmpty, !options.force {
            throw UserFacingError(console.words("\(path): \(changes.joined(separator: "; ")) since this session was recorded: resume anyway with --force, or see the differences with: \(invocation.command("replay", invocation.path(path)))"))
        }
        let replay = content.replay(document, clock: ports.clock)
        if let mismatch = replay.mismatches.first, !options.force {
            throw UserFacingError(console.words("\(path): line \(mismatch.entry.line): \(mismatch.mismatch ?? ""): resume anyway with --force"))
        }
        let transcript: TranscriptRecorder
        do {
            transcript = try TranscriptRecorder(continuing: path, document: document, size: bytes.count, storage: ports.transcripts, clock: ports.clock)
            transcript.signingKey = deskKey
            try transcript.recordNow(.resumed(tool: IntakeVersion.tool, at: Timestamp.iso8601(milliseconds: ports.clock.milliseconds())))
        } catch {
            throw UserFacingError("\(error): the session cannot be continued")
        }
        let audience = header.mode
        console.line(console.paint(questionnaire.title, .heading))
        if let client = header.client { console.line(console.paint("Client: \(Printable.escaped(client, limit: 200))", .dim)) }
        let answered = replay.interview.answers.count
        console.paragraph(console.words("Welcome back. \(answered) answer\(answered == 1 ? " is" : "s are") already saved; carrying on from where the session stopped."))
        let ending = try interview(replay.interview, transcript: transcript, audience: audience, client: header.client)
        if case .interrupted = ending { throw ExitWith(status: .interrupted) }
        if case .completed = ending, audience == .reception {
            ReceptionDesk(options: options, ports: ports, console: console).offerPrinting(transcript: transcript.path) { readLine() }
        }
    }

    // MARK: - One interview

    /// A new interview held on the local date its transcript started.
    private func newInterview(recordedIn transcript: TranscriptRecorder, checks: Interview.Checks) -> Interview {
        content.interview(on: ports.clock.localTime(atMilliseconds: transcript.startedMilliseconds).localDate, checks: checks)
    }

    /// Runs an interview to its end or until it stops, saving every step.
    private mutating func interview(_ interview: Interview, transcript: TranscriptRecorder, audience: Audience, client: String? = nil) throws -> InterviewSession.Ending {
        let keyboard = self.keyboard()
        let session = InterviewSession(interview: interview, console: console, keyboard: keyboard, lexicon: content.lexicon)
        session.audience = audience
        session.client = client
        session.record = transcript.record
        session.commit = transcript.commit
        console.line(console.paint(console.words("Answers are saved as you go, to \(transcript.path)"), .dim))
        let ending = try saving(transcript) { try session.run() }
        switch ending {
        case .completed:
            try finish(session.interview, transcript: transcript, audience: audience, client: client)
        case .stopped(let reason):
            try saving(transcript) { try transcript.recordNow(.paused(reason: reason)) }
            console.line()
            console.paragraph(console.words("Stopped before the end. \(audience.answersOwner) answers so far are saved. To carry on later:"))
            console.line("  " + resumeCommand(transcript.path))
        case .interrupted(let signal):
            try saving(transcript) { try transcript.recordNow(.paused(reason: Signals.name(of: signal))) }
            console.line()
            console.paragraph(console.words("Interrupted (\(Signals.name(of: signal))). \(audience.answersOwner) answers so far are saved. To carry on later:"), to: .error)
            console.line("  " + resumeCommand(transcript.path), to: .error)
        }
        return ending
    }

    /// Records the end, then shows the answers and the assessment (headed
    /// by the client's reference at reception, like every question).
    private func finish(_ interview: Interview, transcript: TranscriptRecorder, audience: Audience, client: String?) throws {
        let assessment = content.assess(interview)
        try saving(transcript) { try transcript.recordNow(.completed(urgent: interview.endedUrgently, assessment: assessment?.json)) }
        if let client {
            console.line()
            console.line(console.paint(console.words("Client ") + Printable.escaped(client, limit: 64), .bold))
        }
        AnswerSummary.show(interview, audience: audience, scores: content.scores(of: interview), on: console)
        console.line()
        if let assessment, let rules = content.rules {
            console.write(AssessmentText.render(assessment, rules: rules, audience: audience, style: console.textStyle, width: console.width, language: content.questionnaire.variant.language))
        } else {
            console.paragraph(console.words("There are no rules beside this questionnaire, so no assessment is given."))
        }
        // After an urgent stop, what to do now is said again last, where the
        // screen ends up, not only above the summary that scrolled it away.
        if interview.endedUrgently, let stop = interview.trail.last.flatMap(questionnaire.node) {
            console.line()
            console.paragraph(stop.text, style: .urgent)
        }
        console.line()
        let signed = transcript.signingKey.map { " (signed by desk \"\(Printable.escaped($0.desk, limit: 200))\")" } ?? ""
        console.line(console.paint(console.words("Saved: ") + transcript.path + console.words(signed), .dim))
        if audience == .reception {
            ReceptionDesk(options: options, ports: ports, console: console).saveReport(transcript: transcript.path)
        }
    }

    /// Runs `body`; when the transcript cannot be written, says so at once
    /// and stops, so no answer is acknowledged that was not saved.
    @discardableResult
    private func saving<T>(_ transcript: TranscriptRecorder, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TranscriptWriteError {
            console.line()
            console.paragraph(console.words("Your answers could not be saved (\(error.reason)). The interview has stopped so that nothing is lost: answers saved so far are in \(transcript.path). Free some space or choose another folder with --transcripts, then carry on with:"), to: .error)
            console.line("  " + resumeCommand(transcript.path), to: .error)
            throw ExitWith(status: .badInput)
        }
    }

    // MARK: - Transcripts

    /// What a person at the keyboard (or a script piped in for one) is
    /// asked besides the questions: urgent stops confirmed, near matches
    /// read back, a review page before the end.
    static let personChecks = Interview.Checks.all

    private func newTranscript(mode: Audience, client: String?, checks: Interview.Checks) throws -> TranscriptRecorder {
        let folder = try options.transcriptFolder(environment: ports.environment)
        let identities = content.identities
        var header = TranscriptHeader(
            tool: IntakeVersion.tool, session: ports.clock.newSessionID(), startedMilliseconds: ports.clock.milliseconds(),
            mode: mode, client: client, questionnaire: identities.questionnaire, rules: identities.rules,
            medications: identities.medications, checks: checks)
        header.language = content.questionnaire.variant.language
        // The words in another language that read the answers: named for a
        // session in that language, and for every session once they are
        // past their first version (an English session names none, so its
        // bytes stay as they were).
        if header.language != .english || content.namesLocalWordsInEnglish {
            header.localWords = content.localWords
        }
        do {
            try ports.transcripts.prepareFolder(folder)
            let transcript = try TranscriptRecorder(newIn: folder, header: header, storage: ports.transcripts, clock: ports.clock)
            transcript.signingKey = deskKey
            return transcript
        } catch {
            throw UserFacingError("\(error.path): \(error.reason). Sessions are saved as they go, so the interview cannot start: choose a folder you can write to with --transcripts DIR (or INTAKE_TRANSCRIPTS).")
        }
    }

    /// The command that continues a session, with the options it needs.
    private func resumeCommand(_ path: String) -> String {
        var words = ["run", "--resume", invocation.path(path)]
        if let questionnaire = options.questionnaire { words += ["--questionnaire", invocation.path(questionnaire)] }
        if let rules = options.rules { words += ["--rules", invocation.path(rules)] }
        return invocation.command(words)
    }

    // MARK: - Keyboard

    /// The keyboard, made when first needed.
    private mutating func keyboard() -> Keyboard {
        if let madeKeyboard { return madeKeyboard }
        let made = ports.keyboard()
        madeKeyboard = made
        return made
    }

    private mutating func readLine() -> LineInput {
        let keyboard = self.keyboard()
        let input = keyboard.reader.readLine(prompt: "> ")
        if case .line(let text) = input, !keyboard.isTerminal { console.line(Printable.escaped(text, limit: 200)) }
        return input
    }

    private mutating func clearBetweenClients() {
        keyboard().reader.forgetHistory()
        if console.outputIsTerminal, !options.plain {
            console.write(Console.clearScreenSequence)
        } else {
            console.line()
            console.line(String(repeating: "-", count: 40))
        }
    }

    /// Asks which of the offered languages this client's session is in; nil
    /// when reception is over. Enter takes the desk's own (the first).
    private mutating func askForLanguage() -> Language? {
        let offered = options.offered
        let names = offered.map { "\($0.rawValue) (\(LanguageChoice.name($0)))" }.joined(separator: ", ")
        console.paragraph(console.words("Language for this client: \(names). Type one, or press Enter for \(offered[0].rawValue)."))
        while true {
            guard case .line(let text) = readLine() else { return nil }
            let typed = text.trimmingSpaces()
            if typed.isEmpty { return offered[0] }
            if Command.parse(typed) != nil { return nil }
            let lowered = typed.lowercased()
            if let chosen = offered.first(where: { $0.rawValue == lowered || LanguageChoice.name($0).lowercased().contains(lowered) }) { return chosen }
            console.paragraph(console.words("! Type one of: \(offered.map(\.rawValue).joined(separator: ", ")), or press Enter for \(offered[0].rawValue)."), indent: 2, style: .warning)
        }
    }

    /// Asks for the next client's reference; nil when reception is over,
    /// "" for a client without one.
    private mutating func askForClientReference(next: Bool = false) -> String? {
        console.paragraph(console.words("\(next ? "Next client. " : "")Client reference: what this client's session will be found by later. \(ClientReference.rule) Press Enter to go on without one, or type :quit to finish."))
        while true {
            guard case .line(let text) = readLine() else { return nil }
            let reference = text.trimmingSpaces()
            if reference.isEmpty { return "" }
            if Command.parse(reference) != nil { return nil }
            switch ClientReference.check(reference) {
            case .success(let valid): return valid
            case .failure(let problem):
                console.paragraph(console.words("! \(problem.description.prefix(1).uppercased() + problem.description.dropFirst()). Type it again, or press Enter to go on without one."), indent: 2, style: .warning)
            }
        }
    }
}
