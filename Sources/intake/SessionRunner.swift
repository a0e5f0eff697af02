import InterviewEngine
import LineEditing
import QuestionnaireModel
import TerminalText
import Reports
import Scoring

/// Runs interviews for `intake run`: one at a time, one client after another
/// at reception, from an answer file, or resumed from a transcript. Every
/// step is saved to the session's transcript before it is acknowledged.
struct SessionRunner {
    let options: RunOptions
    let content: Content
    let console: Console
    let environment: [String: String]
    private var reader: LineReader?
    private var interactive = false

    init(options: RunOptions, content: Content, console: Console, environment: [String: String]) {
        self.options = options
        self.content = content
        self.console = console
        self.environment = environment
    }

    var questionnaire: Questionnaire { content.questionnaire.questionnaire }

    // MARK: - Entry points

    mutating func runInteractive(client: String?) throws {
        let transcript = try newTranscript(mode: options.mode, client: client)
        console.line(console.paint(questionnaire.title, .heading))
        let ending = try interview(Interview(questionnaire: questionnaire), transcript: transcript, audience: options.mode)
        if case .interrupted = ending { throw ExitWith(status: .interrupted) }
    }

    mutating func runAnswerFile(_ path: String) throws {
        let file: AnswerFile
        do {
            file = try AnswerFile(try Files.read(path, limit: Files.answerLimit), file: path, questionnaire: questionnaire)
        } catch let error as DiagnosticError {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
        let transcript = try newTranscript(mode: options.mode, client: options.client)
        var interview = Interview(questionnaire: questionnaire)
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
        try finish(interview, transcript: transcript, audience: options.mode)
    }

    /// Reception: one client after another in one process. Each client has a
    /// transcript of their own; the screen and the line history are cleared
    /// between clients so nobody sees the previous client's answers.
    mutating func runReception(firstClient: String?) throws {
        var client = firstClient
        while true {
            let transcript = try newTranscript(mode: .reception, client: client)
            console.line(console.paint(questionnaire.title, .heading))
            if let client { console.line(console.paint("Client: \(client)", .dim)) }
            let ending = try interview(Interview(questionnaire: questionnaire), transcript: transcript, audience: .reception)
            if case .interrupted = ending { throw ExitWith(status: .interrupted) }
            console.line()
            console.paragraph("When you are ready, press Enter to clear the screen for the next client (or type :quit to finish).")
            let input = readLine()
            // Cleared whatever comes next: finishing leaves no client on screen either.
            clearBetweenClients()
            guard case .line(let answer) = input, Command.parse(answer) == nil, let next = askForClientReference() else {
                console.line("Reception finished.")
                return
            }
            client = next.isEmpty ? nil : next
        }
    }

    /// Continues an unfinished session from its transcript.
    mutating func resume(_ path: String, bytes: [UInt8]) throws {
        let document = TranscriptDocument(bytes)
        guard let header = document.header else {
            throw UserFacingError("\(path): not an intake transcript (\(document.problems.first?.description ?? "no header"))")
        }
        if let damage = document.problems.first(where: { $0.kind != .torn }) {
            throw UserFacingError("\(path): \(damage): it cannot be resumed safely; see what changed with: \(Invocation.command("replay", shellQuoted(Invocation.absolute(path))))")
        }
        if let torn = document.tornLine {
            console.line(Printable.escaped("\(path): \(torn)"), to: .error)
        }
        if document.isCompleted {
            throw UserFacingError("\(path): this session is already complete; look at it with: \(Invocation.command("replay", shellQuoted(Invocation.absolute(path))))")
        }
        guard header.questionnaire.id == questionnaire.id else {
            throw UserFacingError("\(path): this session used the questionnaire '\(header.questionnaire.id ?? "?")', not '\(questionnaire.id)': pass it with --questionnaire")
        }
        let changes = Self.changes(since: header, content: content)
        if !changes.isEmpty, !options.force {
            throw UserFacingError("\(path): \(changes.joined(separator: "; ")) since this session was recorded: resume anyway with --force, or see the differences with: \(Invocation.command("replay", shellQuoted(Invocation.absolute(path))))")
        }
        let replay = TranscriptReplay(document, questionnaire: questionnaire)
        if let mismatch = replay.mismatches.first, !options.force {
            throw UserFacingError("\(path): line \(mismatch.entry.line): \(mismatch.mismatch ?? ""): resume anyway with --force")
        }
        let transcript: TranscriptFile
        do {
            transcript = try TranscriptFile(continuing: path, document: document, size: bytes.count, clock: SystemClock.milliseconds)
            try transcript.recordNow(.resumed(tool: "intake \(IntakeVersion.current)", at: Timestamp.iso8601(milliseconds: SystemClock.milliseconds())))
        } catch {
            throw UserFacingError("\(error): the session cannot be continued")
        }
        let audience = Audience(rawValue: header.mode) ?? options.mode
        console.line(console.paint(questionnaire.title, .heading))
        if let client = header.client { console.line(console.paint("Client: \(Printable.visibleAnswer(client))", .dim)) }
        let answered = replay.interview.answers.count
        console.paragraph("Welcome back. \(answered) answer\(answered == 1 ? " is" : "s are") already saved; carrying on from where the session stopped.")
        let ending = try interview(replay.interview, transcript: transcript, audience: audience)
        if case .interrupted = ending { throw ExitWith(status: .interrupted) }
    }

    // MARK: - One interview

    /// Runs an interview to its end or until it stops, saving every step.
    private mutating func interview(_ interview: Interview, transcript: TranscriptFile, audience: Audience) throws -> InterviewSession.Ending {
        let (reader, interactive) = lineReader()
        let session = InterviewSession(
            interview: interview, console: console, reader: reader, interactive: interactive,
            medicationNames: content.lexicon.names)
        session.echoInput = !Terminal.isTerminal(0)
        session.audience = audience
        session.record = transcript.record
        session.commit = transcript.commit
        if interactive || !Terminal.isTerminal(0) {
            console.line(console.paint("Answers are saved as you go, to \(transcript.path)", .dim))
        }
        let ending = try saving(transcript) { try session.run() }
        switch ending {
        case .completed:
            try finish(session.interview, transcript: transcript, audience: audience)
        case .stopped(let reason):
            try saving(transcript) { try transcript.recordNow(.paused(reason: reason)) }
            console.line()
            console.paragraph("Stopped before the end. \(audience.answersOwner) answers so far are saved. To carry on later:")
            console.line("  " + resumeCommand(transcript.path))
        case .interrupted(let signal):
            try saving(transcript) { try transcript.recordNow(.paused(reason: Signals.name(of: signal))) }
            console.line()
            console.paragraph("Interrupted (\(Signals.name(of: signal))). \(audience.answersOwner) answers so far are saved. To carry on later:", to: .error)
            console.line("  " + resumeCommand(transcript.path), to: .error)
        }
        return ending
    }

    /// Records the end, then shows the answers and the assessment.
    private func finish(_ interview: Interview, transcript: TranscriptFile, audience: Audience) throws {
        let assessment = content.assess(interview)
        try saving(transcript) { try transcript.recordNow(.completed(urgent: interview.endedUrgently, assessment: assessment?.json)) }
        Summary.show(interview, audience: audience, on: console)
        console.line()
        if let assessment, let rules = content.rules {
            console.write(AssessmentText.render(assessment, rules: rules, audience: audience, style: console.textStyle, width: console.width))
        } else {
            console.paragraph("There are no rules beside this questionnaire, so no assessment is given.")
        }
        // After an urgent stop, what to do now is said again last, where the
        // screen ends up, not only above the summary that scrolled it away.
        if interview.endedUrgently, let stop = interview.trail.last.flatMap(questionnaire.node) {
            console.line()
            console.paragraph(stop.text, style: .urgent)
        }
        console.line()
        console.line(console.paint("Saved: \(transcript.path)", .dim))
    }

    /// Runs `body`; when the transcript cannot be written, says so at once
    /// and stops, so no answer is acknowledged that was not saved.
    @discardableResult
    private func saving<T>(_ transcript: TranscriptFile, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TranscriptWriteError {
            console.line()
            console.paragraph("Your answers could not be saved (\(error.reason)). The interview has stopped so that nothing is lost: answers saved so far are in \(transcript.path). Free some space or choose another folder with --transcripts, then carry on with:", to: .error)
            console.line("  " + resumeCommand(transcript.path), to: .error)
            throw ExitWith(status: .badInput)
        }
    }

    // MARK: - Transcripts

    private func newTranscript(mode: Audience, client: String?) throws -> TranscriptFile {
        let folder = TranscriptFolder.path(option: options.transcripts, environment: environment)
        let identities = content.identities
        let started = SystemClock.milliseconds()
        let header = TranscriptHeader(
            tool: "intake \(IntakeVersion.current)", session: SystemClock.randomID(), startedMilliseconds: started,
            mode: mode.rawValue, client: client, questionnaire: identities.questionnaire, rules: identities.rules,
            medications: identities.medications)
        do {
            try TranscriptFolder.prepare(folder)
            return try TranscriptFile(newIn: folder, header: header, clock: SystemClock.milliseconds)
        } catch {
            throw UserFacingError("\(error.path): \(error.reason). Sessions are saved as they go, so the interview cannot start: choose a folder you can write to with --transcripts DIR (or INTAKE_TRANSCRIPTS).")
        }
    }

    /// What changed in the questionnaire, rules or medicines list since a session was recorded.
    static func changes(since header: TranscriptHeader, content: Content) -> [String] {
        let now = content.identities
        var changes: [String] = []
        if header.questionnaire.sha256 != now.questionnaire.sha256 {
            let versions = header.questionnaire.version == now.questionnaire.version ? "" : " (\(header.questionnaire.version ?? "?") → \(now.questionnaire.version ?? "?"))"
            changes.append("the questionnaire has changed\(versions)")
        }
        if header.rules?.sha256 != now.rules?.sha256 { changes.append("the rules have changed") }
        if header.medications?.sha256 != nil, header.medications?.sha256 != now.medications.sha256 { changes.append("the medicines list has changed") }
        return changes
    }

    /// The command that continues a session, with the options it needs.
    private func resumeCommand(_ path: String) -> String {
        var parts = [Invocation.program, "run", "--resume", shellQuoted(Invocation.absolute(path))]
        if let questionnaire = options.questionnaire { parts += ["--questionnaire", shellQuoted(Invocation.absolute(questionnaire))] }
        if let rules = options.rules { parts += ["--rules", shellQuoted(Invocation.absolute(rules))] }
        return parts.joined(separator: " ")
    }

    // MARK: - Terminal

    private mutating func lineReader() -> (LineReader, Bool) {
        if let reader { return (reader, interactive) }
        Signals.install()
        var chosen: LineReader = PlainLineReader()
        if !options.plain, environment["TERM"] != "dumb", Terminal.isTerminal(0), Terminal.isTerminal(1), let editor = EditLineReader() {
            chosen = editor
            interactive = true
        }
        reader = chosen
        return (chosen, interactive)
    }

    private mutating func readLine() -> LineInput {
        let (reader, _) = lineReader()
        let input = reader.readLine(prompt: "> ")
        if case .line(let text) = input, !Terminal.isTerminal(0) { console.line(Printable.visibleAnswer(text)) }
        return input
    }

    private mutating func clearBetweenClients() {
        let (reader, _) = lineReader()
        reader.forgetHistory()
        if console.outputIsTerminal, !options.plain {
            console.write(Terminal.clearScreenSequence)
        } else {
            console.line()
            console.line(String(repeating: "-", count: 40))
        }
    }

    /// Asks for the next client's reference; nil when reception is over.
    private mutating func askForClientReference() -> String? {
        console.paragraph("Next client. Type their reference (kept inside the transcript only), or press Enter to go on without one.")
        while true {
            guard case .line(let text) = readLine() else { return nil }
            let reference = text.trimmingSpaces()
            if reference.isEmpty { return "" }
            if Command.parse(reference) != nil { return nil }
            switch ClientReference.check(reference) {
            case .success(let valid): return valid
            case .failure(let problem): console.paragraph("! \(problem): type it again, or press Enter to go on without one.", indent: 2, style: .warning)
            }
        }
    }
}

/// A path quoted for a POSIX shell when it needs it.
func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./:@+=,".unicodeScalars.contains($0) }
    return safe && !text.isEmpty ? text : "'" + text.replacing("'", with: "'\\''") + "'"
}
