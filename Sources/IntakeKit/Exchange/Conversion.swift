import FHIR
import QuestionnaireModel

/// `intake convert`: one of intake's own questionnaires written as a FHIR R4
/// Questionnaire, which intake (and other FHIR tools) can run.
public enum Conversion {
    public enum Target: String, Sendable, CaseIterable {
        case fhir
    }

    public struct Options: Sendable {
        /// The questionnaire; nil for the built-in one.
        public var file: String?
        public var target: Target = .fhir
        /// A file to write instead of printing.
        public var output: String?
        /// The form's canonical URL (default: `urn:intake:questionnaire:ID`).
        public var url: String?

        public init(file: String?, target: Target = .fhir, output: String? = nil, url: String? = nil) {
            self.file = file
            self.target = target
            self.output = output
            self.url = url
        }
    }

    public static func run(_ options: Options, ports: Ports) throws {
        let file = try QuestionnaireFile.load(options.file, files: ports.files)
        if file.fhirForm != nil {
            throw UserFacingError("\(file.name): this is a FHIR Questionnaire already; intake converts its own questionnaires to FHIR, and runs this one as it is")
        }
        let text = FHIRConversion.questionnaire(file.questionnaire, url: options.url).prettyPrinted()
        guard let output = options.output else {
            Console(screen: ports.screen, plain: true, environment: ports.environment).write(text)
            return
        }
        try ports.files.writePrivately(Array(text.utf8), to: output)
    }
}
