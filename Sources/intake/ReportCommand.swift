import ArgumentParser
import InterviewEngine
import QuestionnaireModel
import TerminalText
import Reports
import Scoring
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `intake report`: a one-page summary of a session for the therapist.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A one-page summary of a session for the massage therapist.",
        discussion: """
            The answers grouped by section, the assessment with its reasons, the points \
            to discuss and the disclaimer. HTML is one self-contained printable file with \
            a body outline of the painful areas. The assessment is made with today's \
            rules from the answers replayed out of the transcript.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html, json
    }

    @Argument(help: ArgumentHelp("A transcript (.jsonl).", valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var transcript: String

    @ArgumentParser.Option(name: .long, help: "text, markdown, html or json.")
    var format: Format = .text

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Write the report to this file (created readable by you only) instead of printing it.", valueName: "file"))
    var output: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The questionnaire the session used (default: the built-in one).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var questionnaire: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The rules to assess with (default: the rules beside the questionnaire).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var rules: String?

    func run() throws {
        let console = Console(plain: false, environment: Environment.current)
        let bytes = try Files.read(transcript, limit: TranscriptDocument.maxBytes)
        let content = try Content.load(forQuestionnaire: Content.questionnaireID(ofTranscript: bytes), questionnaire: questionnaire, rules: rules)
        let result = TranscriptCheck(path: transcript, bytes: bytes, content: content)
        guard let header = result.document.header else {
            throw UserFacingError("\(transcript): not an intake transcript (\(result.document.problems.first?.description ?? "no header"))")
        }
        guard let replay = result.replay else {
            throw UserFacingError("\(transcript): this session used the questionnaire '\(header.questionnaire.id ?? "?")', not '\(content.questionnaire.questionnaire.id)': pass it with --questionnaire")
        }
        var problems = result.document.problems.filter { $0.kind != .torn }.map { Printable.escaped($0.description) }
        for problem in result.document.problems {
            Intake.printError(Printable.escaped("\(transcript): warning: \(problem)"))
        }
        if let line = replay.divergedAt {
            Intake.printError("\(transcript): warning: line \(line) no longer replays as recorded; the report shows the answers up to there")
            problems.append("line \(line) no longer replays as recorded, so the answers stop there")
        }
        if result.outcomeDiffers {
            Intake.printError("\(transcript): warning: today's rules give a different outcome from the one recorded; the report shows today's")
            problems.append("today's rules give a different outcome from the one recorded; this report shows today's")
        }
        var data = ReportBuilding.data(
            for: replay.interview, content: content, audience: Audience(rawValue: header.mode) ?? .self,
            started: header.started, client: header.client, completed: replay.completed)
        data.recordProblems = problems
        let text: String = switch format {
        case .text: ReportRenderer.text(data, width: output == nil ? console.width : 80)
        case .markdown: ReportRenderer.markdown(data)
        case .html: ReportRenderer.html(data)
        case .json: ReportRenderer.json(data).prettyPrinted()
        }
        guard let output else {
            console.write(text)
            return
        }
        try Self.writePrivately(text, to: output)
    }

    /// Writes a health-data file readable by its owner only.
    static func writePrivately(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw UserFacingError("\(path): cannot write the report: \(Files.reason(errno))") }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw UserFacingError("\(path): cannot write the report: \(Files.reason(errno))")
            }
            offset += written
        }
    }
}
