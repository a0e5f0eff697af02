import QuestionnaireModel

/// Turns an item's `enableWhen` list (with `enableBehavior`) and its
/// `enableWhenExpression` into one structured condition.
///
/// | operator | condition on the answer |
/// |---|---|
/// | `exists` true / false | answered / not answered |
/// | `=` | equals the value (a choice's code; a repeating choice includes it) |
/// | `!=` | answered, and some answer differs (no answer: false, as FHIR says) |
/// | `>` `<` `>=` `<=` | numbers, quantities, dates (as day numbers), date-times and times (as seconds) compared |
///
/// An `enableWhenExpression` becomes the test "computed value
/// `enableWhenExpression:LINKID` is true", which the form's calculation
/// answers with FHIRPath.
struct EnableWhenReader {
    let items: [String: JSONValue]

    /// The subject name of an item's `enableWhenExpression`.
    static func expressionSubject(_ linkId: String) -> String { "enableWhenExpression:\(linkId)" }

    func conditions(of object: JSONObject, linkId: String, at path: JSONPath, log: inout DiagnosticLog) -> [Condition] {
        var result: [Condition] = []
        if let list = object["enableWhen"]?.arrayValue, !list.isEmpty {
            var parts: [Condition] = []
            for (index, entry) in list.enumerated() {
                if let condition = condition(entry, owner: linkId, at: path.appending("enableWhen").appending(index), log: &log) {
                    parts.append(condition)
                }
            }
            let behavior = object["enableBehavior"]?.stringValue
            if list.count > 1, behavior == nil {
                log.warning("item '\(linkId)' has several enableWhen without enableBehavior: intake requires all of them", at: object["enableWhen"], path: path.appending("enableWhen"))
            }
            result.append(behavior == "any" ? .any(parts) : .all(parts))
        }
        if object["extension"]?.arrayValue?.contains(where: { $0["url"]?.stringValue == FHIRExtension.enableWhenExpression }) == true {
            result.append(.test(.value(Self.expressionSubject(linkId)), .equals(.bool(true))))
        }
        return result
    }

    /// One `enableWhen` entry; a condition that can never hold when it names
    /// no item or has an answer intake cannot compare (reported).
    func condition(_ entry: JSONValue, owner: String, at path: JSONPath, log: inout DiagnosticLog) -> Condition? {
        let never = Condition.any([])
        guard let question = entry["question"]?.stringValue, let op = entry["operator"]?.stringValue else {
            log.warning("an enableWhen of '\(owner)' lacks 'question' or 'operator': it never holds", at: entry, path: path)
            return never
        }
        guard let target = items[question] else {
            log.warning("an enableWhen of '\(owner)' names '\(question)', which no item has: it holds only for 'exists = false'", at: entry["question"], path: path.appending("question"))
            return op == "exists" && entry["answerBoolean"]?.boolValue == false ? .all([]) : never
        }
        let subject = Subject.question(question)
        guard let answerMember = entry.objectValue?.members.first(where: { $0.key.hasPrefix("answer") }) else {
            log.warning("an enableWhen of '\(owner)' has no answer[x]: it never holds", at: entry, path: path)
            return never
        }
        let answer = answerMember.value
        let type = String(answerMember.key.dropFirst("answer".count))
        if op == "exists" {
            guard let flag = answer.boolValue else {
                log.warning("'exists' needs answerBoolean: this enableWhen never holds", at: answer, path: path.appending(answerMember.key))
                return never
            }
            return .test(subject, .answered(flag))
        }
        let isChoice = ["choice", "open-choice"].contains(target["type"]?.stringValue ?? "")
        let repeats = target["repeats"]?.boolValue ?? false
        let literal = Self.literal(of: answer, type: type, isChoice: isChoice)
        guard let literal else {
            log.warning("an enableWhen of '\(owner)' compares with answer\(type), which intake cannot read: it never holds", at: answer, path: path.appending(answerMember.key))
            return never
        }
        switch op {
        case "=":
            if case .code(let code) = literal, repeats { return .test(subject, .includesAny([code])) }
            return .test(subject, .equals(literal))
        case "!=":
            if case .code(let code) = literal, repeats {
                return .all([.test(subject, .answered(true)), .any([.test(subject, .count(.gte, 2)), .not(.test(subject, .includesAny([code])))])])
            }
            return .all([.test(subject, .answered(true)), .not(.test(subject, .equals(literal)))])
        case ">", "<", ">=", "<=":
            guard case .number(let bound) = literal else {
                log.warning("an enableWhen of '\(owner)' orders \(type == "Coding" ? "codes" : "text") with '\(op)', which intake cannot do: it never holds", at: entry, path: path.appending("operator"))
                return never
            }
            let comparison: Comparison = op == ">" ? .gt : op == "<" ? .lt : op == ">=" ? .gte : .lte
            return .test(subject, .compare(comparison, bound))
        default:
            log.warning("an enableWhen of '\(owner)' uses the operator '\(op)', which FHIR R4 does not have: it never holds", at: entry["operator"], path: path.appending("operator"))
            return never
        }
    }

    /// What an enableWhen answer is, as intake's conditions compare it; nil
    /// for a type intake cannot read. (A function of its own: inlined in
    /// `condition`, Swift 6.3's optimiser crashed on it in release builds.)
    static func literal(of answer: JSONValue, type: String, isChoice: Bool) -> Literal? {
        switch type {
        case "Boolean": return answer.boolValue.map(Literal.bool)
        case "Coding": return (answer["code"]?.stringValue ?? answer["display"]?.stringValue).map(Literal.code)
        case "String": return answer.stringValue.map(Literal.code)
        case "Integer", "Decimal":
            guard let number = answer.numberValue else { return nil }
            return isChoice ? .code(number.integer.map(String.init) ?? number.text) : .number(number.double)
        case "Quantity": return answer["value"]?.numberValue.map { .number($0.double) }
        case "Date":
            if isChoice { return answer.stringValue.map(Literal.code) }
            return answer.stringValue.flatMap { CalendarDate(iso: $0) }.map { .number(Double($0.dayNumber)) }
        case "DateTime":
            return answer.stringValue.flatMap(Self.seconds(ofDateTime:)).map(Literal.number)
        case "Time":
            return answer.stringValue.flatMap { TimeOfDay(iso: String($0.prefix(8))) }.map { .number(Double($0.secondsSinceMidnight)) }
        default:
            return nil
        }
    }

    /// A FHIR dateTime as local seconds, the way date-and-time answers count
    /// (the offset is dropped: answers are in the person's local time).
    static func seconds(ofDateTime text: String) -> Double? {
        let date = CalendarDate(iso: String(text.prefix(10)))
        guard let date else { return nil }
        var time = TimeOfDay(hour: 0, minute: 0)!
        if text.count >= 16, text.dropFirst(10).first == "T" {
            guard let read = TimeOfDay(iso: String(text.dropFirst(11).prefix(8)).split(separator: "+").first.map(String.init) ?? "") ?? TimeOfDay(iso: String(text.dropFirst(11).prefix(5))) else { return nil }
            time = read
        }
        return Double(date.dayNumber) * 86_400 + Double(time.secondsSinceMidnight)
    }
}
