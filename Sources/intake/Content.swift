import InterviewEngine
import QuestionnaireModel
import Scoring

/// A questionnaire with its rules and medicines lexicon: what `run`, `score`
/// and `replay` need. The built-in set is compiled into the binary; another
/// questionnaire finds its rules beside it (`NAME.rules.json`).
struct Content {
    var questionnaire: QuestionnaireFile
    var rules: RuleSet?
    /// The rules file's bytes (for its hash in transcripts) and its name.
    var rulesBytes: [UInt8]?
    var rulesName: String?
    var lexicon: MedicationLexicon
    var lexiconBytes: [UInt8]

    static let builtInRules = "Questionnaires/massage-intake.rules.json"
    static let builtInMedications = "Questionnaires/medications.json"
    /// How the compiled-in rules are named in messages and transcripts.
    static let builtInRulesName = builtInRules + " (built in)"

    /// Loads the questionnaire at `path` (or the built-in one) and its rules:
    /// `rulesPath` if given, else the rules beside the questionnaire. With
    /// `requireRules`, a missing rules file is an error.
    static func load(questionnaire path: String?, rules rulesPath: String?, requireRules: Bool) throws -> Content {
        let questionnaire = try QuestionnaireFile.load(path)
        let resolvedRules: String? = rulesPath ?? path.map(rulesPathBeside)
        var rulesBytes: [UInt8]?
        var rulesName: String?
        if let resolvedRules {
            if rulesPath != nil || Files.exists(resolvedRules) {
                rulesBytes = try Files.read(resolvedRules, limit: Files.rulesLimit)
                rulesName = resolvedRules
            } else if requireRules {
                throw UserFacingError("\(path ?? "the questionnaire") has no rules beside it (expected \(resolvedRules)): pass --rules FILE")
            }
        } else if let text = EmbeddedFiles.contents[builtInRules] {
            rulesBytes = Array(text.utf8)
            rulesName = builtInRulesName
        }
        let (lexicon, lexiconBytes) = try loadLexicon(rulesBytes: rulesBytes, rulesName: rulesName, builtIn: rulesPath == nil && path == nil)
        var rules: RuleSet?
        if let rulesBytes, let rulesName {
            do {
                rules = try RuleSet.load(rulesBytes, file: rulesName, questionnaire: questionnaire.questionnaire, lexicon: lexicon)
            } catch {
                throw DiagnosticsFound(diagnostics: error.diagnostics)
            }
        } else if requireRules {
            throw UserFacingError("there are no rules for \(questionnaire.name): pass --rules FILE")
        }
        return Content(questionnaire: questionnaire, rules: rules, rulesBytes: rulesBytes, rulesName: rulesName, lexicon: lexicon, lexiconBytes: lexiconBytes)
    }

    /// What a transcript records of the files a session depends on, hashed
    /// once: a folder replay compares them with every transcript.
    let identities: (questionnaire: FileIdentity, rules: FileIdentity?, medications: FileIdentity)

    init(questionnaire: QuestionnaireFile, rules: RuleSet?, rulesBytes: [UInt8]?, rulesName: String?, lexicon: MedicationLexicon, lexiconBytes: [UInt8]) {
        self.questionnaire = questionnaire
        self.rules = rules
        self.rulesBytes = rulesBytes
        self.rulesName = rulesName
        self.lexicon = lexicon
        self.lexiconBytes = lexiconBytes
        let q = questionnaire.questionnaire
        identities = (
            FileIdentity(id: q.id, version: q.version, sha256: SHA256Hex.of(questionnaire.bytes)),
            rulesBytes.map { FileIdentity(version: rules?.version, sha256: SHA256Hex.of($0)) },
            FileIdentity(version: lexicon.version, sha256: SHA256Hex.of(lexiconBytes)))
    }

    /// The massage-fit assessment for an interview's answers, or nil without rules.
    func assess(_ interview: Interview) -> Assessment? {
        guard let rules else { return nil }
        let answers = AnswerSet(questionnaire: interview.questionnaire, answers: interview.answers, skipped: interview.skipped)
        return Assessment.assess(answers, rules: rules, lexicon: lexicon)
    }

    /// The content for a transcript of questionnaire `id`: the one given with
    /// --questionnaire, a built-in one (the default and the follow-up), or
    /// `Questionnaires/ID.json` in the current folder.
    static func load(forQuestionnaire id: String?, questionnaire path: String?, rules: String?) throws -> Content {
        if path == nil, let id, id != builtInID {
            if EmbeddedFiles.contents["Questionnaires/\(id).json"] != nil { return try loadBuiltIn(id, rules: rules) }
            if Files.exists("Questionnaires/\(id).json") {
                return try load(questionnaire: "Questionnaires/\(id).json", rules: rules, requireRules: false)
            }
        }
        return try load(questionnaire: path, rules: rules, requireRules: false)
    }

    /// A questionnaire compiled in besides the default one, with its rules
    /// (or `rules`, when given) and the built-in medicines list.
    static func loadBuiltIn(_ id: String, rules rulesPath: String?) throws -> Content {
        let questionnaire = try QuestionnaireFile.load(nil, builtIn: "Questionnaires/\(id).json")
        let (rulesBytes, rulesName) = try Files.bytes(of: rulesPath, orBuiltIn: "Questionnaires/\(id).rules.json")
        let (lexicon, lexiconBytes) = try loadLexicon(rulesBytes: rulesBytes, rulesName: rulesName, builtIn: rulesPath == nil)
        do {
            let rules = try RuleSet.load(rulesBytes, file: rulesName, questionnaire: questionnaire.questionnaire, lexicon: lexicon)
            return Content(questionnaire: questionnaire, rules: rules, rulesBytes: rulesBytes, rulesName: rulesName, lexicon: lexicon, lexiconBytes: lexiconBytes)
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
    }

    /// Contents by questionnaire id, loaded once each: a folder may hold
    /// sessions of several questionnaires. Nil for an id no file is found for.
    final class Cache {
        private var loaded: [String: Content?] = [:]
        private let fixed: Content?

        /// With `fixed` (from --questionnaire), every session is read with it.
        init(fixed: Content?) { self.fixed = fixed }

        func content(for id: String?) -> Content? {
            if let fixed { return fixed }
            let key = id ?? builtInID
            if let known = loaded[key] { return known }
            let found = try? Content.load(forQuestionnaire: key, questionnaire: nil, rules: nil)
            let usable = found.flatMap { $0.questionnaire.questionnaire.id == key ? $0 : nil }
            loaded[key] = usable
            return usable
        }
    }

    static let builtInID = "massage-intake"

    /// The questionnaire id a transcript's header names, if it is a usable id.
    static func questionnaireID(ofTranscript bytes: [UInt8]) -> String? {
        let firstLine = Array(bytes.prefix { $0 != 0x0A })
        guard let header = try? JSONParser.parse(firstLine), let id = header["questionnaire"]?["id"]?.stringValue,
              Option.isValidIdentifier(id) else { return nil }
        return id
    }

    /// `folder/name.json` → `folder/name.rules.json`.
    static func rulesPathBeside(_ questionnaire: String) -> String {
        let base = questionnaire.hasSuffix(".json") ? String(questionnaire.dropLast(5)) : questionnaire
        return base + ".rules.json"
    }

    /// The medicines lexicon for a rules file: the file its "medications"
    /// names (relative to the rules file), or the built-in list when it names
    /// none.
    ///
    /// A named file that cannot be read is an error naming it, never a quiet
    /// switch to the built-in list: another list changes which precautions
    /// fire. `builtIn` says the rules are the compiled-in ones, whose medicines
    /// file is compiled in too; it is honoured only for rules named
    /// `builtInRulesName`, so rules read from disk always get the file they name.
    static func loadLexicon(rulesBytes: [UInt8]?, rulesName: String?, builtIn: Bool) throws -> (MedicationLexicon, [UInt8]) {
        let bytes: [UInt8]
        let name: String
        let compiledIn = builtIn && (rulesName?.hasSuffix(" (built in)") ?? false)
        // Rules that do not parse, or whose "medications" is not a string, are
        // refused with a located message by RuleSet.load, which runs next; the
        // built-in list only lets that check run.
        if !compiledIn, let rulesBytes, let rulesName,
           let value = (try? JSONParser.parse(rulesBytes))?["medications"], let named = value.stringValue {
            let folder = rulesName.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let path = named.hasPrefix("/") || folder.isEmpty ? named : folder + "/" + named
            do {
                bytes = try Files.read(path, limit: Files.rulesLimit)
            } catch {
                let location = SourceText(rulesBytes).location(of: value.offset)
                throw DiagnosticsFound(diagnostics: [Diagnostic(
                    file: rulesName, location: location, path: JSONPath.root.appending("medications"),
                    message: "the medicines file '\(named)' cannot be read (\(error.message)); the name is relative to the rules file")])
            }
            name = path
        } else {
            (bytes, name) = try Files.bytes(of: nil, orBuiltIn: builtInMedications)
        }
        do {
            return (try MedicationLexicon.load(bytes, file: name), bytes)
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
    }
}
