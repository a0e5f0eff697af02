import Foundation
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Scoring
import Synchronization
import Testing
@testable import FHIR

/// intake's own questionnaire written as FHIR, checked by FHIR's models,
/// read back, and run with the personas to the same assessments.
@Suite("intake's questionnaire as FHIR")
struct ConversionTests {
    static func shipped(_ path: String) -> [UInt8] { Array((try? Data(contentsOf: FHIRCheck.root.appendingPathComponent(path))) ?? Data()) }

    static let intake = try! QuestionnaireLoader.load(shipped("Questionnaires/massage-intake.json"), file: "massage-intake.json").questionnaire
    static let lexicon = try! MedicationLexicon.load(shipped("Questionnaires/medications.json"), file: "medications.json")
    static let converted = FHIRConversion.questionnaire(intake)
    static let form: Result<FHIRForm, DiagnosticError> = Result { () throws(DiagnosticError) in
        try FHIRQuestionnaireLoader.load(converted.serializedBytes(), file: "massage-intake.fhir.json")
    }

    static var personas: [String] {
        let folder = FHIRCheck.root.appendingPathComponent("Tests/Personas").path
        // Partial files (scored, not walked: "scoreOnly") have no whole interview to convert.
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { name in
            guard name.hasSuffix(".json"), let data = FileManager.default.contents(atPath: folder + "/" + name) else { return false }
            return !String(decoding: data, as: UTF8.self).contains("\"scoreOnly\": true")
        }.sorted()
    }

    @Test func theConvertedQuestionnaireIsValidFHIR() throws {
        let verdict = try FHIRCheck.validate([Self.converted])
        #expect(verdict == [nil], "\(verdict)")
        let form = try Self.form.get()
        #expect(form.warnings.isEmpty, "\(form.warnings)")
        // The routes' last resort, an end page, is the one node intake adds.
        let asked = form.questionnaire.nodes.filter { $0.id != "end" }
        #expect(asked.map(\.id) == Self.intake.nodes.map(\.id))
        #expect(asked.map(\.kind) == Self.intake.nodes.map(\.kind))
        #expect(form.questionnaire.nodes.filter(\.urgent).map(\.id) == Self.intake.nodes.filter(\.urgent).map(\.id))
        // Every route expression is FHIRPath that fhirpathpy reads the same way.
        let variables = (Self.converted["extension"]?.arrayValue ?? []).compactMap { $0["valueExpression"]?["expression"]?.stringValue }
        #expect(variables.count >= 5)
    }

    /// A persona answered through the FHIR form: the assessment, the
    /// interview, and the resources written for it.
    struct PersonaRun: Sendable {
        var viaFHIR: Assessment
        var direct: Assessment
        var interview: Interview
        var response: JSONValue
        var bundle: JSONValue
        /// What the answer file said was wrong, through either form; none expected.
        var problems: [String]
    }

    /// The shipped rules read against the FHIR form and against intake's
    /// own questionnaire: once for every persona.
    static let rules: Result<(viaFHIR: RuleSet, direct: RuleSet), any Error> = Result {
        let bytes = Self.shipped("Questionnaires/massage-intake.rules.json")
        return (try RuleSet.load(bytes, file: "rules", questionnaire: try form.get().questionnaire, lexicon: lexicon),
                try RuleSet.load(bytes, file: "rules", questionnaire: intake, lexicon: lexicon))
    }

    /// Each persona's run, made once and shared by the tests that look at
    /// it (each answer, and the resources checked by FHIR's models).
    static let runs = Mutex<[String: PersonaRun]>([:])

    static func run(_ persona: String) throws -> PersonaRun {
        if let known = runs.withLock({ $0[persona] }) { return known }
        let made = try Self.make(persona)
        runs.withLock { $0[persona] = made }
        return made
    }

    static func make(_ persona: String) throws -> PersonaRun {
        let form = try Self.form.get()
        let (rules, intakeRules) = try Self.rules.get()
        let bytes = Self.shipped("Tests/Personas/\(persona)")
        var problems: [String] = []
        func assess(_ questionnaire: Questionnaire, _ rules: RuleSet) throws -> (Assessment, Interview) {
            let file = try AnswerFile(bytes, file: persona, questionnaire: questionnaire)
            var interview = Interview(questionnaire: questionnaire)
            if let problem = try file.run(&interview) { problems.append("\(problem)") }
            let answers = AnswerSet(questionnaire: questionnaire, answers: interview.answers, skipped: interview.skipped)
            return (Assessment.assess(answers, rules: rules, lexicon: Self.lexicon), interview)
        }
        let (viaFHIR, interview) = try assess(form.questionnaire, rules)
        let (direct, _) = try assess(Self.intake, intakeRules)
        let response = QuestionnaireResponseExport.response(form: form, interview: interview, authored: authored)
        let bundle = AssessmentBundle.bundle(response: response, assessment: viaFHIR, authored: authored, session: persona)
        return PersonaRun(viaFHIR: viaFHIR, direct: direct, interview: interview, response: response, bundle: bundle, problems: problems)
    }

    @Test(arguments: personas)
    func aPersonaGetsTheSameAssessmentFromTheFHIRForm(_ persona: String) throws {
        let form = try Self.form.get()
        let run = try Self.run(persona)
        #expect(run.problems.isEmpty, "\(run.problems)")
        #expect(run.viaFHIR.category.code == run.direct.category.code)
        #expect(Set(run.viaFHIR.fired.map(\.id)) == Set(run.direct.fired.map(\.id)))
        // Reading the response back gives the answers again.
        #expect(run.response["status"]?.stringValue == (run.interview.endedUrgently ? "stopped" : "completed"))
        let (read, warnings) = try QuestionnaireResponseReader.answers(run.response.serializedBytes(), file: "response.json", form: form)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(read.mapValues { $0.value } == run.interview.answers.mapValues { $0.value })
        let observation = run.bundle["entry"]?.arrayValue?.last?["resource"] ?? .null
        #expect(observation["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"]?.stringValue == run.direct.category.code)
        #expect(observation["component"]?.arrayValue?.count == run.viaFHIR.fired.count)
    }

    /// Every persona's response, and response with the assessment, are
    /// valid R4: checked by FHIR's models in one run of Python.
    @Test func everyPersonasResponseAndBundleIsValidFHIR() throws {
        var resources: [JSONValue] = []
        for persona in Self.personas {
            let run = try Self.run(persona)
            #expect(run.problems.isEmpty, "\(persona): \(run.problems)")
            resources += [run.response, run.bundle]
        }
        #expect(resources.count == 2 * Self.personas.count)
        let verdicts = try FHIRCheck.validate(resources)
        #expect(verdicts.allSatisfy { $0 == nil }, "\(verdicts.compactMap { $0 })")
    }
}
