import FHIR
import QuestionnaireModel
import Reports
import Scoring
import Synchronization
import TerminalText

/// `intake validate`: every check of the loaders, warnings a questionnaire
/// author should see, and statistics of the flow.
public struct Validation {
    public struct Options: Sendable {
        /// Questionnaire, rules or medicines files.
        public var files: [String]
        /// Warnings fail too (exit 1).
        public var strict = false
        public var json = false
        /// The questionnaire that rules files belong to.
        public var questionnaire: String?

        public init(files: [String], strict: Bool = false, json: Bool = false, questionnaire: String? = nil) {
            self.files = files
            self.strict = strict
            self.json = json
            self.questionnaire = questionnaire
        }
    }

    let options: Options
    let files: FileSystem

    public init(options: Options, files: FileSystem) {
        self.options = options
        self.files = files
    }

    /// Checks every file and prints the findings (or JSON); throws exit
    /// status 2 when a file has errors, 1 with `strict` when any has warnings.
    /// The reports of the last validation (see `run`).
    private static let lastReports = Mutex<KeptReports?>(nil)

    /// Reports held only to be freed later: never read again.
    private final class KeptReports: @unchecked Sendable {
        let reports: [FileReport]
        init(_ reports: [FileReport]) { self.reports = reports }
    }

    public static func run(_ options: Options, ports: Ports) throws {
        let console = Console(screen: ports.screen, plain: false, environment: ports.environment)
        let validation = Validation(options: options, files: ports.files)
        let reports = validation.check()
        // Kept, not freed here: a command ends right after, and freeing a
        // 100,000-node questionnaire and its review piece by piece took a
        // tenth of validate's time. The next validation frees them.
        lastReports.withLock { $0 = KeptReports(reports) }
        if options.json {
            console.write(Self.json(reports).prettyPrinted())
        } else {
            for report in reports { report.show(on: console) }
        }
        if reports.contains(where: { !$0.errors.isEmpty }) { throw ExitWith(status: .badInput) }
        if options.strict, reports.contains(where: { !$0.warnings.isEmpty }) { throw ExitWith(status: .problemsFound) }
    }

    /// A report for each file, in the order given.
    public func check() -> [FileReport] {
        let files = options.files
        var reports: [FileReport] = []
        var loaded: [String: Questionnaire] = [:]
        var reviews: [String: FlowReview] = [:]
        // Questionnaires first, so rules files can be checked against them.
        var inputs = files.map(read)
        for index in inputs.indices where inputs[index].kind == .questionnaire || inputs[index].kind == .fhirQuestionnaire {
            let report = checkQuestionnaire(&inputs[index])
            if let questionnaire = report.questionnaire {
                loaded[questionnaire.id] = questionnaire
                reviews[questionnaire.id] = report.review
            }
            reports.append(report)
        }
        for input in inputs where input.kind != .questionnaire && input.kind != .fhirQuestionnaire {
            let path = input.path
            switch input.kind {
            case .rules: reports.append(checkRules(input, questionnaires: loaded, reviews: reviews))
            case .medications: reports.append(checkMedications(path))
            default: reports.append(FileReport(file: path, kind: "unknown", errors: [unreadable(path)]))
            }
        }
        reports.sort { left, right in (files.firstIndex(of: left.file) ?? 0) < (files.firstIndex(of: right.file) ?? 0) }
        return reports
    }

    // MARK: - Kinds of file

    enum Kind { case questionnaire, fhirQuestionnaire, rules, medications, unknown }

    /// A file read and parsed once, to tell what it is and then to check
    /// it (parsing is most of what loading a large questionnaire costs).
    struct Input {
        let path: String
        let kind: Kind
        /// The file's bytes and JSON, when it could be read and parsed
        /// (let go once loaded, so a large file's tree is not kept).
        var parsed: (bytes: [UInt8], json: JSONValue)?
    }

    func read(_ path: String) -> Input {
        guard let bytes = try? files.read(path, limit: FileLimits.questionnaire), let json = try? JSONParser.parse(bytes) else {
            return Input(path: path, kind: .unknown, parsed: nil)
        }
        return Input(path: path, kind: Self.kind(of: json), parsed: (bytes, json))
    }

    /// What a file is, from its top-level keys, as each format recognises
    /// itself: a format's naming key first ("nodes", "rules", "classes"),
    /// then, for a slip in that key, the format's other keys.
    static func kind(of json: JSONValue) -> Kind {
        // A FHIR resource says what it is; a Questionnaire is one intake runs.
        if FHIRQuestionnaireLoader.isFHIRQuestionnaire(json) { return .fhirQuestionnaire }
        if json["resourceType"]?.stringValue != nil { return .unknown }
        let recognitions: [(Kind, FileRecognition)] = [
            (.questionnaire, QuestionnaireLoader.recognition(of: json)),
            (.rules, RulesSource.recognition(of: json)),
            (.medications, MedicationLexicon.recognition(of: json)),
        ]
        for wanted in [FileRecognition.surely, .likely] {
            if let (kind, _) = recognitions.first(where: { $0.1 == wanted }) { return kind }
        }
        return .unknown
    }

    func unreadable(_ path: String) -> Diagnostic {
        do {
            let bytes = try files.read(path, limit: FileLimits.questionnaire)
            do {
                _ = try JSONParser.parse(bytes)
            } catch {
                return Diagnostic(file: path, location: SourceText(bytes).location(of: error.offset), message: error.message)
            }
            if let json = try? JSONParser.parse(bytes), let type = json["resourceType"]?.stringValue {
                let what = type == "QuestionnaireResponse" ? ": score it with intake score FILE, or check a form's Questionnaire" : ""
                return Diagnostic(
                    file: path, location: SourceText(bytes).location(of: json["resourceType"]?.offset ?? 0), path: JSONPath.root.appending("resourceType"),
                    message: "a FHIR \(Printable.escaped(type, limit: 100)), not a Questionnaire: intake validates FHIR Questionnaires, and its own questionnaires, rules and medicines files\(what)")
            }
            return Diagnostic(file: path, path: .root, message: "not a questionnaire (\"nodes\" or a FHIR \"resourceType\": \"Questionnaire\"), rules (\"rules\") or medicines (\"classes\") file")
        } catch {
            return Diagnostic(file: path, message: error.message.replacing("\(path): ", with: ""))
        }
    }

    // MARK: - Checks

    func checkQuestionnaire(_ input: inout Input) -> FileReport {
        let path = input.path
        var report = FileReport(file: path, kind: input.kind == .fhirQuestionnaire ? "FHIR questionnaire" : "questionnaire")
        // A file is a questionnaire only once it was read and parsed.
        guard let (bytes, json) = input.parsed else {
            report.errors = [unreadable(path)]
            return report
        }
        input.parsed = nil
        if input.kind == .fhirQuestionnaire {
            do {
                let form = try FHIRQuestionnaireLoader.load(parsed: json, from: bytes, file: path)
                let review = FlowReview(form.questionnaire, log: DiagnosticLog(file: path, source: SourceText(bytes)), places: form.sourcePlaces)
                report.questionnaire = form.questionnaire
                report.review = review
                report.warnings = form.warnings + review.warnings
                report.statistics = GraphStatistics(form.questionnaire)
            } catch {
                report.errors = error.diagnostics
            }
            return report
        }
        do {
            let loaded = try QuestionnaireLoader.load(parsed: json, from: bytes, file: path)
            let review = FlowReview(loaded.questionnaire, log: DiagnosticLog(file: path, source: SourceText(bytes)))
            report.questionnaire = loaded.questionnaire
            report.review = review
            report.warnings = loaded.warnings + review.warnings
            if loaded.questionnaire.audiences.contains(.reception) {
                let questionnaire = loaded.questionnaire
                report.warnings += ReceptionReview.warnings(
                    questionnaire.ownTexts(where: ReceptionReview.addressesReader), catalog: questionnaire.texts, json: json,
                    log: DiagnosticLog(file: path, source: SourceText(bytes)))
            }
            report.statistics = GraphStatistics(loaded.questionnaire)
            addCoverage(to: &report, beside: path, english: loaded.questionnaire.translatableTexts())
        } catch {
            report.errors = error.diagnostics
        }
        return report
    }

    /// Reads the translations beside `path` and reports their coverage
    /// (a warning for each text missing, extra or stale, so --strict fails).
    func addCoverage(to report: inout FileReport, beside path: String, english: [(key: TextKey, text: String, hasReception: Bool)]) {
        do {
            for translation in try QuestionnaireFile.translations(beside: path, builtIn: false, files: files) {
                let coverage = TranslationCoverage(translation, english: english)
                report.coverage.append(coverage.summary)
                report.warnings += coverage.problems
            }
        } catch let error as DiagnosticsFound {
            report.errors += error.diagnostics
        } catch {
            report.errors.append(Diagnostic(file: path, message: "\(error)"))
        }
    }

    func checkRules(_ input: Input, questionnaires: [String: Questionnaire], reviews: [String: FlowReview]) -> FileReport {
        let path = input.path
        var report = FileReport(file: path, kind: "rules")
        do {
            let source = try RulesSource.parse(try files.read(path, limit: FileLimits.rules), file: path)
            let id = source.json["questionnaire"]?.stringValue
            var questionnaire = id.flatMap { questionnaires[$0] }
            var review = id.flatMap { reviews[$0] }
            if questionnaire == nil {
                let candidate = options.questionnaire ?? (path.hasSuffix(".rules.json") ? String(path.dropLast(".rules.json".count)) + ".json" : nil)
                if let candidate, files.exists(candidate) {
                    let loaded = try Content.load(questionnaire: candidate, rules: nil, requireRules: false, files: files).questionnaire
                    questionnaire = loaded.questionnaire
                    review = FlowReview(loaded.questionnaire, log: DiagnosticLog(file: candidate, source: SourceText(loaded.bytes)))
                } else if id == nil || id == "massage-intake" {
                    let builtIn = try QuestionnaireFile.load(nil, files: files)
                    questionnaire = builtIn.questionnaire
                    review = FlowReview(builtIn.questionnaire, log: DiagnosticLog(file: builtIn.name, source: SourceText(builtIn.bytes)))
                }
            }
            guard let questionnaire else {
                report.errors = [Diagnostic(file: path, path: JSONPath.root.appending("questionnaire"), message: "the questionnaire '\(id ?? "?")' was not found: give it on the command line or with --questionnaire")]
                return report
            }
            let (lexicon, _) = try Content.loadLexicon(for: source, builtIn: false, files: files)
            let rules = try RuleSet.load(source, questionnaire: questionnaire, lexicon: lexicon)
            report.warnings = RuleReview(rules, source: source, questionnaire: questionnaire, unasked: review?.unaskedQuestions ?? []).warnings
            if questionnaire.audiences.contains(.reception) {
                report.warnings += ReceptionReview.warnings(
                    rules.ownTexts(), catalog: rules.texts, json: source.json, log: DiagnosticLog(file: path, source: SourceText(source.bytes)))
            }
            addCoverage(to: &report, beside: path, english: rules.translatableTexts())
            // A translation whose texts cannot be read as rule texts.
            if let translations = try? QuestionnaireFile.translations(beside: path, builtIn: false, files: files) {
                for translation in translations {
                    do { _ = try rules.translationTexts(translation, questionnaire: questionnaire, lexicon: lexicon) } catch { report.errors += error.diagnostics }
                }
            }
        } catch let error as DiagnosticError {
            report.errors = error.diagnostics
        } catch let error as DiagnosticsFound {
            report.errors = error.diagnostics
        } catch {
            report.errors = [Diagnostic(file: path, message: "\(error)")]
        }
        return report
    }

    func checkMedications(_ path: String) -> FileReport {
        var report = FileReport(file: path, kind: "medications")
        do {
            let lexicon = try MedicationLexicon.load(try files.read(path, limit: FileLimits.rules), file: path)
            report.medicines = lexicon.names.count
        } catch let error as DiagnosticError {
            report.errors = error.diagnostics
        } catch {
            report.errors = [unreadable(path)]
        }
        return report
    }

    // MARK: - Output

    /// What was found in one file.
    public struct FileReport {
        public var file: String
        /// "questionnaire", "rules", "medications" or "unknown".
        public var kind: String
        public var errors: [Diagnostic] = []
        public var warnings: [Diagnostic] = []
        public var statistics: GraphStatistics?
        var questionnaire: Questionnaire?
        var review: FlowReview?
        /// How many medicine names a medicines file holds.
        public var medicines: Int?
        /// A line per translation beside the file: its coverage.
        public var coverage: [String] = []

        init(file: String, kind: String, errors: [Diagnostic] = []) {
            self.file = file
            self.kind = kind
            self.errors = errors
        }

        func show(on console: Console) {
            for diagnostic in errors + warnings { console.line(diagnostic.description) }
            let verdict = errors.isEmpty ? (warnings.isEmpty ? "ok" : "ok, \(warnings.count) warning\(warnings.count == 1 ? "" : "s")") : "\(errors.count) error\(errors.count == 1 ? "" : "s")"
            console.line(console.paint("\(file): \(kind), \(verdict)", .bold))
            if let statistics, let questionnaire {
                console.line("  \(statistics.nodes) nodes (\(statistics.questions) questions), \(statistics.edges) links, \(statistics.paths) routes from start to end")
                console.line("  shortest interview \(statistics.shortestInterview) questions, longest \(statistics.longestInterview)")
                if questionnaire.nodes.count <= 100 {
                    console.line("  routes from the start to each node:")
                    let width = questionnaire.nodes.map(\.id.count).max() ?? 0
                    for (node, count) in zip(questionnaire.nodes, statistics.pathsThrough) {
                        console.line("    \(node.id.padding(to: width))  \(count)")
                    }
                } else {
                    console.line("  (routes from the start to each node: see --json)")
                }
            }
            if let medicines { console.line("  \(medicines) medicine names") }
            for line in coverage { console.line("  " + line) }
        }

        var json: JSONValue {
            func list(_ diagnostics: [Diagnostic]) -> JSONValue {
                .array(diagnostics.map { diagnostic in
                    var object = JSONObject()
                    object.set("file", .string(diagnostic.file))
                    if let location = diagnostic.location {
                        object.set("line", .number(location.line))
                        object.set("column", .number(location.column))
                    }
                    if let path = diagnostic.path { object.set("path", .string(path.description)) }
                    object.set("message", .string(diagnostic.message))
                    return .object(object)
                })
            }
            var object = JSONObject()
            object.set("file", .string(file))
            object.set("kind", .string(kind))
            object.set("ok", .bool(errors.isEmpty))
            object.set("errors", list(errors))
            object.set("warnings", list(warnings))
            if !coverage.isEmpty { object.set("translations", .array(coverage.map(JSONValue.string))) }
            if let statistics, let questionnaire {
                // Built directly: `set` looks for an existing key, which is quadratic here.
                let through = JSONObject(zip(questionnaire.nodes, statistics.pathsThrough).map { JSONMember(key: $0.id, value: Self.count($1)) })
                object.set("statistics", .object([
                    "nodes": .number(statistics.nodes), "questions": .number(statistics.questions),
                    "edges": .number(statistics.edges), "paths": Self.count(statistics.paths),
                    "shortestInterview": .number(statistics.shortestInterview),
                    "longestInterview": .number(statistics.longestInterview),
                    "pathsThrough": .object(through),
                ]))
            }
            if let medicines { object.set("medicines", .number(medicines)) }
            return .object(object)
        }

        /// A count as a JSON number when it fits, else as a string of digits.
        static func count(_ value: PathCount) -> JSONValue {
            value.intValue.map(JSONValue.number) ?? .string(value.description)
        }
    }

    /// The reports for editors and CI (`validate --json`).
    public static func json(_ reports: [FileReport]) -> JSONValue {
        .object([
            "files": .array(reports.map(\.json)),
            "errors": .number(reports.map(\.errors.count).reduce(0, +)),
            "warnings": .number(reports.map(\.warnings.count).reduce(0, +)),
        ])
    }
}
