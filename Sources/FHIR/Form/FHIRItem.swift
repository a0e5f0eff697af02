import QuestionnaireModel

/// The `type` of a FHIR R4 Questionnaire item.
public enum FHIRItemType: String, Sendable, CaseIterable {
    case group, display, boolean, decimal, integer, date, dateTime, time, string, text, url, choice
    case openChoice = "open-choice"
    case attachment, reference, quantity
}

/// One option of a choice item: the code intake uses, and the FHIR value
/// it stands for in a response.
public struct FHIRAnswerOption: Sendable {
    /// The code saved in intake's answers (unique within the item).
    public var code: String
    public var label: String
    /// The answer as a response holds it: `{"valueCoding": {...}}`,
    /// `{"valueString": ...}`, `{"valueInteger": ...}` or `{"valueDate": ...}`.
    public var answer: JSONValue
    /// `ordinalValue` or `itemWeight`, for scores.
    public var weight: Double?
    public var initiallySelected: Bool
}

/// One item of a FHIR form, kept beside the node that asks it so that a
/// response can mirror the form's tree and type each answer.
public struct FHIRItem: Sendable {
    public var linkId: String
    public var type: FHIRItemType
    public var text: String?
    /// Where the item is in the file.
    public var path: JSONPath
    public var children: [FHIRItem]
    public var required: Bool
    public var repeats: Bool
    public var readOnly: Bool
    public var hidden: Bool
    public var options: [FHIRAnswerOption]
    /// The unit of a quantity or number: a Coding (`questionnaire-unit`, or
    /// the first `questionnaire-unitOption`).
    public var unit: JSONValue?
    /// `initial[x]` as answers: `[{"valueString": ...}]`.
    public var initial: [JSONValue]
    /// The node that asks the item, or nil when intake does not ask it
    /// (a calculated, hidden or read-only item, a group without text, or
    /// an item it cannot ask).
    public var nodeID: String?
    /// SDC expressions (FHIRPath) the item carries.
    public var calculatedExpression: String?
    public var enableWhenExpression: String?
    public var initialExpression: String?
    /// The item's own `variable` extensions, in order: name and expression.
    public var variables: [(name: String, expression: String)]

    /// The item and everything under it, in document order.
    public var flattened: [FHIRItem] {
        [self] + children.flatMap(\.flattened)
    }

    /// Whether the item holds answers (not a group or display).
    public var isQuestion: Bool { type != .group && type != .display }
}
