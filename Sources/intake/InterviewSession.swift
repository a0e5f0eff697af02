import InterviewEngine
import LineEditing
import QuestionnaireModel

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
    private let reader: LineReader
    private let view: QuestionView
    private let interactive: Bool
    private let medicationNames: [String]
    /// Whether to print each line read, so output from piped input reads like
    /// the session it was (a terminal echoes typing itself).
    var echoInput = false
    /// Called with every step the interview takes, before anything is shown
    /// about it: the transcript is written here, so nothing is acknowledged
    /// on screen that is not saved.
    var record: (TranscriptEvent) throws -> Void = { _ in }

    init(interview: Interview, console: Console, reader: LineReader, interactive: Bool, medicationNames: [String]) {
        self.interview = interview
        self.console = console
        self.reader = reader
        self.view = QuestionView(console: console)
        self.interactive = interactive
        self.medicationNames = medicationNames
    }

    func run() throws -> Ending {
        var showQuestion = true
        while let node = interview.currentNode {
            if node.kind == .info {
                try record(.asked(node: node.id))
                console.line()
                console.paragraph(node.text, style: node.urgent ? .urgent : .plain)
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
                view.show(node, in: interview)
            }
            reader.completer = Completions.provider(for: node, options: interview.currentOptions, medicationNames: medicationNames)
            let input = reader.readLine(prompt: "> ")
            switch input {
            case .line(let text):
                if echoInput { console.line(text) }
                showQuestion = try respond(to: text)
                if case .command(.quit) = lastResponse { return .stopped(reason: "quit") }
            case .interrupted:
                let signal = Signals.takePending() ?? Signals.interrupt
                if signal == Signals.interrupt, interactive {
                    console.line(console.paint("(Cancelled. Type your answer again, or :quit to stop.)", .dim))
                    showQuestion = false
                    continue
                }
                return .interrupted(signal: signal)
            case .endOfInput:
                return .stopped(reason: "end-of-input")
            }
        }
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
                console.line(console.paint(console.styled ? "  ✓ \(words)" : "  Answer: \(words)", .good))
            }
            return true
        case .rejected(_, _, let reason), .refused(_, _, let reason):
            console.paragraph("! " + reason.message, indent: 2, style: .warning)
            return false
        case .skipped:
            console.line(console.paint("  (skipped)", .dim))
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
                console.line("  Your answers so far:")
                for (answeredNode, answer) in answered {
                    let words = interview.questionnaire.describe(answer.value, at: answeredNode)
                    console.paragraph("- \(Summary.label(for: answeredNode)): \(words)", indent: 4)
                }
                console.line("  (Type :back to change the last one.)")
            }
        case .quit, .back, .skip:
            break
        }
    }
}
