import ArgumentParser
import InterviewEngine
import LineEditing
import QuestionnaireModel
import Reports
import Scoring
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `intake run`: the interview, typed at a terminal, piped in, or read from
/// an answer file.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the intake interview (the default when no subcommand is given).",
        discussion: """
            At a terminal the interview uses line editing: Tab completes names, Up and \
            Down recall this session's answers (never saved to a history file), Ctrl-C \
            cancels the line being typed, Ctrl-D stops. Commands: :back, :skip (optional \
            questions), :review, :why, :help, :quit.

            With input from a pipe, each line is one answer, so an interview can be \
            scripted: printf '18-50\\n2 years\\n...' | intake run
            """
    )

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Run this questionnaire instead of the built-in one.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var questionnaire: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Take the answers from a JSON file keyed by question id, asking nothing.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var answers: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The rules to score with (default: the rules beside the questionnaire).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var rules: String?

    @ArgumentParser.Option(name: .long, help: "self: a person answers for themselves; reception: staff interview a client.")
    var mode: Audience = .self

    @Flag(name: .long, help: "Plain output: no colour, no cursor movement, no line editing (for screen readers).")
    var plain = false

    func run() throws {
        let environment = Environment.current
        let console = Console(plain: plain, environment: environment)
        let content = try Content.load(questionnaire: questionnaire, rules: rules, requireRules: false)
        let file = content.questionnaire
        var interview = Interview(questionnaire: file.questionnaire)

        if let answersPath = answers {
            let answerFile: AnswerFile
            do {
                answerFile = try AnswerFile(try Files.read(answersPath), file: answersPath, questionnaire: file.questionnaire)
            } catch let error as DiagnosticError {
                throw DiagnosticsFound(diagnostics: error.diagnostics)
            }
            if let problem = try answerFile.run(&interview) {
                throw DiagnosticsFound(diagnostics: [problem])
            }
            Summary.show(interview, on: console)
            showAssessment(for: interview, content: content, console: console)
            return
        }

        Signals.install()
        var reader: LineReader = PlainLineReader()
        var interactive = false
        if !plain, Terminal.isTerminal(0), Terminal.isTerminal(1), let editor = EditLineReader() {
            reader = editor
            interactive = true
        }
        console.line(console.paint(file.questionnaire.title, .heading))
        let session = InterviewSession(
            interview: interview, console: console, reader: reader, interactive: interactive,
            medicationNames: content.lexicon.names)
        session.echoInput = !Terminal.isTerminal(0)
        let ending = try session.run()
        switch ending {
        case .completed:
            Summary.show(session.interview, on: console)
            showAssessment(for: session.interview, content: content, console: console)
        case .stopped:
            console.line()
            console.paragraph("Stopped before the end. Your answers were not saved: saving sessions so they can be resumed is not available yet.")
        case .interrupted(let signal):
            console.line()
            console.paragraph("Interrupted (\(Signals.name(of: signal))). Your answers were not saved.", to: .error)
            throw ExitWith(status: .interrupted)
        }
    }
}

extension RunCommand {
    /// The massage-fit assessment at the end of an interview.
    func showAssessment(for interview: Interview, content: Content, console: Console) {
        console.line()
        guard let rules = content.rules else {
            console.paragraph("There are no rules beside this questionnaire, so no assessment is given.")
            return
        }
        let answers = AnswerSet(questionnaire: interview.questionnaire, answers: interview.answers, skipped: interview.skipped)
        let assessment = Assessment.assess(answers, rules: rules, lexicon: content.lexicon)
        console.write(AssessmentText.render(assessment, rules: rules, audience: mode, style: console.textStyle, width: console.width))
    }
}

/// The process environment, read once.
enum Environment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let separator = text.firstIndex(of: "=") {
                result[String(text[..<separator])] = String(text[text.index(after: separator)...])
            }
            pointer += 1
        }
        return result
    }
}

