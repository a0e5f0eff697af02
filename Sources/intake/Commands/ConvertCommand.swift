import ArgumentParser
import IntakeKit

/// `intake convert`: one of intake's questionnaires as a FHIR R4 Questionnaire.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write one of intake's questionnaires as a FHIR R4 Questionnaire.",
        discussion: """
            Nodes become items; routes become SDC variables read by each item's \
            enableWhenExpression; scales, durations and medicines keep an extension so \
            intake runs the FHIR form as it ran the original: \
            intake convert Questionnaires/massage-intake.json --to fhir --output intake.fhir.json
            """
    )

    @Argument(help: ArgumentHelp("The questionnaire (default: the built-in one).", valueName: "file"), completion: .file(extensions: ["json"]))
    var file: String?

    @Option(name: .long, help: "The format to write: fhir.")
    var to: Conversion.Target = .fhir

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of printing.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The form's canonical URL (default: urn:intake:questionnaire:ID).", valueName: "url"))
    var url: String?

    func run() throws {
        try Conversion.run(Conversion.Options(file: file, target: to, output: output, url: url), ports: Ports.process())
    }
}

extension Conversion.Target: ExpressibleByArgument {}
