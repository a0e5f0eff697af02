import ArgumentParser
import IntakeKit
import QuestionnaireModel

/// `--lang`, shared by the commands that show a questionnaire's words.
struct LanguageOption: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("lang"), help: ArgumentHelp(
        "The language: ko (Korean, 한국어) or en (English). Default: the session's for a transcript, else the locale's (LC_ALL, LC_MESSAGES, LANG), else English. At reception, several (ko,en) offers each client the choice, the first being the desk's.",
        valueName: "ko|en"))
    var lang: String?

    /// The language asked for (the first, when several are), or nil.
    func language() throws -> Language? {
        try languages().first
    }

    /// Every language asked for: "ko,en" offers both at reception.
    func languages() throws -> [Language] {
        guard let lang else { return [] }
        do {
            var found: [Language] = []
            for part in lang.split(separator: ",") where !found.contains(try LanguageChoice.parse(String(part))) {
                found.append(try LanguageChoice.parse(String(part)))
            }
            if found.isEmpty { throw UserFacingError("--lang: name a language, ko or en") }
            return found
        } catch let error as UserFacingError {
            throw ValidationError(error.message)
        }
    }
}
