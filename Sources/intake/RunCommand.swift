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
/// an answer file; every session is kept as a transcript.
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

            Every answer is saved to a transcript (JSON Lines, 0600) before the next \
            question appears; a stopped session continues with --resume.
            """
    )

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Run this questionnaire instead of the built-in one.", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var questionnaire: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The rules to score with (default: the rules beside the questionnaire).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var rules: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Take the answers from a JSON file keyed by question id, asking nothing.", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var answers: String?

    @ArgumentParser.Option(name: .long, help: "self: a person answers for themselves; reception: staff interview one client after another.")
    var mode: Audience = .self

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("A reference for the (first) client, kept inside the transcript only.", valueName: "ref"))
    var client: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Where transcripts go (default: $INTAKE_TRANSCRIPTS, else ./Transcripts/sessions).", valueName: "dir"),
                           completion: .directory)
    var transcripts: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Continue an unfinished session from its transcript.", valueName: "file"),
                           completion: .file(extensions: ["jsonl"]))
    var resume: String?

    @Flag(name: .long, help: "With --resume: continue even if the questionnaire or rules changed since.")
    var force = false

    @Flag(name: .long, help: "Plain output: no colour, no cursor movement, no line editing (for screen readers).")
    var plain = false

    func validate() throws {
        if let client {
            if case .failure(let problem) = ClientReference.check(client) {
                throw ValidationError("--client: \(problem)")
            }
        }
        if resume != nil, answers != nil { throw ValidationError("--resume and --answers cannot be used together") }
        if client != nil, mode != .reception { throw ValidationError("--client is for --mode reception") }
    }

    func run() throws {
        try RunOptions(
            questionnaire: questionnaire, rules: rules, answers: answers, mode: mode, client: client,
            transcripts: transcripts, resume: resume, force: force, plain: plain
        ).run()
    }
}

/// What `intake run` was asked to do, as plain values: `intake` with no
/// arguments at all runs with the defaults without the argument parser.
struct RunOptions {
    var questionnaire: String?
    var rules: String?
    var answers: String?
    var mode: Audience = .self
    var client: String?
    var transcripts: String?
    var resume: String?
    var force = false
    var plain = false

    func run() throws {
        let environment = Environment.current
        let console = Console(plain: plain, environment: environment)
        // A transcript to resume is read once, so one given as a pipe works too.
        let resumeBytes = try resume.map { try Files.read($0, limit: TranscriptDocument.maxBytes) }
        let content = try resumeBytes.map { try Content.load(forQuestionnaire: Content.questionnaireID(ofTranscript: $0), questionnaire: questionnaire, rules: rules) }
            ?? Content.load(questionnaire: questionnaire, rules: rules, requireRules: false)
        var runner = SessionRunner(options: self, content: content, console: console, environment: environment)
        if let resume, let resumeBytes {
            try runner.resume(resume, bytes: resumeBytes)
        } else if let answers {
            try runner.runAnswerFile(answers)
        } else if mode == .reception {
            try runner.runReception(firstClient: client)
        } else {
            try runner.runInteractive(client: nil)
        }
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

/// Client references typed at reception: short, and never able to name a
/// file or move the cursor.
enum ClientReference {
    static let maxLength = 64

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func check(_ reference: String) -> Result<String, Problem> {
        if reference.isEmpty { return .failure(Problem(description: "a client reference cannot be empty")) }
        if reference.count > maxLength { return .failure(Problem(description: "a client reference is at most \(maxLength) characters")) }
        for scalar in reference.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                return .failure(Problem(description: "a client reference cannot hold control characters"))
            }
            if scalar == "/" || scalar == "\\" {
                return .failure(Problem(description: "a client reference cannot hold '/' or '\\'"))
            }
        }
        if reference == "." || reference == ".." || reference.hasPrefix(" ") || reference.hasSuffix(" ") {
            return .failure(Problem(description: "'\(reference)' is not a usable client reference"))
        }
        return .success(reference)
    }
}
