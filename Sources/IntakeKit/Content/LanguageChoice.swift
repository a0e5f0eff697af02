import InterviewEngine
import QuestionnaireModel
import TerminalText

/// Which language a session, replay or report is shown in: `--lang`, else
/// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set:
/// `ko_KR.UTF-8` is Korean), else English.
public enum LanguageChoice {
    /// The languages intake speaks: English and those with program words.
    public static let spoken: [Language] = [.english] + Translation.languages

    /// The language a `--lang` value names ("ko", "en"), or a usage error.
    public static func parse(_ text: String) throws(UserFacingError) -> Language {
        let tag = text.trimmingSpaces().lowercased()
        guard let language = spoken.first(where: { $0.rawValue == tag }) else {
            throw UserFacingError("--lang: '\(Printable.escaped(text, limit: 40))' is not a language intake speaks: use \(spoken.map(\.rawValue).joined(separator: " or "))")
        }
        return language
    }

    /// The language of the locale, when it is one intake speaks.
    public static func fromLocale(_ environment: [String: String]) -> Language? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let tag = value.prefix { $0.isLetter }.lowercased()
            return spoken.first { $0.rawValue == tag }
        }
        return nil
    }

    /// `asked` (from --lang), else the locale's, else English.
    public static func choose(_ asked: Language?, environment: [String: String]) -> Language {
        asked ?? fromLocale(environment) ?? .english
    }

    /// The language's own name, for messages ("Korean (한국어)").
    public static func name(_ language: Language) -> String {
        switch language.rawValue {
        case "ko": "Korean (한국어)"
        case "en": "English"
        default: language.rawValue
        }
    }
}

extension Content {
    /// `language` when this content has a translation in it; else English,
    /// after `say` is told so plainly.
    public func available(_ language: Language, say: (String) -> Void) -> Language {
        guard language != .english, !languages.contains(language) else { return language }
        say("There is no \(LanguageChoice.name(language)) translation of \(questionnaire.name): showing it in English.")
        return .english
    }

    /// This content in the words the session in `transcript` was held in
    /// (its header's mode and language), or in `language` when given.
    public func worded(forTranscript transcript: [UInt8], language: Language?, files: FileSystem, say: (String) -> Void) throws -> Content {
        let header = TranscriptHeader.of(transcript: transcript)
        let chosen = available(language ?? header?.language ?? .english, say: say)
        return try worded(for: header?.mode ?? .self, language: chosen, files: files)
    }
}
