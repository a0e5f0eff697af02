import InterviewEngine
import LineEditing
import QuestionnaireModel
import Scoring
import TerminalText

/// The REPL: shows each node, reads a line, hands it to the interview, and
/// shows what happened. All terminal input and output of an interview is here.
final class InterviewSession {
    /// How a session stopped.
    enum Ending: Equatable {
        /// Every question on the path was answered.
        case completed
        /// `:quit` ("quit"), or Ctrl-D / the end of piped input ("end-of-input").
        case stopped(reason: String)
        /// A signal: Ctrl-C in a script, SIGTERM or SIGHUP.
        case interrupted(signal: Int32)
    }

    private(set) var interview: Interview
    private let console: Console
    private let keyboard: Keyboard
    private var reader: LineReader { keyboard.reader }
    private var interactive: Bool { keyboard.isInteractive }
    private let view: QuestionView
    private let lexicon: MedicationLexicon
    /// Whether to print each line read, so output from piped input reads like
    /// the session it was (a terminal echoes typing itself).
    private var echoInput: Bool { !keyboard.isTerminal }
    /// Who is at the keyboard: the person themselves, or staff at reception.
    var audience: Audience = .self
    /// The client's reference at reception, shown with every question.
    var client: String?
    /// Called with every step the interview takes.
    var record: (TranscriptEvent) throws -> Void = { _ in }
    /// Called before anything about a step is shown: the events recorded so
    /// far are made durable here (one fsync for an answer and the question
    /// after it), so nothing is acknowledged on screen that is not saved.
    var commit: () throws -> Void = {}
    /// What to say about the last answer, shown once it is saved.
    private var feedback: [() -> Void] = []

    /// Saves what was recorded, then shows what waited for it.
    private func commitAndShowFeedback() throws {
        try commit()
        showFeedback()
    }

    private func showFeedback() {
        for show in feedback { show() }
        feedback.removeAll()
    }

    /// Before the first line is read, nothing on screen acknowledges an
    /// answer: the first page is shown at once and saved while the person
    /// reads it, just before their first line is taken (so the first
    /// question does not wait for the disk). After that, saved, then shown.
    private func saveThenShow(firstRead: Bool) throws {
        if firstRead { showFeedback() } else { try commitAndShowFeedback() }
    }

    init(interview: Interview, console: Console, keyboard: Keyboard, lexicon: MedicationLexicon) {
        self.interview = interview
        self.console = console
        self.keyboard = keyboard
        self.view = QuestionView(console: console)
        self.lexicon = lexicon
    }

    func run() throws -> Ending {
        // What is shown between two prompts (the answer read back, the next
        // question) reaches the screen in one write, just before the prompt.
        console.hold()
        defer { console.sendHeld() }
        var showStep = true
        var firstRead = true
        /// A refused answer, put back on the line at the next read to be mended.
        var refusedText: String?
        loop: while true {
            switch interview.step {
            case .finished:
                break loop
            case .node(let node) where node.kind == .info:
                // Saved with the page after it, in one fsync (an information
                // page asks nothing, so nothing is acknowledged before then),
                // and shown, like all feedback, once saved.
                try record(.asked(node: node.id))
                feedback.append { [console] in
                    console.line()
                    console.paragraph(node.text, style: node.urgent ? .urgent : .plain)
                }
                interview.continuePastInfo()
                showStep = true
                continue
            case .node(let node):
                if showStep {
                    try record(.asked(node: node.id))
                    if interview.skipIfNothingToChoose() {
                        try record(.skipped(node: node.id, raw: nil))
                        continue
                    }
                }
                try saveThenShow(firstRead: firstRead)
                if showStep { view.show(node, in: interview, client: client) }
                reader.completer = Completions.provider(for: node, interview: interview, lexicon: lexicon)
            case .check(let check):
                try saveThenShow(firstRead: firstRead)
                if showStep { console.paragraph(console.words(check.prompt), indent: 2, style: .bold) }
                reader.completer = Completions.replies
            case .review:
                if showStep { try record(.asked(node: Interview.reviewPage)) }
                try saveThenShow(firstRead: firstRead)
                if showStep { showReviewPage() }
                reader.completer = Completions.atReview(interview)
            }
            console.sendHeld()
            if firstRead {
                try commit()
                firstRead = false
            }
            let input = refusedText.map { reader.readLine(prompt: "> ", editing: $0) } ?? reader.readLine(prompt: "> ")
            refusedText = nil
            console.hold()
            switch input {
            case .line(let text):
                // Shown escaped: piped text must not drive the terminal it is echoed to.
                if echoInput { console.line(Printable.escaped(text, limit: 200)) }
                let shown = try respond(to: text)
                showStep = shown.showStep
                refusedText = shown.mend
                if case .command(.quit) = lastResponse {
                    try commitAndShowFeedback()
                    return .stopped(reason: "quit")
                }
            case .interrupted:
                let signal = keyboard.takeSignal() ?? Signals.interrupt
                // After ^C the cursor may still be in the typed text.
                let newLine = reader.endedLineOnTerminal ? "" : "\n"
                if signal == Signals.interrupt, interactive {
                    console.write(newLine + console.paint(console.words("(Cancelled. Type your answer again, or :quit to stop.)"), .dim) + "\n")
                    showStep = false
                    continue
                }
                if !newLine.isEmpty, keyboard.isTerminal { console.write(newLine) }
                try commitAndShowFeedback()
                return .interrupted(signal: signal)
            case .endOfInput where interview.isReviewing && !keyboard.isTerminal:
                // Piped answers that reach the review page have answered
                // everything: the end of the input finishes, as Enter would,
                // so a script need not type the review's Enter.
                console.line(console.paint(console.words("(End of input: finishing with these answers.)"), .dim))
                _ = try respond(to: "")
                if interview.isReviewing {
                    try commitAndShowFeedback()
                    return .stopped(reason: "end-of-input")
                }
                showStep = true
            case .endOfInput:
                try commitAndShowFeedback()
                return .stopped(reason: "end-of-input")
            }
        }
        try commitAndShowFeedback()
        return .completed
    }

    /// Every answer, numbered, before the interview finishes.
    private func showReviewPage() {
        console.line()
        console.line(console.paint(console.words("Before you finish: \(audience.answersOwner.lowercased()) answers"), .bold))
        showNumberedAnswers()
        console.paragraph(console.words("Press Enter to finish, or type :edit and a number to change that answer (for example :edit 3)."), style: .dim)
    }

    /// The answers on the path, numbered as `:edit N` takes them.
    private func showNumberedAnswers() {
        let items = interview.reviewItems
        let width = String(items.count).count
        for item in items {
            let words = item.answer.map { interview.questionnaire.describe($0.value, at: item.node) } ?? console.words("(skipped)")
            let number = String(item.number)
            let label = String(repeating: " ", count: width - number.count) + number
            for (index, line) in TextWrap.fit("\(AnswerSummary.label(for: item.node)): \(words)", width: console.width - width - 4).enumerated() {
                console.line((index == 0 ? "  \(label)  " : String(repeating: " ", count: width + 4)) + line)
            }
        }
    }

    private var lastResponse: Interview.Response?

    /// What to do after a typed line: show the question (or check, or
    /// review page) in full again, and text to put back on the line.
    private struct Shown {
        var showStep: Bool
        var mend: String? = nil
    }

    /// Handles one typed line.
    private func respond(to text: String) throws -> Shown {
        let wasChecking = interview.pendingCheck
        let response = interview.handle(text)
        lastResponse = response
        if let event = TranscriptEvent(response, typed: text) { try record(event) }
        let console = console
        switch response {
        case .accepted(let nodeID, let answer):
            if Command.parse(text) == nil, wasChecking == nil, !text.allSatisfy(\.isWhitespace) { reader.remember(text) }
            if let node = interview.questionnaire.node(nodeID) {
                let words = interview.questionnaire.describe(answer.value, at: node)
                feedback.append { console.line(console.paint(console.styled ? "  ✓ \(words)" : console.words("  Answer: ") + words, .good)) }
            }
            return Shown(showStep: true)
        case .rejected(_, _, let reason):
            if interview.pendingCheck != nil {
                // A yes/no question about what was typed: asked, not a warning.
                return Shown(showStep: true)
            }
            feedback.append { console.paragraph("! " + console.words(reason.message), indent: 2, style: .warning) }
            if let declined = wasChecking, reason.message == declined.declined {
                // No to a check: the question again, from the start.
                return Shown(showStep: true)
            }
            let typed = text.trimmingSpaces()
            let mend = typed.isEmpty || wasChecking != nil ? nil : text
            if mend != nil, interactive {
                // Typing a fresh answer after it would run the two together.
                feedback.append { console.line(console.paint(console.words("  (Your answer is back on the line: change it, or Ctrl-U to start again.)"), .dim)) }
            }
            return Shown(showStep: false, mend: mend)
        case .refused(_, _, let reason):
            feedback.append { console.paragraph("! " + console.words(reason.message), indent: 2, style: .warning) }
            return Shown(showStep: false)
        case .skipped:
            feedback.append { console.line(console.paint(console.words("  (skipped)"), .dim)) }
            return Shown(showStep: true)
        case .wentBack:
            return Shown(showStep: true)
        case .command(let command):
            show(command)
            return Shown(showStep: false)
        }
    }

    private func show(_ command: Command) {
        let node = interview.currentNode
        switch command {
        case .why:
            guard let node else {
                console.paragraph(console.words("This page lists every answer, so you can check them before the summary."), indent: 2)
                return
            }
            console.paragraph(node.why ?? console.words("This helps the massage therapist plan a session that is safe and useful for you."), indent: 2)
        case .help:
            if let node {
                if let help = node.help { console.paragraph(help, indent: 2) }
                console.paragraph(console.words(view.defaultHint(for: node)), indent: 2)
            } else if interview.isReviewing {
                console.paragraph(console.words(Interview.reviewHint), indent: 2)
            }
            console.line(console.words("  Commands:"))
            for command in Command.allCases {
                console.line("    :\(command.rawValue.padding(to: 7)) \(console.words(command.summary))")
            }
            if interview.checks.contains(.review) {
                console.line(console.words("    :edit N  change answer N (as :review numbers them), then carry on here"))
            }
            if interactive { console.line(console.words("    Tab completes names; Up and Down recall earlier answers.")) }
        case .review:
            if interview.reviewItems.isEmpty {
                console.line(console.words("  No answers yet."))
            } else {
                console.line(console.words("  \(audience.answersOwner) answers so far:"))
                showNumberedAnswers()
                if interview.checks.contains(.review) {
                    console.line(console.words("  (Type :edit and a number to change one, or :back for the last one.)"))
                } else {
                    console.line(console.words("  (Type :back to change the last one.)"))
                }
            }
        case .quit, .back, .skip:
            break
        }
    }
}
