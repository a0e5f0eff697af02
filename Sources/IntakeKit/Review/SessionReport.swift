import InterviewEngine
import QuestionnaireModel
import Reports
import TerminalText

/// `intake report`: a one-page summary of a session for the therapist,
/// made from its transcript with today's rules; or a client's latest
/// session (or all of them) found by the client reference.
public enum SessionReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, json, pdf
    }

    public struct Options: Sendable {
        /// The transcript; nil when the session is found by `client`.
        public var transcript: String?
        public var format: Format = .text
        /// A file to write (readable by its owner only) instead of printing.
        public var output: String?
        public var questionnaire: String?
        public var rules: String?
        /// Find the session by the client reference given at reception
        /// (upper or lower case alike): the latest, or all with `all`.
        public var client: String?
        public var all = false
        /// The folder to look in with `client` (`--transcripts`); the
        /// folder `intake run` uses when nil.
        public var transcripts: String?
        /// The paper of the HTML and PDF page; from the environment when nil.
        public var paper: Paper?
        /// The language of the report (`--lang`); nil: the session's.
        public var language: Language?

        public init(
            transcript: String? = nil, format: Format = .text, output: String? = nil, questionnaire: String? = nil, rules: String? = nil,
            client: String? = nil, all: Bool = false, transcripts: String? = nil, paper: Paper? = nil
        ) {
            self.transcript = transcript
            self.format = format
            self.output = output
            self.questionnaire = questionnaire
            self.rules = rules
            self.client = client
            self.all = all
            self.transcripts = transcripts
            self.paper = paper
        }
    }

    /// Makes the report. What is wrong with the record (damage, tampering,
    /// a replay or outcome that differs today) is said on standard error
    /// and at the top of the report itself.
    public static func run(_ options: Options, ports: Ports) throws {
        let console = Console(screen: ports.screen, plain: false, environment: ports.environment)
        if options.format == .pdf, options.output == nil, ports.screen.isTerminal {
            throw UserFacingError("a PDF is not for the screen: write it to a file with --output NAME.pdf")
        }
        let paper = try options.paper ?? Paper.preferred(environment: ports.environment)
        let paths: [String]
        if let client = options.client {
            paths = try ClientSessions.find(client, in: SessionOptions(transcripts: options.transcripts).transcriptFolder(environment: ports.environment),
                                            all: options.all, files: ports.files)
        } else if let transcript = options.transcript {
            paths = [transcript]
        } else {
            throw UserFacingError("name a transcript (intake report FILE), or a client with --client REF")
        }
        var reports: [ReportData] = []
        for path in paths {
            var data = try Self.data(transcript: path, questionnaire: options.questionnaire, rules: options.rules, language: options.language, ports: ports, console: console)
            data.paper = paper
            reports.append(data)
        }
        let width = options.output == nil ? console.width : 80
        let bytes: [UInt8]
        switch options.format {
        case .text:
            let separator = "\n" + String(repeating: "-", count: min(width, 72)) + "\n\n"
            bytes = Array(reports.map { ReportRenderer.text($0, width: width) }.joined(separator: separator).utf8)
        case .markdown:
            bytes = Array(reports.map(ReportRenderer.markdown).joined(separator: "\n---\n\n").utf8)
        case .html:
            bytes = Array(ReportRenderer.html(reports: reports).utf8)
        case .json:
            let json = reports.count == 1 && !options.all ? ReportRenderer.json(reports[0]) : .array(reports.map(ReportRenderer.json))
            bytes = Array(json.prettyPrinted().utf8)
        case .pdf:
            bytes = try pdf(ReportRenderer.html(reports: reports), ports: ports)
        }
        guard let output = options.output else {
            ports.screen.send(bytes, to: .output)
            return
        }
        try ports.files.writePrivately(bytes, to: output)
    }

    /// The report of the transcript at `path`, as `intake report` makes it:
    /// replayed with today's files, problems with the record said on
    /// standard error and kept in `recordProblems`, the start time on the
    /// local clock.
    static func data(transcript path: String, questionnaire: String?, rules: String?, language: Language? = nil, ports: Ports, console: Console) throws -> ReportData {
        let bytes = try ports.files.read(path, limit: TranscriptDocument.maxBytes)
        let content = try Content.load(forTranscript: bytes, questionnaire: questionnaire, rules: rules, files: ports.files)
            .worded(forTranscript: bytes, language: language, files: ports.files) { console.line($0, to: .error) }
        let result = TranscriptCheck(path: path, bytes: bytes, content: content, clock: ports.clock)
        guard let header = result.document.header else {
            throw UserFacingError("\(path): not an intake transcript (\(result.document.problems.first?.description ?? "no header"))")
        }
        guard let replay = result.replay else {
            throw UserFacingError("\(path): this session used the questionnaire '\(header.questionnaire.id ?? "?")', not '\(content.questionnaire.questionnaire.id)': pass it with --questionnaire")
        }
        var problems = result.document.problems.filter { $0.kind != .torn }.map { Printable.escaped($0.description) }
        for problem in result.document.problems {
            console.error(Printable.escaped("\(path): warning: \(problem)"))
        }
        if let line = replay.divergedAt {
            console.error("\(path): warning: line \(line) no longer replays as recorded; the report shows the answers up to there")
            problems.append("line \(line) no longer replays as recorded, so the answers stop there")
        }
        if result.outcomeDiffers {
            console.error("\(path): warning: today's rules give a different outcome from the one recorded; the report shows today's")
            problems.append("today's rules give a different outcome from the one recorded; this report shows today's")
        }
        var data = ReportData(
            interview: replay.interview, assessment: content.assess(replay.interview), rules: content.rules, audience: header.mode,
            started: header.started, client: header.client, completed: replay.completed)
        data.recordProblems = problems
        data.language = content.questionnaire.variant.language
        data.scores = content.scores(of: replay.interview)
        data.startedLocal = ports.timeZone.local(header.startedMilliseconds)
        return data
    }

    /// The page printed to PDF by the browser.
    static func pdf(_ html: String, ports: Ports) throws -> [UInt8] {
        guard let browser = ports.browser else {
            throw UserFacingError("making a PDF needs a web browser, and none is available here: use --format html and print it from a browser")
        }
        do {
            return try browser.pdf(fromHTML: Array(html.utf8))
        } catch .notInstalled(let package) {
            throw UserFacingError("making a PDF needs the Chromium browser, which is not installed: install it with: sudo apt-get install \(package) (or use --format html and print the page from any browser)")
        } catch .failed(let reason) {
            throw UserFacingError("the browser could not make the PDF (\(Printable.escaped(reason, limit: 300))): try again, or use --format html and print the page from a browser")
        }
    }
}

extension Paper {
    /// The paper from `INTAKE_PAPER` (`a4` or `letter`), else the locale's
    /// (`LC_ALL`, `LC_PAPER`, `LANG`: Letter in the United States, Canada,
    /// Mexico and the other countries that use it), else A4.
    public static func preferred(environment: [String: String]) throws -> Paper {
        if let chosen = environment["INTAKE_PAPER"], !chosen.isEmpty {
            guard let paper = Paper(rawValue: chosen.lowercased()) else {
                throw UserFacingError("INTAKE_PAPER: '\(Printable.escaped(chosen, limit: 40))' is not a paper size: use a4 or letter")
            }
            return paper
        }
        for variable in ["LC_ALL", "LC_PAPER", "LANG"] {
            guard let locale = environment[variable], !locale.isEmpty else { continue }
            // "en_US.UTF-8" -> "US"
            let territory = locale.split(separator: ".").first?.split(separator: "_").dropFirst().first.map { String($0.prefix(2)) }
            return territory.map(letterTerritories.contains) == true ? .letter : .a4
        }
        return .a4
    }

    /// Where Letter is the usual paper (glibc's LC_PAPER data).
    static let letterTerritories: Set<String> = ["US", "CA", "MX", "PR", "PH", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE", "DO", "BZ"]
}
