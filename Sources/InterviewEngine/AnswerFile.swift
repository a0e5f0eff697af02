import QuestionnaireModel

/// Answers given in a JSON file instead of typed: an object keyed by question
/// id, where a string is taken as if typed, a list holds the codes of a
/// `multi` answer (or the names of medicines), a number answers a scale,
/// number or duration (in days), and true/false a yes/no question.
public struct AnswerFile: Sendable {
    /// The file as the user named it, for diagnostics.
    public let file: String
    public let source: SourceText
    /// The answers as written, in file order.
    public let entries: JSONObject
    public let questionnaire: Questionnaire

    /// Reads an answer file; keys that are not questions of `questionnaire`
    /// are refused, so a misspelt id cannot be silently ignored.
    public init(_ bytes: [UInt8], file: String, questionnaire: Questionnaire) throws(DiagnosticError) {
        let source = SourceText(bytes)
        let json = try JSONParser.parseFile(bytes, file: file)
        var log = DiagnosticLog(file: file, source: source)
        guard let object = json.objectValue else {
            log.error("an answer file must be an object keyed by question id, such as {\"age_band\": \"over-50\"}; found \(json.typeDescription)", at: json, path: .root)
            throw DiagnosticError(log.diagnostics)
        }
        let ids = questionnaire.nodes.map(\.id)
        for member in object.members where !member.key.hasPrefix("$") && !member.key.hasPrefix("_") {
            guard let node = questionnaire.node(member.key) else {
                log.report(.error, "there is no question '\(member.key)' in \(questionnaire.id)\(Suggestion.hint(for: member.key, among: ids))", offset: member.keyOffset, path: JSONPath.root.appending(member.key))
                continue
            }
            if node.kind == .info {
                log.report(.error, "'\(member.key)' is an information step and takes no answer", offset: member.keyOffset, path: JSONPath.root.appending(member.key))
            }
        }
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        self.file = file
        self.source = source
        self.entries = object
        self.questionnaire = questionnaire
    }

    /// The text to hand to the interview for `node`, as if typed; nil when the
    /// file has no answer for it (a missing key or null).
    public func typedText(for node: Node) -> Result<String, Diagnostic>? {
        guard let value = entries[node.id], !value.isNull else { return nil }
        switch value.kind {
        case .string(let text):
            // An empty text answer is no answer (CLINICAL.md, reading an answers file).
            if node.kind == .text, text.isEmpty { return nil }
            return .success(text)
        case .number(let number) where [.scale, .number, .duration].contains(node.kind):
            // A whole number written as 7.0 or 1e1 is typed as 7 or 10.
            let typed = number.integer.map(String.init) ?? number.text
            return .success(node.kind == .duration ? "\(typed) days" : typed)
        case .bool(let flag) where node.kind == .yesno:
            return .success(flag ? "yes" : "no")
        case .bool(let flag) where node.kind == .single && node.hasYesNoCodes:
            // A yes/no question that became a choice with "yes" and "no"
            // (pregnancy_high_risk, in version 2) still reads old files.
            return .success(flag ? "yes" : "no")
        case .array(let elements) where node.kind == .multi || node.kind == .medications:
            let strings = elements.compactMap(\.stringValue)
            guard strings.count == elements.count else {
                return .failure(diagnostic("the list for '\(node.id)' must hold only strings (option codes or medicine names)", for: node, at: value))
            }
            if strings.isEmpty {
                return .success(node.kind == .medications ? "none" : "")
            }
            return .success(strings.joined(separator: ", "))
        default:
            return .failure(diagnostic("'\(node.id)' is a \(node.kind.rawValue) question: \(expected(for: node)), found \(value.typeDescription)", for: node, at: value))
        }
    }

    private func expected(for node: Node) -> String {
        switch node.kind {
        case .multi: "give a list of option codes or a string"
        case .medications: "give a list of names or a string"
        case .scale, .number: "give a number or a string"
        case .duration: "give text such as \"6 months\" or a number of days"
        case .yesno: "give true, false, \"yes\" or \"no\""
        default: "give a string"
        }
    }

    /// Why the answer `text` for `node` was not accepted. With no one to
    /// ask "Did you mean ...?", a near match is never taken: it is named in
    /// the message, for the file to be put right.
    private func refusal(of text: String, for node: Node, reason: Rejection, options: [Option]) -> Diagnostic {
        var message = "\(TextInput.quoted(text)) was not accepted for '\(node.id)': \(reason.message)"
        if let near = node.nearMatch(text, options: options) {
            message += " Did you mean \(TextInput.quoted(near.corrected))? An answer file is taken as written: put it right in the file."
        }
        return diagnostic(message, for: node)
    }

    /// A diagnostic about the answer for `node`, located in the file.
    public func diagnostic(_ message: String, for node: Node, at value: JSONValue? = nil) -> Diagnostic {
        let offset = value?.offset ?? entries[node.id]?.offset ?? -1
        return Diagnostic(file: file, location: source.location(of: offset), path: JSONPath.root.appending(node.id), message: message)
    }

    /// Every answer in the file, parsed on its own without walking the
    /// questionnaire, for scoring partial answers. Null answers are left out.
    /// An answer that does not parse is an error, unless the other answers
    /// route past its question (as `run` ignores it): "lower-back" as the
    /// main area of someone who chose only the neck is never asked. `today`
    /// is what a date answered "today" means.
    public func parsedAnswers(today: CalendarDate? = nil) -> Result<[String: Answer], Diagnostic> {
        var answers: [String: Answer] = [:]
        var refused: [(node: Node, diagnostic: Diagnostic)] = []
        // Node order puts a question before any question drawing options from it.
        for node in questionnaire.nodes where node.kind != .info {
            guard let typed = typedText(for: node) else { continue }
            switch typed {
            case .failure(let diagnostic):
                return .failure(diagnostic)
            case .success(let text):
                // Words of another language are read when the answer is in it.
                let reading = questionnaire.reading(text)
                let readNode = reading.node(node.id) ?? node
                let options = reading.options(for: readNode, answers: answers)
                switch readNode.parse(text, options: options, today: today) {
                case .success(let value):
                    answers[node.id] = Answer(value: value, raw: text)
                case .failure(let rejection):
                    refused.append((node, refusal(of: text, for: node, reason: rejection, options: options)))
                }
            }
        }
        if !refused.isEmpty {
            let walk = AnswerSet(questionnaire: questionnaire, answers: answers)
            for (node, diagnostic) in refused {
                if case .absent = walk.lookup(question: node.id) { continue }
                return .failure(diagnostic)
            }
        }
        return .success(answers)
    }

    /// Walks the questionnaire with these answers, asking nothing. Questions
    /// the path never reaches are ignored; a required question without an
    /// answer, or an answer that does not parse, stops the walk with a
    /// diagnostic naming the question.
    ///
    /// `record` sees every step as a transcript event, so the caller can keep
    /// a transcript of the run.
    public func run(_ interview: inout Interview, record: (TranscriptEvent) throws -> Void = { _ in }) throws -> Diagnostic? {
        while let node = interview.currentNode {
            try record(.asked(node: node.id))
            if node.kind == .info {
                interview.continuePastInfo()
                continue
            }
            if interview.skipIfNothingToChoose() {
                try record(.skipped(node: node.id, raw: nil))
                continue
            }
            let text: String
            switch typedText(for: node) {
            case .success(let typed)?:
                text = typed
            case .failure(let diagnostic)?:
                return diagnostic
            case nil:
                if let defaultAnswer = node.defaultAnswer {
                    text = defaultAnswer
                } else if !node.required {
                    text = ":skip"
                } else {
                    return Diagnostic(file: file, path: JSONPath.root.appending(node.id), message: "the required question '\(node.id)' has no answer (\(node.text.oneLine))")
                }
            }
            if Command.parse(text) != nil, text != ":skip" {
                return diagnostic("\(TextInput.quoted(text)) is a command; an answer file holds answers only", for: node)
            }
            let options = interview.currentOptions
            let response = interview.handle(text)
            if let event = TranscriptEvent(response, typed: text) { try record(event) }
            switch response {
            case .rejected(_, _, let reason), .refused(_, _, let reason):
                return refusal(of: text, for: node, reason: reason, options: options)
            default:
                continue
            }
        }
        return nil
    }
}

extension String {
    /// The first line of a possibly multi-line text.
    public var firstLine: String {
        String(prefix { $0 != "\n" })
    }

    /// The text on one line: line breaks become spaces.
    public var oneLine: String {
        split(separator: "\n").joined(separator: " ")
    }
}

extension Node {
    /// Whether a single choice has the codes "yes" and "no".
    var hasYesNoCodes: Bool {
        guard case .single(.fixed(let options)) = spec else { return false }
        let codes = Set(options.map(\.code))
        return codes.contains("yes") && codes.contains("no")
    }
}
