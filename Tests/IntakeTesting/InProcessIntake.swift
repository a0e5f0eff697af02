import Foundation
import IntakeKit
import LineEditing
import Reports

/// intake's commands run in the test's own process, over memory doubles: a
/// scripted keyboard, a memory screen, transcripts in memory on top of the
/// real files, and a manual clock. What a command prints, and the status it
/// ends with, are what the binary would print and exit with.
///
///     let intake = InProcessIntake()
///     let result = intake.run(SessionOptions(), typing: ["over 50", "2 years", ":quit"])
///     #expect(result.status == 0)
///     let transcript = try #require(intake.transcripts.first)
public final class InProcessIntake {
    public let files: TestFiles
    public let clock: ManualClock
    public let screen: MemoryScreen
    /// The desk key store: empty (no session signed) until `keys(_:)` makes a key.
    public let deskKeys: MemoryDeskKeys
    public var environment: [String: String]
    /// The reader's time zone for reports and replays: UTC unless a test
    /// sets another (a fixed offset; the system's zones, with daylight
    /// saving time, are tried through the binary in `intakeTests`).
    public var timeZone: LocalTimeZone = FixedOffsetZone.utc
    /// The keyboard the next interview gets; set by `run(_:typing:)`.
    public var keyboard: Keyboard?
    /// How much of a long job runs at once: several threads, as the binary
    /// runs it on a machine's cores, unless a test says otherwise.
    public var workers: Workers = ThreadWorkers()
    /// The print system: `lp` installed, printing into memory.
    public lazy var printer = RecordingPrinter(files: files)

    /// Where sessions go unless a test says otherwise: a folder in memory.
    public static let sessions = "/memory/sessions"

    /// A new intake started in `directory` (the package root by default),
    /// with `environment` on top of one that sends sessions to memory.
    public init(
        directory: String = Fixtures.packageRoot, environment: [String: String] = [:], screen: MemoryScreen = MemoryScreen(), clock: ManualClock = ManualClock(),
        deskKeys: MemoryDeskKeys = MemoryDeskKeys()
    ) {
        files = TestFiles(directory: directory)
        self.clock = clock
        self.screen = screen
        self.deskKeys = deskKeys
        self.environment = ["INTAKE_TRANSCRIPTS": Self.sessions, "HOME": Self.home].merging(environment) { $1 }
    }

    /// The home folder in memory, where `keys init` keeps the desk key.
    public static let home = "/memory/home"

    /// The ports of this intake.
    public var ports: Ports {
        let keyboard = self.keyboard
        var ports = Ports(
            files: files, transcripts: files, clock: clock, screen: screen,
            keyboard: { keyboard ?? ScriptedLineReader([]).keyboard() }, environment: environment, program: "intake", deskKeys: deskKeys,
            timeZone: timeZone)
        ports.printing = printer
        ports.workers = workers
        return ports
    }

    /// What a command printed and the status it ended with.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// Runs `body` as a command: an error is reported as the binary reports
    /// it, and becomes its exit status. Output is what was written since
    /// the last command.
    public func command(_ body: (Ports) throws -> Void) -> Result {
        let outputBefore = screen.output.utf8.count
        let errorBefore = screen.error.utf8.count
        let console = Console(screen: screen, plain: true, environment: [:])
        var status = ExitStatus.ok
        do {
            try body(ports)
        } catch {
            if let known = ExitStatus.reporting(error, on: console) {
                status = known
            } else {
                console.error("\(error)")
                status = .badInput
            }
        }
        return Result(
            status: status.rawValue,
            output: String(decoding: screen.output.utf8.dropFirst(outputBefore), as: UTF8.self),
            error: String(decoding: screen.error.utf8.dropFirst(errorBefore), as: UTF8.self))
    }

    // MARK: - Commands

    /// `intake run`, answered by `reader` (a pipe unless `interactive`).
    /// Read from a pipe, each prompt is written to the output before its
    /// line, as the binary's plain line reader writes it; at a terminal the
    /// line editor's drawing is not shown.
    public func run(_ options: SessionOptions, reader: ScriptedLineReader, interactive: Bool = false) -> Result {
        reader.promptScreen = interactive ? nil : screen
        keyboard = reader.keyboard(interactive: interactive)
        return command { ports in
            var runner = try SessionRunner(options: options, ports: ports)
            try runner.run()
        }
    }

    /// `intake run`, with `lines` typed (or piped) one after another.
    public func run(_ options: SessionOptions = SessionOptions(), typing lines: [String]) -> Result {
        run(options, reader: ScriptedLineReader(lines: lines))
    }

    /// `intake run` with `text` piped in, read as `PlainLineReader` reads a pipe.
    public func run(_ options: SessionOptions = SessionOptions(), piping text: String) -> Result {
        run(options, reader: ScriptedLineReader(pipedBytes: Array(text.utf8)))
    }

    public func score(_ options: AnswerFileScoring.Options) -> Result {
        command { try AnswerFileScoring.run(options, ports: $0) }
    }

    /// `intake replay`; with `--step`, Enter is read from `reader`, which
    /// writes its prompts to the output as the binary's plain reader does.
    public func replay(_ options: Replay.Options, stepping reader: ScriptedLineReader? = nil) -> Result {
        reader?.promptScreen = screen
        return command { try Replay.run(options, ports: $0, stepper: reader?.keyboard()) }
    }

    public func report(_ options: SessionReport.Options) -> Result {
        command { try SessionReport.run(options, ports: $0) }
    }

    public func sessions(_ options: SessionList.Options = SessionList.Options()) -> Result {
        command { try SessionList.run(options, ports: $0) }
    }

    public func validate(_ options: Validation.Options) -> Result {
        command { try Validation.run(options, ports: $0) }
    }

    public func export(_ options: Export.Options) -> Result {
        command { try Export.run(options, ports: $0) }
    }

    public func convert(_ options: Conversion.Options) -> Result {
        command { try Conversion.run(options, ports: $0) }
    }

    /// The formats of `intake graph`.
    public enum GraphFormat: Sendable {
        case dot, mermaid
    }

    /// `intake graph [FILE] --format F`: the flow of `file` (the built-in
    /// questionnaire when nil) drawn by `FlowChart`. The graph command is the
    /// executable's and does just this; `CommandLineTests` holds the two to
    /// the same output.
    public func graph(_ file: String? = nil, format: GraphFormat = .dot) -> Result {
        command { ports in
            let questionnaire = try QuestionnaireFile.load(file, files: ports.files).questionnaire
            let console = Console(screen: ports.screen, plain: true, environment: ports.environment)
            console.write(format == .dot ? FlowChart.dot(questionnaire) : FlowChart.mermaid(questionnaire))
        }
    }

    // MARK: - Transcripts

    /// The transcripts written in the sessions folder, oldest first.
    public var transcripts: [String] {
        files.transcripts(in: environment["INTAKE_TRANSCRIPTS"] ?? Self.sessions)
    }

    /// The text of a transcript (or any file written in memory).
    public func text(_ path: String) -> String {
        files.text(path) ?? ""
    }
}
