import ArgumentParser
import InterviewEngine
import LineEditing
import QuestionnaireModel
import TerminalText
import Reports
import Scoring
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `intake replay`: a session as it happened, re-checked against today's
/// questionnaire and rules; or a summary of a whole folder of sessions.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a transcript (or summarise a folder of them) and check it.",
        discussion: """
            A transcript is replayed by feeding every recorded input, as typed, through \
            today's questionnaire again, so a change in the questions, the answer parser \
            or the rules shows up. The hash chain is verified: a changed, inserted or \
            removed line is reported by its number. With a folder, every *.jsonl file in \
            it is read in turn and summarised; one bad file never stops the rest.
            """
    )

    @Argument(help: ArgumentHelp("A transcript (.jsonl) or a folder of them.", valueName: "path"), completion: .file(extensions: ["jsonl"]))
    var path: String

    @Flag(name: .long, help: "Exit with 1 on any mismatch, changed outcome, damage or tampering.")
    var check = false

    @Flag(name: .long, help: "Show one question at a time, going on when Enter is pressed.")
    var step = false

    @Flag(name: .long, help: "With a folder: print the summary as JSON.")
    var json = false

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The questionnaire the sessions used (default: the built-in one).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var questionnaire: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The rules to re-score with (default: the rules beside the questionnaire).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var rules: String?

    func run() throws {
        let console = Console(plain: false, environment: Environment.current)
        var info = stat()
        guard stat(path, &info) == 0 else { throw UserFacingError("\(path): \(Files.reason(errno))") }
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        // A transcript is read once, so one given as a pipe (<(...)) works too.
        let bytes = isFolder ? [] : try Files.read(path, limit: TranscriptDocument.maxBytes)
        if isFolder {
            // Each session is replayed with its own questionnaire, unless one is given.
            let fixed = questionnaire != nil || rules != nil ? try Content.load(questionnaire: questionnaire, rules: rules, requireRules: false) : nil
            let summary = try FolderSummary.scan(path, contents: Content.Cache(fixed: fixed))
            if json {
                console.write(summary.json.prettyPrinted())
            } else {
                summary.show(on: console)
            }
            if check, summary.failures > 0 { throw ExitWith(status: .problemsFound) }
            return
        }
        if json { throw UserFacingError("\(path): --json is for a folder of transcripts; for one session use: intake report FILE --format json") }
        let content = try Content.load(forQuestionnaire: Content.questionnaireID(ofTranscript: bytes), questionnaire: questionnaire, rules: rules)
        let result = TranscriptCheck(path: path, bytes: bytes, content: content)
        if result.document.header == nil {
            throw UserFacingError("\(path): not an intake transcript (\(result.document.problems.first?.description ?? "no header"))")
        }
        if result.isForAnotherQuestionnaire {
            throw UserFacingError("\(path): this session used the questionnaire '\(result.document.header?.questionnaire.id ?? "?")', not '\(content.questionnaire.questionnaire.id)': pass it with --questionnaire")
        }
        var view = ReplayView(console: console, content: content, stepper: step ? PlainLineReader() : nil)
        view.show(result)
        if check, result.fails { throw ExitWith(status: .problemsFound) }
    }
}

/// Shows one replayed transcript.
struct ReplayView {
    let console: Console
    let content: Content
    /// Reads Enter between questions with `--step`; dropped at the end of
    /// input, so Ctrl-D (or the end of a pipe) shows the rest at once.
    var stepper: LineReader?
    /// Whether a question has been shown yet: the first one needs no Enter.
    private(set) var shownQuestion = false

    var questionnaire: Questionnaire { content.questionnaire.questionnaire }

    mutating func show(_ result: TranscriptCheck) {
        guard let header = result.document.header else { return }
        // Everything from the file is shown escaped: a crafted transcript
        // must not move the cursor of whoever replays it.
        let shown = Printable.visibleAnswer
        console.line(console.paint("Session \(shown(header.session))", .heading))
        console.line("  started \(shown(header.started)) (UTC), mode \(shown(header.mode))\(header.client.map { ", client \(shown($0))" } ?? "")")
        console.line("  questionnaire \(shown(header.questionnaire.id ?? "?")) \(shown(header.questionnaire.version ?? "")), recorded by \(shown(header.tool))")
        if result.changes.isEmpty {
            console.line("  questionnaire, rules and medicines list unchanged since")
        } else {
            console.paragraph(result.changes.joined(separator: "; ") + " since this session was recorded", indent: 2, style: .warning)
        }
        console.line()
        let mismatchLines = Dictionary(result.stepMismatches.map { ($0.entry.line, $0.mismatch ?? "") }, uniquingKeysWith: { first, _ in first })
        for entry in result.document.entries {
            show(entry, mismatch: mismatchLines[entry.line])
        }
        console.line()
        showProblems(result)
        showOutcome(result)
    }

    private mutating func show(_ entry: TranscriptDocument.Entry, mismatch: String?) {
        let stamp = Self.offset(entry.milliseconds)
        let time = console.paint(stamp, .dim)
        switch entry.event {
        case .header:
            break
        case .asked(let id):
            guard let node = questionnaire.node(id) else {
                console.line("\(time) (a node \(TextInput.quoted(Printable.visibleAnswer(id))) that the questionnaire no longer has)")
                break
            }
            if node.kind == .info {
                hanging("\(time) " + console.paint("[\(id)]", .dim) + " ", width: stamp.count + id.count + 4, node.text.firstLine)
            } else {
                if let stepper, shownQuestion {
                    console.write(console.paint("(Enter for the next question)", .dim))
                    let input = stepper.readLine(prompt: "")
                    // A terminal echoes the Enter; a pipe does not.
                    if !Terminal.isTerminal(0) { console.line() }
                    if case .line = input {} else { self.stepper = nil }
                }
                shownQuestion = true
                hanging("\(time) ", width: stamp.count + 1, "Q \(id): \(node.text.oneLine)", style: .bold)
            }
        case .answered(let id, let raw, let value):
            let words = Printable.visibleAnswer(questionnaire.node(id).flatMap { node in AnswerValue(json: value, kind: node.kind).map { questionnaire.describe($0, at: node) } } ?? value.serialized())
            hanging("\(time)   ", width: stamp.count + 3, "> \(Printable.visibleAnswer(raw))")
            hanging("\(time)   ", width: stamp.count + 3, "✓ \(words)", style: .good)
        case .rejected(_, let raw, let reason):
            console.line("\(time)   > \(Printable.visibleAnswer(raw))")
            console.paragraph("! \(Printable.visibleAnswer(reason))", indent: stamp.count + 3, style: .warning)
        case .back(let from, let to):
            console.line("\(time)   :back from \(Printable.visibleAnswer(from)) to \(Printable.visibleAnswer(to))")
        case .skipped(let id, let raw):
            console.line("\(time)   \(raw.map { "> \(Printable.visibleAnswer($0)) " } ?? "")(skipped \(Printable.visibleAnswer(id)))")
        case .paused(let reason):
            console.line("\(time) " + console.paint("-- paused (\(Printable.visibleAnswer(reason))) --", .dim))
        case .resumed(let tool, let at):
            console.line("\(time) " + console.paint("-- resumed at \(Printable.visibleAnswer(at)) with \(Printable.visibleAnswer(tool)) --", .dim))
        case .completed(let urgent, _):
            console.line("\(time) " + console.paint("-- completed\(urgent ? " at an urgent stop" : "") --", .dim))
        case .sealed:
            break
        }
        if let mismatch {
            console.paragraph("✗ line \(entry.line): \(mismatch)", indent: stamp.count + 3, style: .urgent)
        }
    }

    /// Writes `text` after `prefix`, which takes `width` columns on screen,
    /// wrapped to the terminal with the lines after the first indented under
    /// the text, so nothing is cut mid-word by the terminal.
    private func hanging(_ prefix: String, width: Int, _ text: String, style: Console.Style = .plain) {
        for (index, line) in Console.wrap(text, width: console.width - width).enumerated() {
            console.line((index == 0 ? prefix : String(repeating: " ", count: width)) + console.paint(line, style))
        }
    }

    private func showProblems(_ result: TranscriptCheck) {
        for problem in result.document.problems {
            let style: Console.Style = problem.kind == .torn ? .warning : .urgent
            console.paragraph(Printable.escaped("\(result.path): \(problem)"), style: style)
        }
        if result.document.problems.isEmpty {
            console.line("Hash chain: intact (\(result.document.entries.count) lines).")
        }
        if let line = result.document.unsealedLastLine {
            console.paragraph("Line \(line), the last, is not sealed (the session was cut off, or recorded before endings were sealed): a change to that line alone could not be detected.", style: .dim)
        }
        if let line = result.replay?.divergedAt {
            let rest = result.replay?.steps.filter { !$0.replayed }.count ?? 0
            console.paragraph("Replay: line \(line) no longer does what the transcript recorded\(rest > 0 ? "; the \(rest) events after it could not be compared" : "").", style: .urgent)
        } else if result.replay != nil {
            console.line("Replay: every step did what the transcript recorded.")
        }
    }

    private func showOutcome(_ result: TranscriptCheck) {
        guard let replay = result.replay else { return }
        guard replay.completed else {
            console.line("The session was not finished (\(replay.interview.answers.count) answers); there is no recorded outcome to compare.")
            return
        }
        let recorded = result.recorded.map { "\($0.category) (\($0.rules.joined(separator: ", ")))" } ?? "none recorded"
        let now = result.fresh.map { "\($0.category.code) (\($0.fired.map(\.id).joined(separator: ", ")))" } ?? "no rules now"
        console.line()
        console.line(console.paint("Outcome", .heading))
        hanging("  recorded: ", width: 12, recorded)
        hanging("  now:      ", width: 12, now)
        if result.outcomeDiffers {
            console.paragraph("The outcome differs from the one recorded.", indent: 2, style: .urgent)
        } else if result.recorded != nil, result.fresh != nil {
            console.line("  The outcome is the same.")
        }
        if let fresh = result.fresh, let rules = content.rules {
            console.line()
            console.write(AssessmentText.render(fresh, rules: rules, audience: Audience(rawValue: result.document.header?.mode ?? "") ?? .self, style: console.textStyle, width: console.width))
        }
    }

    /// "+1:02.5" for milliseconds after the start.
    static func offset(_ milliseconds: Int64) -> String {
        let tenths = milliseconds / 100
        let seconds = tenths / 10
        let text = "+\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60).\(tenths % 10)"
        return text.count >= 8 ? text : String(repeating: " ", count: 8 - text.count) + text
    }
}

extension Printable {
    /// Typed text with control characters shown as escapes, never sent to
    /// the terminal, and cut at 200 characters.
    static func visibleAnswer(_ text: String) -> String {
        escaped(text, limit: 200)
    }
}
