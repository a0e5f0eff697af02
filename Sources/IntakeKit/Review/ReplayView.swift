import InterviewEngine
import QuestionnaireModel
import Reports
import Scoring
import TerminalText

/// Shows one replayed transcript.
struct ReplayView {
    let console: Console
    let content: Content
    /// Reads Enter between questions with `--step`; dropped at the end of
    /// input, so Ctrl-D (or the end of a pipe) shows the rest at once.
    var stepper: Keyboard?
    /// Whether a question has been shown yet: the first one needs no Enter.
    private(set) var shownQuestion = false

    var questionnaire: Questionnaire { content.questionnaire.questionnaire }

    mutating func show(_ result: TranscriptCheck) {
        guard let header = result.document.header else { return }
        // Everything from the file is shown escaped: a crafted transcript
        // must not move the cursor of whoever replays it.
        let shown = Self.shown
        console.line(console.paint("Session \(shown(header.session))", .heading))
        console.line("  started \(shown(header.started)) (UTC), mode \(header.mode.rawValue)\(header.client.map { ", client \(shown($0))" } ?? "")")
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
                console.line("\(time) (a node \(TextInput.quoted(Self.shown(id))) that the questionnaire no longer has)")
                break
            }
            if node.kind == .info {
                hanging("\(time) " + console.paint("[\(id)]", .dim) + " ", width: stamp.count + id.count + 4, node.text.firstLine)
            } else {
                if let stepper, shownQuestion {
                    console.write(console.paint("(Enter for the next question)", .dim))
                    let input = stepper.reader.readLine(prompt: "")
                    // A terminal echoes the Enter; a pipe does not.
                    if !stepper.isTerminal { console.line() }
                    if case .line = input {} else { self.stepper = nil }
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
            console.paragraph("! \(Self.shown(reason))", indent: stamp.count + 3, style: .warning)
        case .back(let from, let to):
            console.line("\(time)   :back from \(Self.shown(from)) to \(Self.shown(to))")
        case .skipped(let id, let raw):
            console.line("\(time)   \(raw.map { "> \(Self.shown($0)) " } ?? "")(skipped \(Self.shown(id)))")
        case .paused(let reason):
            console.line("\(time) " + console.paint("-- paused (\(Self.shown(reason))) --", .dim))
        case .resumed(let tool, let at):
            console.line("\(time) " + console.paint("-- resumed at \(Self.shown(at)) with \(Self.shown(tool)) --", .dim))
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
            console.line("Hash chain: intact (\(result.document.entries.count) lines).")
        }
        if let line = result.document.unsealedLastLine {
            console.paragraph("Line \(line), the last, is not sealed (the session was cut off, or recorded before endings were sealed): a change to that line alone could not be detected.", style: .dim)
        }
        showSignatures(result.signatures)
        if let line = result.replay?.divergedAt {
            let rest = result.replay?.steps.filter { !$0.replayed }.count ?? 0
            console.paragraph("Replay: line \(line) no longer does what the transcript recorded\(rest > 0 ? "; the \(rest) events after it could not be compared" : "").", style: .urgent)
        } else if result.replay != nil {
            console.line("Replay: every step did what the transcript recorded.")
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
            console.line("The session was not finished (\(replay.interview.answers.count) answers); there is no recorded outcome to compare.")
            return
        }
        let recorded = result.recorded.map { "\(Self.shown($0.category)) (\($0.rules.map(Self.shown).joined(separator: ", ")))" } ?? "none recorded"
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
            console.write(AssessmentText.render(fresh, rules: rules, audience: result.document.header?.mode ?? .self, style: console.textStyle, width: console.width))
        }
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
