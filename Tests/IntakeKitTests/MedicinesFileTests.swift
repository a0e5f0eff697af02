import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// The medicines file a rules file names is the one used, or an error: never
/// a quiet switch to the built-in list, which would change which precautions
/// fire.
@Suite("The medicines file named by the rules")
struct MedicinesFileTests {
    static let questionnaire = """
        {"id": "q", "version": "1", "title": "Q", "start": "meds", "nodes": [
          {"id": "meds", "kind": "medications", "text": "Which medicines do you take?"}
        ]}
        """

    static func rules(medications: String) -> String {
        """
        {"questionnaire": "q", "version": "1", "disclaimer": "General information, not medical advice.",
         "medications": \(medications),
         "categories": [{"code": "check", "title": "Check", "self": "s", "reception": "r"}, {"code": "fine", "title": "Fine", "self": "s", "reception": "r"}],
         "derived": [{"name": "classes", "label": "Medicine classes", "medicationClasses": "meds"}],
         "rules": [{"id": "thinner", "title": "Blood thinner", "when": {"value": "classes", "includes": "blood-thinner"}, "effect": "check", "discuss": "d"}]}
        """
    }

    @Test func aMedicinesFileThatCannotBeReadIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        let questionnaire = try folder.file("q.json", Self.questionnaire)
        let rules = try folder.file("q.rules.json", Self.rules(medications: #""meds.json""#))
        let answers = try folder.file("a.json", #"{"meds": "Eliquis"}"#)
        let expected = "\(rules):2:17: $.medications: the medicines file 'meds.json' cannot be read (\(folder.path)/meds.json: no such file: check the name and the folder); the name is relative to the rules file"
        let score = InProcessIntake().score(.init(answers: answers, questionnaire: questionnaire))
        #expect(score.status == 2)
        #expect(score.error.contains(expected), "\(score.error)")
        let validate = InProcessIntake().validate(.init(files: [questionnaire, rules]))
        #expect(validate.status == 2)
        #expect(validate.output.contains(expected), "\(validate.output)")
        // A rules file in the current folder, where no medicines file is either.
        let here = InProcessIntake(directory: folder.path).validate(.init(files: ["q.rules.json"]))
        #expect(here.status == 2)
        #expect(here.output.contains("q.rules.json:2:17: $.medications: the medicines file 'meds.json' cannot be read"), "\(here.output)")
    }

    @Test func theNamedMedicinesFileIsTheOneUsed() throws {
        let folder = try TemporaryFolder()
        let questionnaire = try folder.file("q.json", Self.questionnaire)
        _ = try folder.file("q.rules.json", Self.rules(medications: #""meds.json""#))
        _ = try folder.file("meds.json", """
            {"version": "7", "classes": [{"code": "blood-thinner", "label": "blood thinner", "medicines": [{"generic": "apixaban", "brands": ["Eliquis"]}]}]}
            """)
        let answers = try folder.file("a.json", #"{"meds": "Eliquis"}"#)
        let score = InProcessIntake().score(.init(answers: answers, questionnaire: questionnaire))
        #expect(score.status == 0, "\(score.error)")
        #expect(score.output.contains("[thinner]"), "\(score.output)")
    }

    @Test func aMedicinesKeyThatIsNotAFileNameIsAnError() throws {
        let folder = try TemporaryFolder()
        let questionnaire = try folder.file("q.json", Self.questionnaire)
        let rules = try folder.file("q.rules.json", Self.rules(medications: "false"))
        let score = InProcessIntake().score(.init(answers: try folder.file("a.json", "{}"), questionnaire: questionnaire))
        #expect(score.status == 2)
        #expect(score.error.contains("\(rules):2:17: $.medications: 'medications' must be a non-empty string, found true or false"), "\(score.error)")
    }
}
