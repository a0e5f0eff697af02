import ArgumentParser
import QuestionnaireModel
import Reports
import Scoring

/// `intake validate`: every check of the loaders, warnings a questionnaire
/// author should see, and statistics of the flow.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaires, rules and medicines files; show statistics of each flow.",
        discussion: """
            Errors (a file intake cannot use) exit 2. Warnings (a condition that can never \
            hold, option names that clash, text too wide for a terminal, a rule reading a \
            question no route asks) exit 0, or 1 with --strict. A rules file is checked \
            against the questionnaire beside it (NAME.rules.json beside NAME.json), one \
            given on the command line with the same id, or --questionnaire.
            """
    )

    @Argument(help: ArgumentHelp("Questionnaire, rules or medicines files.", valueName: "file"), completion: .file(extensions: ["json"]))
    var files: [String]

    @Flag(name: .long, help: "Exit with 1 when there are warnings.")
    var strict = false

    @Flag(name: .long, help: "Print the findings and statistics as JSON, for editors and CI.")
    var json = false

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The questionnaire that rules files belong to.", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var questionnaire: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to check") }
    }

    func run() throws {
        let console = Console(plain: false, environment: Environment.current)
        var reports: [FileReport] = []
        var loaded: [String: Questionnaire] = [:]
        var reviews: [String: FlowReview] = [:]
        // Questionnaires first, so rules files can be checked against them.
        var inputs = files.map(Self.read)
        for index in inputs.indices where inputs[index].kind == .questionnaire {
            let report = checkQuestionnaire(&inputs[index])
            if let questionnaire = report.questionnaire {
                loaded[questionnaire.id] = questionnaire
                reviews[questionnaire.id] = report.review
            }
            reports.append(report)
        }
        for input in inputs where input.kind != .questionnaire {
            let path = input.path
            switch input.kind {
            case .rules: reports.append(checkRules(input, questionnaires: loaded, reviews: reviews))
            case .medications: reports.append(checkMedications(path))
            default: reports.append(FileReport(file: path, kind: "unknown", errors: [Self.unreadable(path)]))
            }
        }
        reports.sort { left, right in (files.firstIndex(of: left.file) ?? 0) < (files.firstIndex(of: right.file) ?? 0) }
        if json {
            console.write(Self.json(reports).prettyPrinted())
        } else {
            for report in reports { report.show(on: console) }
        }
        if reports.contains(where: { !$0.errors.isEmpty }) { throw ExitWith(status: .badInput) }
        if strict, reports.contains(where: { !$0.warnings.isEmpty }) { throw ExitWith(status: .problemsFound) }
    }

    // MARK: - Kinds of file

    enum Kind { case questionnaire, rules, medications, unknown }

    /// A file read and parsed once, to tell what it is and then to check
    /// it (parsing is most of what loading a large questionnaire costs).
    struct Input {
        let path: String
        let kind: Kind
        /// The file's bytes and JSON, when it could be read and parsed
        /// (let go once loaded, so a large file's tree is not kept).
        var parsed: (bytes: [UInt8], json: JSONValue)?
    }

    static func read(_ path: String) -> Input {
        guard let bytes = try? Files.read(path), let json = try? JSONParser.parse(bytes) else {
            return Input(path: path, kind: .unknown, parsed: nil)
        }
        return Input(path: path, kind: kind(of: json), parsed: (bytes, json))
    }

    /// What a file is, from its top-level keys.
    static func kind(of json: JSONValue) -> Kind {
        guard let object = json.objectValue else { return .unknown }
        if object["nodes"] != nil { return .questionnaire }
        if object["rules"] != nil || object["categories"] != nil { return .rules }
        if object["classes"] != nil { return .medications }
        // A slip in the key that says what the file is ("node" for "nodes"):
        // the other keys still tell, and the loader then names the slip.
        if object["start"] != nil || object["title"] != nil || object["sections"] != nil { return .questionnaire }
        if object["questionnaire"] != nil || object["disclaimer"] != nil || object["derived"] != nil { return .rules }
        return .unknown
    }

    static func unreadable(_ path: String) -> Diagnostic {
        do {
            let bytes = try Files.read(path)
            do {
                _ = try JSONParser.parse(bytes)
            } catch {
                return Diagnostic(file: path, location: SourceText(bytes).location(of: error.offset), message: error.message)
            }
            return Diagnostic(file: path, path: .root, message: "not a questionnaire (\"nodes\"), rules (\"rules\") or medicines (\"classes\") file")
        } catch {
            return Diagnostic(file: path, message: error.message.replacing("\(path): ", with: ""))
        }
    }

    // MARK: - Checks

    func checkQuestionnaire(_ input: inout Input) -> FileReport {
        let path = input.path
        var report = FileReport(file: path, kind: "questionnaire")
        // A file is a questionnaire only once it was read and parsed.
        guard let (bytes, json) = input.parsed else {
            report.errors = [Self.unreadable(path)]
            return report
        }
        input.parsed = nil
        do {
            let loaded = try QuestionnaireLoader.load(parsed: json, from: bytes, file: path)
            let review = FlowReview(loaded.questionnaire, log: DiagnosticLog(file: path, source: SourceText(bytes)))
            report.questionnaire = loaded.questionnaire
            report.review = review
            report.warnings = loaded.warnings + review.warnings
            report.statistics = GraphStatistics(loaded.questionnaire)
        } catch {
            report.errors = error.diagnostics
        }
        return report
    }

    func checkRules(_ input: Input, questionnaires: [String: Questionnaire], reviews: [String: FlowReview]) -> FileReport {
        let path = input.path
        var report = FileReport(file: path, kind: "rules")
        do {
            let bytes = try Files.read(path, limit: Files.rulesLimit)
            let id = input.parsed?.json["questionnaire"]?.stringValue
            var questionnaire = id.flatMap { questionnaires[$0] }
            var review = id.flatMap { reviews[$0] }
            if questionnaire == nil {
                let candidate = self.questionnaire ?? (path.hasSuffix(".rules.json") ? String(path.dropLast(".rules.json".count)) + ".json" : nil)
                if let candidate, Files.exists(candidate) {
                    let loaded = try Content.load(questionnaire: candidate, rules: nil, requireRules: false).questionnaire
                    questionnaire = loaded.questionnaire
                    review = FlowReview(loaded.questionnaire, log: DiagnosticLog(file: candidate, source: SourceText(loaded.bytes)))
                } else if id == nil || id == "massage-intake" {
                    let builtIn = try QuestionnaireFile.load(nil)
                    questionnaire = builtIn.questionnaire
                    review = FlowReview(builtIn.questionnaire, log: DiagnosticLog(file: builtIn.name, source: SourceText(builtIn.bytes)))
                }
            }
            guard let questionnaire else {
                report.errors = [Diagnostic(file: path, path: JSONPath.root.appending("questionnaire"), message: "the questionnaire '\(id ?? "?")' was not found: give it on the command line or with --questionnaire")]
                return report
            }
            let (lexicon, _) = try Content.loadLexicon(rulesBytes: bytes, rulesName: path, builtIn: false)
            let rules = try RuleSet.load(bytes, file: path, questionnaire: questionnaire, lexicon: lexicon)
            report.warnings = Self.ruleWarnings(rules, file: path, bytes: bytes, unasked: review?.unaskedQuestions ?? [], questionnaire: questionnaire)
        } catch let error as DiagnosticError {
            report.errors = error.diagnostics
        } catch let error as DiagnosticsFound {
            report.errors = error.diagnostics
        } catch {
            report.errors = [Diagnostic(file: path, message: "\(error)")]
        }
        return report
    }

    /// Rules that read a question no route asks, or can never fire.
    static func ruleWarnings(_ rules: RuleSet, file: String, bytes: [UInt8], unasked: Set<String>, questionnaire: Questionnaire) -> [Diagnostic] {
        var log = DiagnosticLog(file: file, source: SourceText(bytes))
        let json = try? JSONParser.parse(bytes)
        for (index, rule) in rules.rules.enumerated() {
            let path = JSONPath.root.appending("rules").appending(index)
            let offset = json?["rules"]?.arrayValue?[index].offset ?? -1
            for subject in rule.condition?.subjects ?? [] {
                for id in rules.questionsBehind(subject) where unasked.contains(id) {
                    log.report(.warning, "rule '\(rule.id)' reads '\(id)', which no route of \(questionnaire.id) asks: it can never see an answer", offset: offset, path: path.appending("when"))
                }
            }
            guard let condition = rule.condition else { continue }
            let typeOf: (Subject) -> ValueType? = { subject in
                switch subject {
                case .question(let id): questionnaire.valueType(of: id)
                case .value(let name): rules.derivedValue(name)?.type
                }
            }
            let possible = FlowReview.possibilities(condition, typeOf: typeOf)
            if !possible.canHold {
                log.report(.warning, "rule '\(rule.id)' can never fire: its condition can never hold", offset: offset, path: path.appending("when"))
            } else if !possible.canFail {
                log.report(.warning, "rule '\(rule.id)' fires for everyone who answers its questions: its condition always holds (leave out 'when' for a rule that always fires)", offset: offset, path: path.appending("when"))
            }
            for part in FlowReview.partsThatNeverHold(condition, typeOf: typeOf) {
                log.report(.warning, "rule '\(rule.id)': the part '\(part.summary)' can never hold", offset: offset, path: path.appending("when"))
            }
        }
        return log.diagnostics
    }

    func checkMedications(_ path: String) -> FileReport {
        var report = FileReport(file: path, kind: "medications")
        do {
            let lexicon = try MedicationLexicon.load(try Files.read(path, limit: Files.rulesLimit), file: path)
            report.medicines = lexicon.names.count
        } catch let error as DiagnosticError {
            report.errors = error.diagnostics
        } catch {
            report.errors = [Self.unreadable(path)]
        }
        return report
    }

    // MARK: - Output

    struct FileReport {
        var file: String
        var kind: String
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var statistics: GraphStatistics?
        var questionnaire: Questionnaire?
        var review: FlowReview?
        var medicines: Int?

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

    static func json(_ reports: [FileReport]) -> JSONValue {
        .object([
            "files": .array(reports.map(\.json)),
            "errors": .number(reports.map(\.errors.count).reduce(0, +)),
            "warnings": .number(reports.map(\.warnings.count).reduce(0, +)),
        ])
    }
}

/// `intake graph`: the flow as Graphviz DOT or Mermaid.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a questionnaire's flow as Graphviz DOT or Mermaid.",
        discussion: "For a picture: intake graph --format dot | dot -Tsvg > flow.svg"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @Argument(help: ArgumentHelp("The questionnaire (default: the built-in one).", valueName: "file"), completion: .file(extensions: ["json"]))
    var file: String?

    @ArgumentParser.Option(name: .long, help: "dot or mermaid.")
    var format: Format = .dot

    func run() throws {
        let questionnaire = try QuestionnaireFile.load(file).questionnaire
        let console = Console(plain: true, environment: Environment.current)
        console.write(format == .dot ? FlowChart.dot(questionnaire) : FlowChart.mermaid(questionnaire))
    }
}
