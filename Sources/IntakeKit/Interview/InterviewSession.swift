import InterviewEngine
import LineEditing
import QuestionnaireModel
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
    private let medicationNames: [String]
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
        for show in feedback { show() }
        feedback.removeAll()
    }

    init(interview: Interview, console: Console, keyboard: Keyboard, medicationNames: [String]) {
        self.interview = interview
        self.console = console
        self.keyboard = keyboard
        self.view = QuestionView(console: console)
        self.medicationNames = medicationNames
    }

    func run() throws -> Ending {
        // What is shown between two prompts (the answer read back, the next
        // question) reaches the screen in one write, just before the prompt.
        console.hold()
        defer { console.sendHeld() }
        var showQuestion = true
        while let node = interview.currentNode {
            if node.kind == .info {
                // Saved with the page after it, in one fsync (an information
                // page asks nothing, so nothing is acknowledged before then),
                // and shown, like all feedback, once saved.
                try record(.asked(node: node.id))
                feedback.append { [console] in
                    console.line()
                    console.paragraph(node.text, style: node.urgent ? .urgent : .plain)
                }
                interview.continuePastInfo()
                showQuestion = true
                continue
            }
            if showQuestion {
                try record(.asked(node: node.id))
                if interview.skipIfNothingToChoose() {
                    try record(.skipped(node: node.id, raw: nil))
                    continue
                }
            }
            try commitAndShowFeedback()
            if showQuestion { view.show(node, in: interview, client: client) }
            reader.completer = Completions.provider(for: node, options: interview.currentOptions, medicationNames: medicationNames)
            console.sendHeld()
            let input = reader.readLine(prompt: "> ")
            console.hold()
            switch input {
            case .line(let text):
                // Shown escaped: piped text must not drive the terminal it is echoed to.
                if echoInput { console.line(Printable.escaped(text, limit: 200)) }
                showQuestion = try respond(to: text)
                if case .command(.quit) = lastResponse {
                    try commitAndShowFeedback()
                    return .stopped(reason: "quit")
                }
            case .interrupted:
                let signal = keyboard.takeSignal() ?? Signals.interrupt
                if signal == Signals.interrupt, interactive {
                    console.line(console.paint("(Cancelled. Type your answer again, or :quit to stop.)", .dim))
                    showQuestion = false
                    continue
                }
                try commitAndShowFeedback()
                return .interrupted(signal: signal)
            case .endOfInput:
                try commitAndShowFeedback()
                return .stopped(reason: "end-of-input")
            }
        }
        try commitAndShowFeedback()
        return .completed
    }

    private var lastResponse: Interview.Response?

    /// Handles one typed line; returns whether the question should be shown in full again.
    private func respond(to text: String) throws -> Bool {
        let response = interview.handle(text)
        lastResponse = response
        if let event = TranscriptEvent(response, typed: text) { try record(event) }
        switch response {
        case .accepted(let nodeID, let answer):
            if Command.parse(text) == nil, !text.allSatisfy(\.isWhitespace) { reader.remember(text) }
            if let node = interview.questionnaire.node(nodeID) {
                let words = interview.questionnaire.describe(answer.value, at: node)
                let console = console
                feedback.append { console.line(console.paint(console.styled ? "  ✓ \(words)" : "  Answer: \(words)", .good)) }
            }
            return true
        case .rejected(_, _, let reason), .refused(_, _, let reason):
            let console = console
            feedback.append { console.paragraph("! " + reason.message, indent: 2, style: .warning) }
            return false
        case .skipped:
            let console = console
            feedback.append { console.line(console.paint("  (skipped)", .dim)) }
            return true
        case .wentBack:
            return true
        case .command(let command):
            show(command)
            return false
        }
    }

    private func show(_ command: Command) {
        guard let node = interview.currentNode else { return }
        switch command {
        case .why:
            console.paragraph(node.why ?? "This helps the massage therapist plan a session that is safe and useful for you.", indent: 2)
        case .help:
            if let help = node.help { console.paragraph(help, indent: 2) }
            console.paragraph(view.defaultHint(for: node), indent: 2)
            console.line("  Commands:")
            for command in Command.allCases {
                console.line("    :\(command.rawValue.padding(to: 7)) \(command.summary)")
            }
            if interactive { console.line("    Tab completes names; Up and Down recall earlier answers.") }
        case .review:
            let answered = interview.answeredInOrder
            if answered.isEmpty {
                console.line("  No answers yet.")
            } else {
                console.line("  \(audience.answersOwner) answers so far:")
                for (answeredNode, answer) in answered {
                    let words = interview.questionnaire.describe(answer.value, at: answeredNode)
                    console.paragraph("- \(AnswerSummary.label(for: answeredNode)): \(words)", indent: 4)
                }
                console.line("  (Type :back to change the last one.)")
            }
        case .quit, .back, .skip:
            break
        }
    }
}
