import Crypto
import QuestionnaireModel
import Scoring

/// intake's assessment as FHIR: an `Observation` coded with intake's own
/// code systems, beside the QuestionnaireResponse it came from, in a
/// `collection` Bundle.
public enum AssessmentBundle {
    /// The code systems intake's codes come from. URNs: intake publishes no
    /// server, and a URN names the system without pretending to be fetchable.
    public static let assessmentSystem = "urn:intake:fhir:CodeSystem:assessment"
    public static let categorySystem = "urn:intake:fhir:CodeSystem:massage-fit-category"
    public static let ruleSystem = "urn:intake:fhir:CodeSystem:rule"

    /// A Bundle of type `collection` holding `response` and the assessment's
    /// Observation, which points at the response. `session` (the transcript's
    /// id) makes the entries' `urn:uuid:` names, so the same session always
    /// gives the same Bundle.
    public static func bundle(response: JSONValue, assessment: Assessment, authored: LocalTimestamp, session: String) -> JSONValue {
        let responseURL = "urn:uuid:" + uuid(session + "/QuestionnaireResponse")
        let observationURL = "urn:uuid:" + uuid(session + "/Observation")
        let observation = self.observation(assessment, authored: authored, derivedFrom: responseURL)
        return .object([
            "resourceType": .string("Bundle"),
            "type": .string("collection"),
            "timestamp": .string(authored.fhirDateTime),
            "entry": .array([
                .object(["fullUrl": .string(responseURL), "resource": response]),
                .object(["fullUrl": .string(observationURL), "resource": observation]),
            ]),
        ])
    }

    /// The assessment as an Observation: its category as the value, each
    /// fired rule as a component with the answers that made it fire, the
    /// discussion points and disclaimer as notes.
    public static func observation(_ assessment: Assessment, authored: LocalTimestamp, derivedFrom response: String?) -> JSONValue {
        var object = JSONObject()
        object.set("resourceType", .string("Observation"))
        object.set("status", .string(assessment.isProvisional ? "preliminary" : "final"))
        object.set("category", .array([.object(["coding": .array([.object([
            "system": .string("http://terminology.hl7.org/CodeSystem/observation-category"),
            "code": .string("survey"), "display": .string("Survey"),
        ])])])]))
        object.set("code", .object(["coding": .array([.object([
            "system": .string(assessmentSystem), "code": .string("massage-therapy-fit"),
            "display": .string("How massage therapy could fit the treatment plan"),
        ])])]))
        object.set("effectiveDateTime", .string(authored.fhirDateTime))
        object.set("valueCodeableConcept", .object([
            "coding": .array([.object(["system": .string(categorySystem), "code": .string(assessment.category.code), "display": .string(assessment.category.title)])]),
            "text": .string(assessment.category.title),
        ]))
        if let response { object.set("derivedFrom", .array([.object(["reference": .string(response)])])) }
        let components = assessment.fired.map { rule -> JSONValue in
            let because = rule.reasons.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
            return .object([
                "code": .object(["coding": .array([.object(["system": .string(ruleSystem), "code": .string(rule.id), "display": .string(rule.title)])])]),
                "valueString": .string(because.isEmpty ? rule.title : because),
            ])
        }
        if !components.isEmpty { object.set("component", .array(components)) }
        let notes = assessment.discussionPoints + [assessment.disclaimer]
        object.set("note", .array(notes.filter { !$0.isEmpty }.map { .object(["text": .string($0)]) }))
        return .object(object)
    }

    /// A version-4-shaped UUID made from the SHA-256 of `name`.
    static func uuid(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
