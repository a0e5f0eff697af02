import QuestionnaireModel

/// A FHIR Questionnaire read for intake: the graph the interview walks,
/// and the FHIR items behind it, for responses that mirror the form.
public struct FHIRForm: Sendable {
    /// The Questionnaire resource as read.
    public var resource: JSONValue
    /// The form's items, as a tree.
    public var items: [FHIRItem]
    /// What the interview runs. Its computed values (calculated items,
    /// `enableWhenExpression`) use no date; see `questionnaire(today:)`.
    public var questionnaire: Questionnaire
    /// What intake cannot do with the form, each saying what happens instead.
    public var warnings: [Diagnostic]
    var calculation: FormCalculation?

    /// The form's canonical URL, if it has one.
    public var url: String? { resource["url"]?.stringValue }
    public var version: String? { resource["version"]?.stringValue }

    /// `url|version`, as a QuestionnaireResponse names its form.
    public var canonical: String? {
        guard let url else { return nil }
        return version.map { "\(url)|\($0)" } ?? url
    }

    /// Every item, in document order.
    public var allItems: [FHIRItem] { items.flatMap(\.flattened) }

    /// The item with `linkId`.
    public func item(_ linkId: String) -> FHIRItem? {
        allItems.first { $0.linkId == linkId }
    }

    /// The questionnaire to run on `today`: expressions that call `today()`
    /// (an age from a birth date) see that date.
    public func questionnaire(today: CalendarDate?) -> Questionnaire {
        var result = questionnaire
        if var calculation {
            calculation.today = today
            result.computedValues = calculation
        }
        return result
    }
}
