import FHIR
import InterviewEngine
import QuestionnaireModel
import Reports
import Scoring
import Synchronization

/// A questionnaire with its rules and medicines lexicon: what `run`, `score`,
/// `replay` and `report` need. The built-in set is compiled into intake;
/// another questionnaire finds its rules beside it (`NAME.rules.json`), and
/// rules name their medicines file.
public struct Content: Sendable {
    public var questionnaire: QuestionnaireFile
    /// The rules, or nil without. Compiled-in rules are made when first
    /// asked for (see `LazyRules`).
    public var rules: RuleSet? { lazyRules.rules }
    private var lazyRules: LazyRules
    /// The rules file's bytes (for its hash in transcripts) and its name.
    public var rulesBytes: [UInt8]?
    public var rulesName: String?
    public var lexicon: MedicationLexicon
    public var lexiconBytes: [UInt8]
    /// The version of the built-in files kept for older sessions
    /// (`Questionnaires/versions/VERSION/`) when these are they; nil for
    /// today's files or files named on the command line.
    public var keptVersion: String?
    /// Whether the built-in Korean words are still to be added: today's
    /// default content adds them when a session or transcript needs them.
    private var koreanWordsWaiting = false
    /// The files of words in another language added to read answers (the
    /// Korean aliases beside the questionnaire, the Korean medicine names),
    /// each named by its file name: what a transcript header's
    /// `localWords` records. Today's built-in ones while they wait to be
    /// added (they are the words such a content reads Hangul with).
    public var localWords: [FileIdentity] { koreanWordsWaiting ? Self.builtInLocalWords : addedLocalWords }
    private var addedLocalWords: [FileIdentity] = []

    /// The version of the built-in Korean word files that a session whose
    /// header names none was read with: every English session, and Korean
    /// ones recorded before headers named them.
    public static let firstLocalWordsVersion = "1.0.0"
    /// The version both of today's built-in Korean word files say they are
    /// (a test holds them to it), known without reading them: while it is
    /// the first version, an English session's header need not name them.
    public static let builtInLocalWordsVersion = "1.0.0"
    /// Earlier versions of the built-in Korean word files, kept byte for
    /// byte in `Questionnaires/versions/words/VERSION/` (and listed in
    /// `Plugins/EmbedQuestionnaires`) when a file changes, so a session
    /// read with them replays with them.
    public static let keptLocalWordsVersions: [String] = []

    /// Today's built-in Korean word files as a header names them, worked
    /// out once, when first asked for.
    public static let builtInLocalWords: [FileIdentity] = [builtInKoreanAliases, builtInKoreanMedicines].compactMap { path in
        guard let text = BuiltInFiles.text(path) else { return nil }
        let bytes = Array(text.utf8)
        let version = (try? JSONParser.parseFile(bytes, file: path))?["version"]?.stringValue
        return FileIdentity(id: String(path.split(separator: "/").last ?? ""), version: version, sha256: SHA256Hex.of(bytes))
    }

    /// Whether a session's header names the Korean word files even when it
    /// is held in English (whose answers may have Hangul in them): when
    /// they are not the first version, which a header naming none means.
    public var namesLocalWordsInEnglish: Bool {
        koreanWordsWaiting ? Self.builtInLocalWordsVersion != Self.firstLocalWordsVersion
            : addedLocalWords.contains { $0.version != Self.firstLocalWordsVersion }
    }

    public static let builtInID = "massage-intake"
    static let builtInRules = "Questionnaires/massage-intake.rules.json"
    /// Earlier versions of the built-in files, built in so sessions
    /// recorded with them replay, check and report as they were made:
    /// `Questionnaires/versions/VERSION/` holds the files as they were while
    /// the default questionnaire was at VERSION (the follow-up check-in and
    /// its rules too, from 2.0.0 on).
    public static let keptVersions = ["1.0.0", "2.0.0"]

    /// What a transcript records of the files a session depends on, hashed
    /// once: a folder replay compares them with every transcript.
    public let identities: (questionnaire: FileIdentity, rules: FileIdentity?, medications: FileIdentity)

    init(questionnaire: QuestionnaireFile, rules: RuleSet?, rulesBytes: [UInt8]?, rulesName: String?, lexicon: MedicationLexicon, lexiconBytes: [UInt8]) {
        self.init(questionnaire: questionnaire, rules: LazyRules(rules), rulesVersion: rules?.version, rulesBytes: rulesBytes,
                  rulesName: rulesName, lexicon: lexicon, lexiconBytes: lexiconBytes)
    }

    /// With rules to be made when first asked for; `rulesVersion` is the
    /// version they will have, for the transcript's header.
    private init(
        questionnaire: QuestionnaireFile, rules: LazyRules, rulesVersion: String?, rulesBytes: [UInt8]?, rulesName: String?,
        lexicon: MedicationLexicon, lexiconBytes: [UInt8]
    ) {
        self.questionnaire = questionnaire
        self.lazyRules = rules
        self.rulesBytes = rulesBytes
        self.rulesName = rulesName
        self.lexicon = lexicon
        self.lexiconBytes = lexiconBytes
        let q = questionnaire.questionnaire
        identities = (
            FileIdentity(id: q.id, version: q.version, sha256: SHA256Hex.of(questionnaire.bytes)),
            rulesBytes.map { FileIdentity(version: rulesVersion, sha256: SHA256Hex.of($0)) },
            FileIdentity(version: lexicon.version, sha256: SHA256Hex.of(lexiconBytes)))
    }

    // MARK: - Loading

    /// Loads the questionnaire at `path` (or the built-in one) and its rules:
    /// `rulesPath` if given, else the rules beside the questionnaire. With
    /// `requireRules`, a missing rules file is an error.
    public static func load(questionnaire path: String?, rules rulesPath: String?, requireRules: Bool, files: FileSystem) throws -> Content {
        if path == nil, rulesPath == nil { return try builtIn(builtInID, files: files) }
        let questionnaire = try QuestionnaireFile.load(path, files: files)
        let resolvedRules: String? = rulesPath ?? path.map(rulesPathBeside)
        var source: RulesSource?
        if let resolvedRules {
            if rulesPath != nil || files.exists(resolvedRules) {
                source = try parseRules(try files.read(resolvedRules, limit: FileLimits.rules), name: resolvedRules)
            } else if requireRules {
                throw UserFacingError("\(path ?? "the questionnaire") has no rules beside it (expected \(resolvedRules)): pass --rules FILE")
            }
        }
        let aliases = try koreanAliases(for: questionnaire, at: path, files: files)
        guard let source else {
            if requireRules { throw UserFacingError("there are no rules for \(questionnaire.name): pass --rules FILE") }
            let (lexicon, lexiconBytes) = try loadLexicon(for: nil, builtIn: true, files: files)
            return try Content(questionnaire: questionnaire, rules: nil, rulesBytes: nil, rulesName: nil, lexicon: lexicon, lexiconBytes: lexiconBytes)
                .addingLocalWords(aliases: aliases)
        }
        return try load(questionnaire, rules: source, builtIn: false, files: files).addingLocalWords(aliases: aliases)
    }

    /// The Korean alias table for a questionnaire: the built-in one for the
    /// built-in questionnaire, else `NAME.ko.aliases.json` beside `NAME.json`
    /// when there is one. None for a FHIR form (its translations are its own).
    static func koreanAliases(for questionnaire: QuestionnaireFile, at path: String?, files: FileSystem) throws -> ([UInt8], String)? {
        guard questionnaire.fhirForm == nil else { return nil }
        guard let path else {
            return BuiltInFiles.text(builtInKoreanAliases).map { (Array($0.utf8), BuiltInFiles.displayName(builtInKoreanAliases)) }
        }
        let beside = (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".ko.aliases.json"
        guard files.exists(beside) else { return nil }
        return (try files.read(beside, limit: FileLimits.rules), beside)
    }

    /// The content for a transcript of questionnaire `id`: the one given with
    /// --questionnaire, a built-in one (the default and the follow-up), or
    /// `Questionnaires/ID.json` in the current folder.
    public static func load(forQuestionnaire id: String?, questionnaire path: String?, rules: String?, files: FileSystem) throws -> Content {
        if path == nil, let id, id != builtInID, Option.isValidIdentifier(id) {
            if BuiltInFiles.text("Questionnaires/\(id).json") != nil {
                return try rules == nil ? builtIn(id, files: files) : loadBuiltIn(id, rules: rules, files: files)
            }
            if files.exists("Questionnaires/\(id).json") {
                return try load(questionnaire: "Questionnaires/\(id).json", rules: rules, requireRules: false, files: files)
            }
        }
        return try load(questionnaire: path, rules: rules, requireRules: false, files: files)
    }

    /// The content to read the transcript in `bytes` with: as
    /// `load(forQuestionnaire:...)`, except that a session of the default
    /// questionnaire recorded with an earlier built-in version is read with
    /// the files of that version (matched by the questionnaire's hash, else
    /// by its version), so it replays, checks and reports as it was made.
    public static func load(forTranscript bytes: [UInt8], questionnaire path: String?, rules: String?, files: FileSystem) throws -> Content {
        let header = TranscriptHeader.of(transcript: bytes)
        if path == nil, rules == nil, let header, isBuiltIn(header.questionnaire.id ?? builtInID) {
            return try builtIn(matching: header.questionnaire, files: files).readingLocalWords(as: header.localWords, files: files)
        }
        return try load(forQuestionnaire: header?.questionnaire.id, questionnaire: path, rules: rules, files: files)
    }

    /// Whether `id` names a built-in questionnaire (the default or the follow-up).
    static func isBuiltIn(_ id: String) -> Bool {
        Option.isValidIdentifier(id) && BuiltInFiles.text("Questionnaires/\(id).json") != nil
    }

    /// The built-in content a session recorded with `recorded` was made
    /// with: today's, or a kept version with the same hash, or failing that
    /// with the same version number; today's when none is.
    static func builtIn(matching recorded: FileIdentity, files: FileSystem) throws -> Content {
        let id = recorded.id ?? builtInID
        let today = try builtIn(id, files: files)
        if today.identities.questionnaire.sha256 == recorded.sha256 { return today }
        let kept = try keptVersions.filter { BuiltInFiles.text("Questionnaires/versions/\($0)/\(id).json") != nil }.map { try builtInKept($0, id: id, files: files) }
        if let same = kept.first(where: { $0.identities.questionnaire.sha256 == recorded.sha256 }) { return same }
        if today.identities.questionnaire.version == recorded.version { return today }
        return kept.first { $0.identities.questionnaire.version == recorded.version } ?? today
    }

    /// A kept version of built-in questionnaire `id` (the default unless
    /// said), from the folder `versions/VERSION/`, loaded once per process.
    static func builtInKept(_ version: String, id: String = builtInID, files: FileSystem) throws -> Content {
        let key = "\(id)@\(version)"
        if let loaded = builtInContents.withLock({ $0[key] }) { return loaded }
        let folder = "Questionnaires/versions/\(version)"
        let questionnaire = try QuestionnaireFile.load(nil, builtIn: "\(folder)/\(id).json", files: files)
        let (rulesBytes, rulesName) = try BuiltInFiles.bytes(of: nil, orBuiltIn: "\(folder)/\(id).rules.json", files: files)
        var loaded = try load(questionnaire, rules: try parseRules(rulesBytes, name: rulesName), builtIn: true, builtInFolder: folder, files: files)
        loaded.keptVersion = questionnaire.questionnaire.version
        builtInContents.withLock { $0[key] = loaded }
        return loaded
    }

    /// The built-in content of questionnaire `id`, loaded once per process:
    /// what is compiled in never changes, and a reception desk (or a test
    /// suite) runs session after session with it.
    static func builtIn(_ id: String, files: FileSystem) throws -> Content {
        if let loaded = builtInContents.withLock({ $0[id] }) { return loaded }
        let loaded = try id == builtInID ? loadDefault(files: files) : loadBuiltIn(id, rules: nil, files: files)
        builtInContents.withLock { $0[id] = loaded }
        return loaded
    }

    private static let builtInContents = Mutex<[String: Content]>([:])

    /// The default questionnaire, its rules and the medicines list, as compiled in.
    /// Its Korean words wait until a session or transcript needs them.
    private static func loadDefault(files: FileSystem) throws -> Content {
        var content = try loadDefaultFiles(files: files)
        content.koreanWordsWaiting = true
        content.offerKoreanWordsLater()
        return content
    }

    /// Today's default questionnaire, rules and medicines, without Korean words.
    private static func loadDefaultFiles(files: FileSystem) throws -> Content {
        let questionnaire = try QuestionnaireFile.load(nil, files: files)
        guard let text = BuiltInFiles.text(builtInRules) else {
            throw UserFacingError("\(builtInRules) is missing from this build: name a file instead")
        }
        let source = try parseRules(Array(text.utf8), name: BuiltInFiles.displayName(builtInRules))
        return try load(questionnaire, rules: source, builtIn: true, files: files)
    }

    /// Today's default questionnaire and rules, with the Korean words given.
    private static func loadDefault(aliases: ([UInt8], String)?, names: ([UInt8], String)?, files: FileSystem) throws -> Content {
        try loadDefaultFiles(files: files).addingLocalWords(aliases: aliases, names: names)
    }

    /// This content reading answers with the Korean words `recorded` names
    /// (a transcript header's `localWords`; none: their first version):
    /// today's when they are the same, else the kept copies with the same
    /// hash (or, for a header naming none, of the first version). Today's
    /// when no copy is kept: `changes(since:)` then says the words changed.
    func readingLocalWords(as recorded: [FileIdentity], files: FileSystem) throws -> Content {
        guard keptVersion == nil, !localWords.isEmpty, questionnaire.questionnaire.id == Self.builtInID else { return self }
        func wanted(_ file: FileIdentity) -> FileIdentity? { recorded.first { $0.id == file.id } }
        let same = localWords.allSatisfy { file in
            wanted(file).map { $0.sha256 == file.sha256 } ?? (recorded.isEmpty && file.version == Self.firstLocalWordsVersion)
        }
        if same { return self }
        // The kept copy of each file: the one with the recorded hash, or of the first version.
        func kept(_ name: String) -> ([UInt8], String)? {
            let file = localWords.first { $0.id == name }
            let current = BuiltInFiles.text("Questionnaires/\(name)").map { (Array($0.utf8), BuiltInFiles.displayName("Questionnaires/\(name)")) }
            guard let file else { return current }
            let versions = recorded.isEmpty ? [Self.firstLocalWordsVersion] : Self.keptLocalWordsVersions
            for version in versions {
                let path = "Questionnaires/versions/words/\(version)/\(name)"
                guard let text = BuiltInFiles.text(path) else { continue }
                let bytes = Array(text.utf8)
                if recorded.isEmpty || SHA256Hex.of(bytes) == wanted(file)?.sha256 { return (bytes, BuiltInFiles.displayName(path)) }
            }
            return (wanted(file)?.sha256 == file.sha256 || (recorded.isEmpty && file.version == Self.firstLocalWordsVersion)) ? current : nil
        }
        let aliasName = String(Self.builtInKoreanAliases.split(separator: "/").last!)
        let namesName = String(Self.builtInKoreanMedicines.split(separator: "/").last!)
        guard let aliases = kept(aliasName), let names = kept(namesName) else { return self }
        return try Self.loadDefault(aliases: aliases, names: names, files: files)
    }

    /// Korean words for the default questionnaire's options and scales, and
    /// Korean medicine names. A session in Korean reads them from its start
    /// (`readingKorean()`); any other session, replay or report makes them
    /// the first time an answer with Hangul in it is read (`offerKoreanWordsLater()`),
    /// so a start in English does not pay for them. They add to the English
    /// words and share none with them, so English answers read exactly as before.
    static let builtInKoreanAliases = "Questionnaires/massage-intake.ko.aliases.json"
    static let builtInKoreanMedicines = "Questionnaires/medications.ko.json"

    /// This content with the words of an alias table (`bytes`, named `name`)
    /// added to its questionnaire, and the Korean medicine names added to
    /// its lexicon when it is the built-in medicines list. A table or names
    /// file with a problem is an error naming the file and place.
    func addingLocalWords(
        aliases: ([UInt8], String)?,
        names koreanNames: ([UInt8], String)? = BuiltInFiles.text(builtInKoreanMedicines).map { (Array($0.utf8), BuiltInFiles.displayName(builtInKoreanMedicines)) }
    ) throws -> Content {
        var content = self
        // "Questionnaires/medications.ko.json (built in)" → "medications.ko.json".
        func fileName(_ name: String) -> String {
            let path = name.hasSuffix(BuiltInFiles.displayName("")) ? String(name.dropLast(BuiltInFiles.displayName("").count)) : name
            return String(path.split(separator: "/").last ?? Substring(path))
        }
        do {
            if let (bytes, name) = aliases {
                let table = try AliasTable.load(bytes, file: name, for: questionnaire.questionnaire)
                content.questionnaire.questionnaire = questionnaire.questionnaire.adding(table)
                content.addedLocalWords.append(FileIdentity(id: fileName(name), version: table.version, sha256: SHA256Hex.of(bytes)))
            }
            if keptVersion == nil, lexiconBytes == BuiltInFiles.text("Questionnaires/medications.json").map({ Array($0.utf8) }),
               let (bytes, name) = koreanNames {
                let names = try MedicationNames.load(bytes, file: name, for: lexicon)
                content.lexicon = lexicon.adding(names)
                content.addedLocalWords.append(FileIdentity(id: fileName(name), version: names.version, sha256: SHA256Hex.of(bytes)))
            }
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
        return content
    }

    /// Gives the questionnaire and the medicines list their Korean words to
    /// make when first needed (`Questionnaire.reading(_:)`,
    /// `MedicationLexicon.match(_:)`): made from the questionnaire as it is
    /// worded now, so messages about an answer keep its words.
    private mutating func offerKoreanWordsLater() {
        guard koreanWordsWaiting else { return }
        let aliasName = BuiltInFiles.displayName(Self.builtInKoreanAliases)
        let aliases = BuiltInFiles.text(Self.builtInKoreanAliases).map { Array($0.utf8) }
        let words = questionnaire.questionnaire
        // The built-in files are checked by the tests; were one not to load,
        // answers in Korean would be refused, never misread.
        questionnaire.questionnaire.laterWords = aliases.map { aliases in
            Later {
                var made = (try? AliasTable.load(aliases, file: aliasName, for: words)).map(words.adding) ?? words
                made.laterWords = nil
                return made
            }
        }
        let lexicon = lexicon
        if lexicon.laterNames == nil, let text = BuiltInFiles.text(Self.builtInKoreanMedicines) {
            let name = BuiltInFiles.displayName(Self.builtInKoreanMedicines)
            self.lexicon.laterNames = Later {
                (try? MedicationNames.load(Array(text.utf8), file: name, for: lexicon)).map(lexicon.adding) ?? lexicon
            }
        }
    }

    /// This content reading Korean answers: the built-in Korean words added
    /// when they are waiting; itself otherwise (a file's own alias table is
    /// read with the file).
    public func readingKorean() throws -> Content {
        guard koreanWordsWaiting else { return self }
        let key = builtInKey("+ko-words")
        if let made = Self.builtInContents.withLock({ $0[key] }) { return made }
        var plain = self
        plain.questionnaire.questionnaire.laterWords = nil
        plain.lexicon.laterNames = nil
        var content = try plain.addingLocalWords(aliases: BuiltInFiles.text(Self.builtInKoreanAliases).map {
            (Array($0.utf8), BuiltInFiles.displayName(Self.builtInKoreanAliases))
        })
        content.koreanWordsWaiting = false
        Self.builtInContents.withLock { $0[key] = content }
        return content
    }

    /// This content able to show and read `language`: its translation into
    /// it added when not yet there (a built-in questionnaire's are added
    /// when first asked for, once per process), and for Korean the Korean
    /// words. English is the content as it is.
    public func speaking(_ language: Language, files: FileSystem) throws -> Content {
        guard language != .english else { return self }
        var content = self
        if !questionnaire.hasTexts(in: language) {
            let key = builtInKey("+\(language.rawValue)")
            if questionnaire.isBuiltIn, let made = Self.builtInContents.withLock({ $0[key] }) {
                content = made
            } else {
                try content.questionnaire.addTranslations([language], files: files)
                content.offerKoreanWordsLater()
                if questionnaire.isBuiltIn { Self.builtInContents.withLock { $0[key] = content } }
            }
        }
        return language == .korean ? try content.readingKorean() : content
    }

    /// The key the built-in content made from this one by `step` is kept
    /// under: this content's files, words, languages and Korean words, then the step.
    private func builtInKey(_ step: String) -> String {
        let languages = Set(questionnaire.questionnaire.texts.variants.map(\.language.rawValue)).sorted().joined(separator: ",")
        return "\(identities.questionnaire.sha256) \(identities.rules?.sha256 ?? "-") \(identities.medications.sha256) "
            + "\(questionnaire.variant) [\(languages)] \(koreanWordsWaiting ? "" : "words")\(step)"
    }

    /// A questionnaire compiled in besides the default one, with its rules
    /// (or `rules`, when given) and the built-in medicines list.
    static func loadBuiltIn(_ id: String, rules rulesPath: String?, files: FileSystem) throws -> Content {
        let questionnaire = try QuestionnaireFile.load(nil, builtIn: "Questionnaires/\(id).json", files: files)
        let (rulesBytes, rulesName) = try BuiltInFiles.bytes(of: rulesPath, orBuiltIn: "Questionnaires/\(id).rules.json", files: files)
        return try load(questionnaire, rules: try parseRules(rulesBytes, name: rulesName), builtIn: rulesPath == nil, files: files)
            .addingLocalWords(aliases: nil)
    }

    private static func load(
        _ questionnaire: QuestionnaireFile, rules source: RulesSource, builtIn: Bool, builtInFolder: String = "Questionnaires", files: FileSystem
    ) throws -> Content {
        let (lexicon, lexiconBytes) = try loadLexicon(for: source, builtIn: builtIn, builtInFolder: builtInFolder, files: files)
        if builtIn, BuiltInFiles.isBuiltInName(source.file), let version = source.json["version"]?.stringValue {
            // Compiled-in rules (which the tests load and check) are made when
            // first asked for: a session needs them only at its end, and its
            // header only their version and hash.
            // Their translations are merged then too, as for rules from a file.
            let name = String(source.file.dropLast(" (built in)".count))
            let rules = LazyRules(making: { [questionnaire = questionnaire.questionnaire] () throws(DiagnosticError) -> RuleSet? in
                var rules = try RuleSet.load(source, questionnaire: questionnaire, lexicon: lexicon)
                let translations: [Translation]
                do {
                    translations = try QuestionnaireFile.translations(beside: name, builtIn: true, files: files)
                } catch let error as DiagnosticsFound {
                    throw DiagnosticError(error.diagnostics)
                } catch {
                    throw DiagnosticError([Diagnostic(file: name, path: .root, message: "\(error)")])
                }
                for translation in translations {
                    rules.texts.merge(try rules.translationTexts(translation, questionnaire: questionnaire, lexicon: lexicon))
                }
                return rules
            })
            return Content(
                questionnaire: questionnaire, rules: rules, rulesVersion: version, rulesBytes: source.bytes, rulesName: source.file,
                lexicon: lexicon, lexiconBytes: lexiconBytes)
        }
        do {
            var rules = try RuleSet.load(source, questionnaire: questionnaire.questionnaire, lexicon: lexicon)
            let compiledIn = BuiltInFiles.isBuiltInName(source.file)
            let name = compiledIn ? String(source.file.dropLast(" (built in)".count)) : source.file
            for translation in try QuestionnaireFile.translations(beside: name, builtIn: compiledIn, files: files) {
                rules.texts.merge(try rules.translationTexts(translation, questionnaire: questionnaire.questionnaire, lexicon: lexicon))
            }
            return Content(
                questionnaire: questionnaire, rules: rules, rulesBytes: source.bytes, rulesName: source.file,
                lexicon: lexicon, lexiconBytes: lexiconBytes)
        } catch let error as DiagnosticError {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
    }

    /// The languages this content can be shown in besides English: those
    /// the questionnaire has texts in.
    public var languages: [Language] { questionnaire.languages }

    private static func parseRules(_ bytes: [UInt8], name: String) throws -> RulesSource {
        do {
            return try RulesSource.parse(bytes, file: name)
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
    }

    /// `folder/name.json` → `folder/name.rules.json`.
    public static func rulesPathBeside(_ questionnaire: String) -> String {
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
    /// file is compiled in too; it is honoured only for rules with a built-in
    /// name, so rules read from disk always get the file they name.
    public static func loadLexicon(
        for rules: RulesSource?, builtIn: Bool, builtInFolder: String = "Questionnaires", files: FileSystem
    ) throws -> (MedicationLexicon, [UInt8]) {
        let bytes: [UInt8]
        let name: String
        let compiledIn = builtIn && (rules.map { BuiltInFiles.isBuiltInName($0.file) } ?? false)
        // Rules whose "medications" is not a string are refused with a
        // located message by RuleSet.load, which runs next; the built-in
        // list only lets that check run.
        if !compiledIn, let rules, let named = rules.medicinesFile {
            let folder = rules.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let path = named.name.hasPrefix("/") || folder.isEmpty ? named.name : folder + "/" + named.name
            do {
                bytes = try files.read(path, limit: FileLimits.rules)
            } catch {
                throw DiagnosticsFound(diagnostics: [Diagnostic(
                    file: rules.file, location: named.location, path: named.path,
                    message: "the medicines file '\(named.name)' cannot be read (\(error.message)); the name is relative to the rules file")])
            }
            name = path
        } else {
            (bytes, name) = try BuiltInFiles.bytes(of: nil, orBuiltIn: "\(builtInFolder)/medications.json", files: files)
        }
        do {
            return (try MedicationLexicon.load(bytes, file: name), bytes)
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
    }

    // MARK: - Using it

    /// This content in the words of `audience` and `language`: the
    /// questionnaire and the rules worded (`Questionnaire.worded(_:)`,
    /// `RuleSet.worded(_:)`). The one place a session, a replay, a report
    /// or a review chooses its words; the files, their hashes and what an
    /// answer may be typed as stay the same.
    public func worded(for audience: Audience, language: Language = .english, files: FileSystem) throws -> Content {
        try speaking(language, files: files).worded(variant: TextVariant(language: language, audience: audience))
    }

    /// This content in the words of `variant`, whose language it has texts in.
    private func worded(variant: TextVariant) -> Content {
        guard variant != questionnaire.variant else { return self }
        var worded = self
        worded.questionnaire.variant = variant
        worded.questionnaire.questionnaire = questionnaire.questionnaire.worded(variant)
        worded.lazyRules = LazyRules(making: { [lazyRules] () throws(DiagnosticError) -> RuleSet? in lazyRules.rules?.worded(variant) })
        worded.offerKoreanWordsLater()
        return worded
    }

    /// A new interview held on `today`, the local date: what a date answered
    /// "today" means, and what a FHIR form's `today()` gives.
    public func interview(on today: CalendarDate, checks: Interview.Checks = []) -> Interview {
        var interview = Interview(questionnaire: questionnaire.questionnaire(today: today), checks: checks, answerCheck: medicineCheck)
        interview.today = today
        return interview
    }

    /// The recorded inputs of a transcript fed through this questionnaire
    /// again, on the local date the session started, so "today" means the
    /// day it meant then.
    public func replay(_ document: TranscriptDocument, clock: WallClock) -> TranscriptReplay {
        let today = document.header.map { clock.localTime(atMilliseconds: $0.startedMilliseconds).localDate }
        return TranscriptReplay(document, questionnaire: questionnaire.questionnaire(today: today), answerCheck: medicineCheck, today: today)
    }

    /// The values a FHIR form computes from an interview's answers (the
    /// PHQ-9 total), each with the weighted answers it came from; none for
    /// intake's own format, whose scores are the rules' business.
    public func scores(of interview: Interview) -> [ComputedScore] {
        scores(of: interview.answers, today: interview.today)
    }

    /// The values a FHIR form computes from `answers` (an answer file's, a
    /// QuestionnaireResponse's), with `today` as FHIRPath's today().
    public func scores(of answers: [String: Answer], today: CalendarDate?) -> [ComputedScore] {
        guard let form = questionnaire.fhirForm else { return [] }
        return QuestionnaireResponseExport.computedValues(form: form, answers: answers, today: today).map { computed in
            ComputedScore(
                label: computed.label, value: Self.words(computed.value), json: computed.value.json,
                parts: computed.weights.map { ComputedScore.Part(question: $0.question, answer: $0.answer, weight: Self.words(.number($0.weight))) })
        }
    }

    /// A computed value in words: numbers without a needless ".0".
    static func words(_ value: AnswerValue) -> String {
        switch value {
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .integer(let number): return String(number)
        case .yesNo(let flag): return flag ? "Yes" : "No"
        case .text(let text), .choice(let text): return text
        case .choices(let codes), .medications(let codes): return codes.joined(separator: ", ")
        case .duration(let days): return Duration.describe(days: days)
        case .date(let day): return day.words
        case .time(let time): return time.words
        case .dateTime(let day, let time): return "\(day.words) at \(time.words)"
        }
    }

    /// The massage-fit assessment for an interview's answers, or nil without rules.
    public func assess(_ interview: Interview) -> Assessment? {
        guard let rules else { return nil }
        let answers = AnswerSet(questionnaire: interview.questionnaire, answers: interview.answers, skipped: interview.skipped)
        return Assessment.assess(answers, rules: rules, lexicon: lexicon)
    }

    /// What changed in the questionnaire, rules or medicines list since a
    /// session was recorded, in words; empty when nothing did.
    public func changes(since header: TranscriptHeader) -> [String] {
        let now = identities
        var changes: [String] = []
        if header.questionnaire.sha256 != now.questionnaire.sha256 {
            let versions = header.questionnaire.version == now.questionnaire.version ? "" : " (\(header.questionnaire.version ?? "?") → \(now.questionnaire.version ?? "?"))"
            changes.append("the questionnaire has changed\(versions)")
        }
        if header.rules?.sha256 != now.rules?.sha256 { changes.append("the rules have changed") }
        if header.medications?.sha256 != nil, header.medications?.sha256 != now.medications.sha256 { changes.append("the medicines list has changed") }
        for file in localWords {
            if let recorded = header.localWords.first(where: { $0.id == file.id }) {
                if recorded.sha256 != file.sha256 {
                    let versions = recorded.version == file.version ? "" : " (\(recorded.version ?? "?") → \(file.version ?? "?"))"
                    changes.append("the words of \(file.id ?? "?") have changed\(versions)")
                }
            } else if header.localWords.isEmpty, keptVersion == nil, questionnaire.questionnaire.id == Self.builtInID, file.version != Self.firstLocalWordsVersion {
                changes.append("the words of \(file.id ?? "?") have changed (\(Self.firstLocalWordsVersion) → \(file.version ?? "?"))")
            }
        }
        return changes
    }

    /// Contents by questionnaire id, loaded once each: a folder may hold
    /// sessions of several questionnaires. Nil for an id no file is found
    /// for. Any thread may ask; each content is loaded once.
    public final class Cache: Sendable {
        private let loaded = Mutex<[String: Content?]>([:])
        private let fixed: Content?
        private let files: FileSystem

        /// With `fixed` (from --questionnaire), every session is read with it.
        public init(fixed: Content?, files: FileSystem) {
            self.fixed = fixed
            self.files = files
        }

        /// The content to read the transcript in `bytes` with (a kept
        /// version of the default questionnaire when it was made with one).
        public func content(forTranscript bytes: [UInt8]) -> Content? {
            if let fixed { return fixed }
            let header = TranscriptHeader.of(transcript: bytes)
            guard let header, Content.isBuiltIn(header.questionnaire.id ?? builtInID) else { return content(for: header?.questionnaire.id) }
            let key = "\(header.questionnaire.id ?? builtInID)#\(header.questionnaire.sha256)#\(header.localWords.map(\.sha256).joined(separator: ","))"
            return loaded.withLock { loaded in
                if let known = loaded[key] { return known }
                // With the Korean words the session read its answers with.
                let found = try? Content.builtIn(matching: header.questionnaire, files: files).readingLocalWords(as: header.localWords, files: files)
                loaded[key] = found
                return found
            }
        }

        public func content(for id: String?) -> Content? {
            if let fixed { return fixed }
            let key = id ?? builtInID
            return loaded.withLock { loaded in
                if let known = loaded[key] { return known }
                let found = try? Content.load(forQuestionnaire: key, questionnaire: nil, rules: nil, files: files)
                let usable = found.flatMap { $0.questionnaire.questionnaire.id == key ? $0 : nil }
                loaded[key] = usable
                return usable
            }
        }
    }
}

/// Rules made when first asked for, once, whichever thread asks: a copy of
/// a `Content` shares them (a `Later` whose making may fail only for rules
/// compiled in, which the tests load).
final class LazyRules: Sendable {
    private let made: Later<RuleSet?>

    init(_ rules: RuleSet?) {
        made = Later { rules }
    }

    init(making make: @escaping @Sendable () throws(DiagnosticError) -> RuleSet?) {
        made = Later {
            do throws(DiagnosticError) {
                return try make()
            } catch {
                // Only compiled-in rules wait, and the tests load each.
                preconditionFailure("the rules compiled into this build do not load: \(error.diagnostics.map(\.description).joined(separator: "; "))")
            }
        }
    }

    var rules: RuleSet? { made.value }
}
