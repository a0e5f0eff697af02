import QuestionnaireModel

/// A FHIR Questionnaire read for intake: the graph the interview walks,
/// and the FHIR items behind it, for responses that mirror the form.
public struct FHIRForm: Sendable {
    /// The Questionnaire resource as read.
    public var resource: JSONValue
    /// The form's items, as a tree.
    public var items: [FHIRItem] {
        didSet { index() }
    }
    /// What the interview runs. Its computed values (calculated items,
    /// `enableWhenExpression`) use no date; see `questionnaire(today:)`.
    public var questionnaire: Questionnaire
    /// What intake cannot do with the form, each saying what happens instead.
    public var warnings: [Diagnostic]
    var calculation: FormCalculation?

    init(resource: JSONValue, items: [FHIRItem], questionnaire: Questionnaire, warnings: [Diagnostic]) {
        self.resource = resource
        self.items = items
        self.questionnaire = questionnaire
        self.warnings = warnings
        index()
    }

    /// Works out `allItems` and the index of `item(_:)` once: routes and
    /// responses look items up many times over.
    private mutating func index() {
        allItems = items.flatMap(\.flattened)
        positionOfLinkId = Dictionary(allItems.enumerated().map { ($1.linkId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The form's canonical URL, if it has one.
    public var url: String? { resource["url"]?.stringValue }
    public var version: String? { resource["version"]?.stringValue }

    /// `url|version`, as a QuestionnaireResponse names its form.
    public var canonical: String? {
        guard let url else { return nil }
        return version.map { "\(url)|\($0)" } ?? url
    }

    /// Every item, in document order.
    public private(set) var allItems: [FHIRItem] = []
    private var positionOfLinkId: [String: Int] = [:]

    /// The item with `linkId`.
    public func item(_ linkId: String) -> FHIRItem? {
        positionOfLinkId[linkId].map { allItems[$0] }
    }

    /// Where each node of `questionnaire` is written in the file: the item
    /// it asks, its `answerOption`s, the `enableWhen` its routes come from,
    /// so validate's warnings name FHIR paths. The text is FHIR's, not
    /// written for a terminal: intake wraps it.
    public var sourcePlaces: SourcePlaces {
        let items = Dictionary(allItems.compactMap { item in item.nodeID.map { ($0, item.path) } }, uniquingKeysWith: { first, _ in first })
        let nodes = questionnaire.nodes.map(\.id)
        let pathOfNode: @Sendable (Int) -> JSONPath = { index in items[nodes[index]] ?? .root }
        let hasAnswerOptions = Set(allItems.filter { FormCalculation.rawItem($0.path, in: resource)?["answerOption"] != nil }.compactMap(\.nodeID))
        return SourcePlaces(
            node: pathOfNode,
            option: { node, option in
                hasAnswerOptions.contains(nodes[node])
                    ? pathOfNode(node).appending("answerOption").appending(option) : pathOfNode(node).appending("answerValueSet")
            },
            condition: { $0.path },
            textIsForATerminal: false)
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
