import QuestionnaireModel

/// Reads a FHIR QuestionnaireResponse back into intake's answers, keyed by
/// the node that asks each item (its linkId), for `score`.
public enum QuestionnaireResponseReader {
    /// The answers in a response to `form`, with warnings for what does not
    /// fit (an item the form lacks, an answer of the wrong type).
    public static func answers(_ bytes: [UInt8], file: String, form: FHIRForm) throws(DiagnosticError) -> (answers: [String: Answer], warnings: [Diagnostic]) {
        let json = try JSONParser.parseFile(bytes, file: file)
        var log = DiagnosticLog(file: file, source: SourceText(bytes))
        guard json["resourceType"]?.stringValue == "QuestionnaireResponse" else {
            log.error("this is not a FHIR QuestionnaireResponse: its resourceType must be \"QuestionnaireResponse\"", at: json["resourceType"] ?? json, path: .root.appending("resourceType"))
            throw DiagnosticError(log.diagnostics)
        }
        if let named = json["questionnaire"]?.stringValue, let url = form.url, !named.hasPrefix(url) {
            log.warning("the response answers \(named), not \(form.canonical ?? url): its answers are read by linkId all the same", at: json["questionnaire"], path: .root.appending("questionnaire"))
        }
        var answers: [String: Answer] = [:]
        func visit(_ items: JSONValue?, at path: JSONPath) {
            for (index, item) in (items?.arrayValue ?? []).enumerated() {
                let itemPath = path.appending(index)
                guard let linkId = item["linkId"]?.stringValue else {
                    log.warning("a response item has no linkId: it is left out", at: item, path: itemPath)
                    continue
                }
                let given = item["answer"]?.arrayValue ?? []
                if !given.isEmpty {
                    if let formItem = form.item(linkId), let node = formItem.nodeID, formItem.isQuestion {
                        if let read = AnswerConversion.answerValue(given, item: formItem) {
                            let node = form.questionnaire.node(node)
                            let value = node.map { AnswerConversion.adapted(read, answers: given, to: $0) } ?? read
                            answers[formItem.linkId] = Answer(value: value, raw: node.map { form.questionnaire.describe(value, at: $0) } ?? "")
                        } else {
                            log.warning("the answer to '\(linkId)' does not fit the form's \(formItem.type.rawValue) item: it is left out", at: item["answer"], path: itemPath.appending("answer"))
                        }
                    } else if form.item(linkId) == nil {
                        log.warning("the form has no item '\(linkId)': its answer is left out", at: item, path: itemPath.appending("linkId"))
                    }
                    for (answerIndex, answer) in given.enumerated() {
                        visit(answer["item"], at: itemPath.appending("answer").appending(answerIndex).appending("item"))
                    }
                }
                visit(item["item"], at: itemPath.appending("item"))
            }
        }
        visit(json["item"], at: .root.appending("item"))
        return (answers, log.diagnostics)
    }
}
