import ArgumentParser
import IntakeKit

/// `intake replay`: a session as it happened, re-checked against today's
/// questionnaire and rules; or a summary of a whole folder of sessions.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a transcript (or summarise a folder of them) and check it.",
        discussion: """
            A transcript is replayed by feeding every recorded input, as typed, through \
            today's questionnaire again, so a change in the questions, the answer parser \
            or the rules shows up. The hash chain is verified: a changed, inserted or \
            removed line is reported by its number. With a folder, every *.jsonl file in \
            it is read in turn and summarised; one bad file never stops the rest. With no \
            path, the folder intake run saves sessions in ($INTAKE_TRANSCRIPTS, else \
            $XDG_DATA_HOME/intake/sessions, else ~/.local/share/intake/sessions). With \
            --trusted-keys, the signatures of signed sessions are checked against the \
            desks' public key files: --check then also fails on a session altered after \
            it was signed, signed by a key not trusted, or not signed (to its end).
            """
    )

    enum Wording: ContentOptionsWording {
        static let questionnaire = "The questionnaire the sessions used (default: the built-in one)."
        static let rules = "The rules to re-score with (default: the rules beside the questionnaire)."
    }

    @Argument(help: ArgumentHelp("A transcript (.jsonl) or a folder of them (default: the folder intake run saves sessions in).", valueName: "path"), completion: .file(extensions: ["jsonl"]))
    var path: String?

    @Flag(name: .long, help: "Exit with 1 on any mismatch, changed outcome, damage or tampering.")
    var check = false

    @Flag(name: .long, help: "One session, a question at a time: Enter shows the next; q (or :quit) stops there, like a pager (with --check the exit status still covers the whole session); Ctrl-D shows the rest at once.")
    var step = false

    @Flag(name: .long, help: "With a folder: print the summary as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("A folder of the public key files (*.pub) of the desks you trust, or one such file: check each session's signatures against them.", valueName: "dir"), completion: .directory)
    var trustedKeys: String?

    @OptionGroup var content: ContentOptions<Wording>
    @OptionGroup var language: LanguageOption

    func run() throws {
        var options = Replay.Options(
            path: path, check: check, step: step, json: json, questionnaire: content.questionnaire, rules: content.rules,
            trustedKeys: trustedKeys)
        options.language = try language.language()
        try Replay.run(
            options,
            ports: Ports.process(), stepper: step ? TerminalKeyboard.stepper() : nil)
    }
}
