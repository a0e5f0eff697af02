import InterviewEngine
import QuestionnaireModel
import Reports
import Scoring
import TerminalText

/// Shows one replayed transcript.
struct ReplayView {
    let console: Console
    let content: Content
    /// The reader's time zone: times are shown on their clock.
    let timeZone: LocalTimeZone
    /// Reads Enter between questions with `--step`; dropped at the end of
    /// input, so Ctrl-D (or the end of a pipe) shows the rest at once.
    var stepper: Keyboard?
    /// Whether a question has been shown yet: the first one needs no Enter.
    private(set) var shownQuestion = false
    /// Whether `q` (or `:quit`) was typed at a step: nothing more is shown.
    private(set) var stoppedByReviewer = false

    var questionnaire: Questionnaire { content.questionnaire.questionnaire }

    /// Which files a session is read with, in words: "questionnaire
    /// massage-intake 1.0.0, rules 1.0.0, medicines list 1.0.0 (the
    /// built-in files of version 1.0.0, kept for the sessions made with them)".
    static func filesUsed(_ content: Content, words w: ProgramWords = ProgramWords()) -> String {
        let files = content.identities
        var words = "\(w.word("questionnaire")) \(shown(files.questionnaire.id ?? "?")) \(shown(files.questionnaire.version ?? "?"))"
        if let rules = files.rules { words += ", \(w.word("rules")) \(shown(rules.version ?? "?"))" }
        words += ", \(w.word("medicines list")) \(shown(files.medications.version ?? "?"))"
        if let kept = content.keptVersion { words += w(" (the built-in files of version \(kept), kept for the sessions made with them)") }
        return words
    }

    mutating func show(_ result: TranscriptCheck) {
        guard let header = result.document.header else { return }
        // Everything from the file is shown escaped: a crafted transcript
        // must not move the cursor of whoever replays it.
        let shown = Self.shown
        let w = console.words
        console.line(console.paint("\(w.word("Session")) \(shown(header.session))", .heading))
        console.line("  \(w.word("started")) \(localTime(header.started)), \(w.word("mode")) \(w.word(header.mode.rawValue))\(header.client.map { ", \(w.word("client")) \(shown($0))" } ?? "")")
        console.line("  \(w.word("questionnaire")) \(shown(header.questionnaire.id ?? "?")) \(shown(header.questionnaire.version ?? "")), \(w.word("recorded by")) \(shown(header.tool))")
        console.line("  \(w.word("replayed with")) \(Self.filesUsed(content, words: w))")
        if result.changes.isEmpty {
            console.line("  " + w("questionnaire, rules and medicines list unchanged since"))
        } else {
            console.paragraph(result.changes.joined(separator: "; ") + " since this session was recorded", indent: 2, style: .warning)
        }
        console.line()
        let mismatchLines = Dictionary(result.stepMismatches.map { ($0.entry.line, $0.mismatch ?? "") }, uniquingKeysWith: { first, _ in first })
        for entry in result.document.entries {
            show(entry, mismatch: mismatchLines[entry.line])
            if stoppedByReviewer {
                // Stopping is like quitting a pager: quiet, unless the record
                // itself has a problem the reviewer has not been shown yet.
                if result.fails {
                    console.paragraph("This record does not check out; see why with the whole replay (without --step).", style: .urgent)
                }
                return
            }
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
                console.line("\(time) " + console.words("(a node \(TextInput.quoted(Self.shown(id))) that the questionnaire no longer has)"))
                break
            }
            if node.kind == .info {
                hanging("\(time) " + console.paint("[\(id)]", .dim) + " ", width: stamp.count + id.count + 4, node.text.firstLine)
            } else {
                if let stepper, shownQuestion {
                    console.write(console.paint(Self.stepPrompt, .dim))
                    let input = stepper.reader.readLine(prompt: "")
                    // A terminal echoes the Enter; a pipe does not.
                    if !stepper.isTerminal { console.line() }
                    switch input {
                    case .line(let typed) where Self.stops(typed):
                        stoppedByReviewer = true
                        return
                    case .line:
                        break
                    default:
                        self.stepper = nil
                    }
                }
                shownQuestion = true
                hanging("\(time) ", width: stamp.count + 1, "Q \(id): \(node.text.oneLine)", style: .bold)
            }
        case .answered(let id, let raw, let value):
            let words = Self.shown(questionnaire.node(id).flatMap { node in AnswerValue(json: value, kind: node.kind).map { questionnaire.describe($0, at: node) } } ?? value.serialized())
            hanging("\(time)   ", width: stamp.count + 3, "> \(Self.shown(raw))")
            hanging("\(time)   ", width: stamp.count + 3, "✓ \(words)", style: .good)
        case .rejected(_, let raw, let reason):
            console.line("\(time)   > \(Self.shown(raw))")
            // Recorded in the engine's English; shown in the session's words.
            console.paragraph("! \(Self.shown(console.words(reason)))", indent: stamp.count + 3, style: .warning)
        case .back(let from, let to):
            console.line("\(time)   \(console.words.word(":back from")) \(Self.shown(from)) \(console.words.word("to")) \(Self.shown(to))")
        case .skipped(let id, let raw):
            console.line("\(time)   \(raw.map { "> \(Self.shown($0)) " } ?? "")(\(console.words.word("skipped")) \(Self.shown(id)))")
        case .paused(let reason):
            console.line("\(time) " + console.paint("-- \(console.words.word("paused")) (\(Self.shown(reason))) --", .dim))
        case .resumed(let tool, let at):
            console.line("\(time) " + console.paint("-- \(console.words.word("resumed on")) \(localTime(at)) \(console.words.word("with")) \(Self.shown(tool)) --", .dim))
        case .completed(let urgent, _):
            console.line("\(time) " + console.paint("-- \(console.words.word("completed"))\(urgent ? console.words.word(" at an urgent stop") : "") --", .dim))
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
        for (index, line) in TextWrap.fit(text, width: console.width - width).enumerated() {
            console.line((index == 0 ? prefix : String(repeating: " ", count: width)) + console.paint(line, style))
        }
    }

    private func showProblems(_ result: TranscriptCheck) {
        for problem in result.document.problems {
            let style: Console.Style = problem.kind == .torn ? .warning : .urgent
            console.paragraph(Printable.escaped("\(result.path): \(problem)"), style: style)
        }
        if result.document.problems.isEmpty {
            console.line(console.words("Hash chain: intact (\(result.document.entries.count) lines)."))
        }
        if let line = result.document.unsealedLastLine {
            console.paragraph(console.words("Line \(line), the last, is not sealed (the session was cut off, or recorded before endings were sealed): a change to that line alone could not be detected."), style: .dim)
        }
        showSignatures(result.signatures)
        if let line = result.replay?.divergedAt {
            let rest = result.replay?.steps.filter { !$0.replayed }.count ?? 0
            console.paragraph(console.words("Replay: line \(line) no longer does what the transcript recorded\(rest > 0 ? "; the \(rest) events after it could not be compared" : "")."), style: .urgent)
        } else if result.replay != nil {
            console.line(console.words("Replay: every step did what the transcript recorded."))
        }
    }

    /// Who signed the session, and whether it checks out; said only when
    /// there is something to say (signatures, or trusted keys to check).
    private func showSignatures(_ signatures: SessionSignatures) {
        guard signatures.verified || !signatures.keyIDs.isEmpty else { return }
        let (words, style): (String, Console.Style) = switch signatures.status {
        case .signed: ("", .good)
        case .notVerified: ("", .plain)
        case .unsigned: ("not signed: ", signatures.verified ? .urgent : .plain)
        case .unknownKey: ("signed by a key that is not trusted: ", .urgent)
        case .altered: ("ALTERED after it was signed: ", .urgent)
        }
        console.paragraph("Signatures: \(words)\(signatures.reason).", style: style)
    }

    private func showOutcome(_ result: TranscriptCheck) {
        guard let replay = result.replay else { return }
        guard replay.completed else {
            console.line(console.words("The session was not finished (\(replay.interview.answers.count) answers); there is no recorded outcome to compare."))
            return
        }
        let scores = content.scores(of: replay.interview)
        if !scores.isEmpty {
            console.line()
            AnswerSummary.show(scores, on: console)
        }
        let w = console.words
        let recorded = result.recorded.map { "\(Self.shown($0.category)) (\($0.rules.map(Self.shown).joined(separator: ", ")))" } ?? w.word("none recorded")
        let now = result.fresh.map { "\($0.category.code) (\($0.fired.map(\.id).joined(separator: ", ")))" } ?? w.word("no rules now")
        console.line()
        console.line(console.paint(w.word("Outcome"), .heading))
        hanging(w.word("  recorded: "), width: 12, recorded)
        hanging(w.word("  now:      "), width: 12, now)
        if result.outcomeDiffers {
            console.paragraph(w("The outcome differs from the one recorded."), indent: 2, style: .urgent)
        } else if result.recorded != nil, result.fresh != nil {
            console.line("  " + w("The outcome is the same."))
        }
        if let fresh = result.fresh, let rules = content.rules {
            console.line()
            console.write(AssessmentText.render(fresh, rules: rules, audience: result.document.header?.mode ?? .self, style: console.textStyle, width: console.width, language: content.questionnaire.variant.language))
        }
    }

    /// A UTC time from the transcript on the reader's clock, with its
    /// offset; as recorded (escaped) when it is not a time intake writes.
    private func localTime(_ recorded: String) -> String {
        guard let readable = timeZone.local(iso8601: recorded)?.readable else { return Self.shown(recorded) }
        return console.words.variant.language == .english ? readable : ReportRenderer.koreanDate(readable) ?? readable
    }

    /// What `--step` shows while it waits between questions.
    static let stepPrompt = "(Enter for the next question, q to stop)"

    /// Whether a line typed at a step stops the replay: `q`, `quit` or
    /// `:quit` (`:q` too), as in a pager or at an interview's prompt.
    static func stops(_ typed: String) -> Bool {
        ["q", "quit", ":q", ":quit"].contains(typed.trimmingSpaces().lowercased())
    }

    /// Text from the file as it may be shown: escaped, and cut at 200 characters.
    static func shown(_ text: String) -> String {
        Printable.escaped(text, limit: 200)
    }

    /// "+1:02.5" for milliseconds after the start.
    static func offset(_ milliseconds: Int64) -> String {
        let tenths = milliseconds / 100
        let seconds = tenths / 10
        let text = "+\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60).\(tenths % 10)"
        return text.count >= 8 ? text : String(repeating: " ", count: 8 - text.count) + text
    }
}
