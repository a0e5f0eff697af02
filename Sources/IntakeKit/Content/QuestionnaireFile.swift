import FHIR
import QuestionnaireModel
import Synchronization

/// A questionnaire with the bytes it was read from and its display name:
/// intake's own format, or a FHIR R4 Questionnaire (recognised by its
/// `resourceType`) read into the same model.
public struct QuestionnaireFile: Sendable {
    /// The questionnaire as loaded. A FHIR form's computed values see no
    /// date here: an interview uses `questionnaire(today:)`.
    public var questionnaire: Questionnaire
    public var bytes: [UInt8]
    /// The path as given, or the built-in file's name.
    public var name: String
    public var isBuiltIn: Bool
    /// The FHIR form, when the file is a FHIR Questionnaire.
    public var fhirForm: FHIRForm?
    /// The words the questionnaire is shown in (`Content.worded(for:language:)`).
    public var variant: TextVariant = .original

    public static let builtInPath = "Questionnaires/massage-intake.json"

    /// Loads `path`, or the built-in questionnaire `builtIn` (the default
    /// one unless said) when nil. The file is parsed once, then read as
    /// FHIR or as intake's format by what it says it is.
    public static func load(_ path: String?, builtIn: String = builtInPath, files: FileSystem) throws -> QuestionnaireFile {
        let (bytes, name) = try BuiltInFiles.bytes(of: path, orBuiltIn: builtIn, files: files)
        var file: QuestionnaireFile
        do {
            let json = try JSONParser.parseFile(bytes, file: name)
            if FHIRQuestionnaireLoader.isFHIRQuestionnaire(json) {
                var form = try FHIRQuestionnaireLoader.load(parsed: json, from: bytes, file: name)
                // The standard translation extension on its texts.
                form.questionnaire.texts.merge(FHIRTranslations.catalog(json, questionnaire: form.questionnaire, languages: Translation.languages))
                file = QuestionnaireFile(questionnaire: form.questionnaire, bytes: bytes, name: name, isBuiltIn: path == nil, fhirForm: form)
            } else {
                let loaded = try QuestionnaireLoader.load(parsed: json, from: bytes, file: name)
                file = QuestionnaireFile(questionnaire: loaded.questionnaire, bytes: bytes, name: name, isBuiltIn: path == nil)
            }
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
        // A file's translations are read with it, so their problems are
        // found at once; the built-in ones (checked by the tests) when a
        // session in their language asks for them (`addTranslations(for:)`).
        if !file.isBuiltIn { try file.addTranslations(Translation.languages, files: files) }
        return file
    }

    /// The file's name without "(built in)", as translations are found beside it.
    var plainName: String {
        isBuiltIn ? String(name.dropLast(" (built in)".count)) : name
    }

    /// The languages the questionnaire has texts in besides English (its
    /// translation files, or a FHIR form's translation extensions).
    public var languages: [Language] {
        var found = Set(questionnaire.texts.variants.map(\.language))
        if isBuiltIn {
            found.formUnion(Translation.languages.filter { BuiltInFiles.text(Translation.path(beside: plainName, language: $0)) != nil })
        }
        return found.subtracting([.english]).sorted { $0.rawValue < $1.rawValue }
    }

    /// Whether the texts in `language` are in the questionnaire: English
    /// always is; another language once its translation has been added
    /// (or came in a FHIR form's extensions).
    func hasTexts(in language: Language) -> Bool {
        language == .english || questionnaire.texts.variants.contains { $0.language == language }
    }

    /// Adds the translations in `languages` found beside the file
    /// (`NAME.LANG.json`; compiled in beside a built-in file) to its texts.
    /// A file that is not there is no error: the questionnaire is then
    /// shown in English in that language, and validate says so.
    mutating func addTranslations(_ languages: [Language], files: FileSystem) throws {
        for translation in try Self.translations(beside: plainName, builtIn: isBuiltIn, languages: languages, files: files) {
            do {
                let catalog = try translation.stringCatalog()
                questionnaire.texts.merge(catalog)
                fhirForm?.questionnaire.texts.merge(catalog)
            } catch {
                throw DiagnosticsFound(diagnostics: error.diagnostics)
            }
        }
    }

    /// The translation files beside `name` (a path, or a built-in file's
    /// path in the repository), each checked to name the file it sits beside.
    static func translations(
        beside name: String, builtIn: Bool, languages: [Language] = Translation.languages, files: FileSystem
    ) throws -> [Translation] {
        var found: [Translation] = []
        for language in languages {
            let path = Translation.path(beside: name, language: language)
            let bytes: [UInt8]
            let shown: String
            if builtIn {
                guard let text = BuiltInFiles.text(path) else { continue }
                (bytes, shown) = (Array(text.utf8), BuiltInFiles.displayName(path))
            } else {
                guard files.exists(path) else { continue }
                (bytes, shown) = (try files.read(path, limit: FileLimits.questionnaire), path)
            }
            do {
                let translation = try Translation.load(bytes, file: shown)
                let own = String(name.split(separator: "/").last ?? "")
                if translation.translates != own {
                    throw DiagnosticError([Diagnostic(file: shown, path: JSONPath.root.appending("translates"), message: "'translates' names '\(translation.translates)', but this file sits beside '\(own)': name the file it translates")])
                }
                if translation.language != language {
                    throw DiagnosticError([Diagnostic(file: shown, path: JSONPath.root.appending("language"), message: "'language' is '\(translation.language)', but the file's name says '\(language)'")])
                }
                found.append(translation)
            } catch let error as DiagnosticError {
                throw DiagnosticsFound(diagnostics: error.diagnostics)
            }
        }
        return found
    }

    /// The questionnaire as an interview on `today` runs it: a FHIR form's
    /// expressions that call `today()` (an age from a birth date) see that date.
    public func questionnaire(today: CalendarDate?) -> Questionnaire {
        fhirForm.map { $0.questionnaire(today: today).worded(variant) } ?? questionnaire
    }

    /// What intake cannot do with a FHIR form, each saying what happens
    /// instead; none for intake's own format.
    public var warnings: [Diagnostic] { fhirForm?.warnings ?? [] }

    /// The questionnaire as a FHIR form: the form itself, or intake's own
    /// questionnaire written as FHIR (`intake convert`), whose linkIds are
    /// its node ids. What exports and FHIR responses are made against.
    public func asFHIRForm() throws -> FHIRForm {
        if let fhirForm { return fhirForm }
        // A compiled-in questionnaire never changes: it is written as FHIR
        // and read back once per process for each wording (a reception desk,
        // or a test suite, exports session after session).
        let key = BuiltInFormKey(name: name, variant: variant)
        if isBuiltIn, let known = Self.builtInForms.withLock({ $0[key] }) { return known }
        let converted = FHIRConversion.questionnaire(questionnaire)
        let form: FHIRForm
        do {
            form = try FHIRQuestionnaireLoader.load(parsed: converted, from: [], file: name + " (as FHIR)")
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
        if isBuiltIn { Self.builtInForms.withLock { $0[key] = form } }
        return form
    }

    private struct BuiltInFormKey: Hashable {
        var name: String
        var variant: TextVariant
    }

    private static let builtInForms = Mutex<[BuiltInFormKey: FHIRForm]>([:])
}

/// The questionnaires, rules and medicines list compiled into intake (by the
/// EmbedQuestionnaires plugin), so it runs from any folder and its sessions
/// replay anywhere.
public enum BuiltInFiles {
    /// The text of the built-in file named by its path in the repository
    /// (`Questionnaires/massage-intake.json`), or nil.
    public static func text(_ path: String) -> String? {
        EmbeddedFiles.contents[path]
    }

    /// How built-in files are named in messages and transcripts.
    public static func displayName(_ path: String) -> String {
        path + " (built in)"
    }

    /// Whether a name given by `displayName` is a built-in file's.
    public static func isBuiltInName(_ name: String) -> Bool {
        name.hasSuffix(" (built in)")
    }

    /// The bytes of `path`, or of the file built into intake when `path` is
    /// nil, with the name diagnostics give it.
    public static func bytes(
        of path: String?, orBuiltIn builtIn: String, limit: Int = FileLimits.questionnaire, files: FileSystem
    ) throws -> (bytes: [UInt8], name: String) {
        if let path { return (try files.read(path, limit: limit), path) }
        guard let text = text(builtIn) else {
            throw UserFacingError("\(builtIn) is missing from this build: name a file instead")
        }
        return (Array(text.utf8), displayName(builtIn))
    }
}
