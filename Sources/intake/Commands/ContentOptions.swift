import ArgumentParser

/// `--questionnaire` and `--rules`, the options every command that uses a
/// questionnaire shares; `Wording` says, in each command's own words, what
/// they are for there.
struct ContentOptions<Wording: ContentOptionsWording>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Wording.questionnaire, valueName: "file"), completion: .file(extensions: ["json"]))
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp(Wording.rules, valueName: "file"), completion: .file(extensions: ["json"]))
    var rules: String?
}

/// The help of `ContentOptions` for one command.
protocol ContentOptionsWording {
    static var questionnaire: String { get }
    static var rules: String { get }
}
