import ArgumentParser
import IntakeKit
import Reports

/// `intake graph`: the flow as Graphviz DOT or Mermaid.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a questionnaire's flow as Graphviz DOT or Mermaid.",
        discussion: "For a picture: intake graph --format dot | dot -Tsvg > flow.svg"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @Argument(help: ArgumentHelp("The questionnaire, intake's or FHIR (default: the built-in one).", valueName: "file"), completion: .file(extensions: ["json"]))
    var file: String?

    @Option(name: .long, help: "dot or mermaid.")
    var format: Format = .dot

    func run() throws {
        let ports = Ports.process()
        let questionnaire = try QuestionnaireFile.load(file, files: ports.files).questionnaire
        let console = Console(screen: ports.screen, plain: true, environment: ports.environment)
        console.write(format == .dot ? FlowChart.dot(questionnaire) : FlowChart.mermaid(questionnaire))
    }
}
