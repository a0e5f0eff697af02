import ArgumentParser
import IntakeKit
import QuestionnaireModel

/// `--lang`, shared by the commands that show a questionnaire's words.
struct LanguageOption: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("lang"), help: ArgumentHelp(
        "The language: ko (Korean, 한국어) or en (English). Default: the session's for a transcript, else the locale's (LC_ALL, LC_MESSAGES, LANG), else English.",
        valueName: "ko|en"))
    var lang: String?

    /// The language asked for, or nil.
    func language() throws -> Language? {
        guard let lang else { return nil }
        do {
            return try LanguageChoice.parse(lang)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
