import ArgumentParser
import IntakeKit

/// `intake validate`: every check of the loaders, warnings a questionnaire
/// author should see, and statistics of the flow.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaires, rules and medicines files; show statistics of each flow.",
        discussion: """
            A FHIR R4 Questionnaire (recognised by its resourceType) is checked as intake \
            reads it: what intake does not support is a warning saying what happens instead. \
            Errors (a file intake cannot use) exit 2. Warnings (a condition that can never \
            hold, option names that clash, text too wide for a terminal, a rule reading a \
            question no route asks) exit 0, or 1 with --strict. A rules file is checked \
            against the questionnaire beside it (NAME.rules.json beside NAME.json), one \
            given on the command line with the same id, or --questionnaire.
            """
    )

    @Argument(help: ArgumentHelp("Questionnaire (intake's or FHIR), rules or medicines files.", valueName: "file"), completion: .file(extensions: ["json"]))
    var files: [String]

    @Flag(name: .long, help: "Exit with 1 when there are warnings.")
    var strict = false

    @Flag(name: .long, help: "Print the findings and statistics as JSON, for editors and CI.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("The questionnaire that rules files belong to.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var questionnaire: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to check") }
    }

    func run() throws {
        try Validation.run(
            Validation.Options(files: files, strict: strict, json: json, questionnaire: questionnaire),
            ports: Ports.process())
    }
}
