import QuestionnaireModel

/// A moment in time and the local offset from UTC it was seen at, for
/// FHIR's `authored` and date-time answers. Given by the caller: the core
/// reads no clock and no time zone.
public struct LocalTimestamp: Sendable, Equatable {
    public var millisecondsSince1970: Int64
    /// Minutes east of UTC (+60 for UTC+01:00).
    public var offsetMinutes: Int

    public init(millisecondsSince1970: Int64, offsetMinutes: Int) {
        self.millisecondsSince1970 = millisecondsSince1970
        self.offsetMinutes = offsetMinutes
    }

    /// The local date.
    public var localDate: CalendarDate {
        let seconds = localSeconds
        return CalendarDate(dayNumber: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }

    var localSeconds: Int64 {
        let seconds = millisecondsSince1970 >= 0 ? millisecondsSince1970 / 1000 : (millisecondsSince1970 - 999) / 1000
        return seconds + Int64(offsetMinutes) * 60
    }

    /// "2026-12-04T16:53:12+01:00".
    public var fhirDateTime: String {
        let seconds = localSeconds
        let day = localDate
        let inDay = Int(seconds - Int64(day.dayNumber) * 86_400)
        let time = TimeOfDay(hour: inDay / 3600, minute: inDay % 3600 / 60, second: inDay % 60)!
        return day.iso + "T" + time.iso + Self.offsetText(offsetMinutes)
    }

    /// "+01:00", "-05:30", "Z" for UTC.
    static func offsetText(_ minutes: Int) -> String {
        if minutes == 0 { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        let size = abs(minutes)
        let hours = String(size / 60), minutes = String(size % 60)
        return sign + (hours.count < 2 ? "0" : "") + hours + ":" + (minutes.count < 2 ? "0" : "") + minutes
    }
}

/// Converts between intake's answers and FHIR's typed answers
/// (`valueCoding`, `valueInteger`...), by the item's type.
enum AnswerConversion {
    /// The answers of a response item for intake's `value` at `item`.
    /// `offsetMinutes` is the local offset written on date-time answers.
    static func fhirAnswers(_ value: AnswerValue, item: FHIRItem, offsetMinutes: Int) -> [JSONValue] {
        func option(_ code: String) -> JSONValue {
            item.options.first { $0.code == code }?.answer ?? .object(["valueString": .string(code)])
        }
        switch value {
        case .choice(let code): return [option(code)]
        case .choices(let codes): return codes.map(option)
        case .yesNo(let flag): return [.object(["valueBoolean": .bool(flag)])]
        case .integer(let whole): return [number(Double(whole), item: item)]
        case .number(let value): return [number(value, item: item)]
        case .duration(let days):
            return [.object(["valueQuantity": .object(["value": .number(days), "unit": .string("days"), "system": .string("http://unitsofmeasure.org"), "code": .string("d")])])]
        case .text(let text): return [.object(["valueString": .string(text)])]
        // "none" is an answer too: without it the item would look unasked.
        case .medications(let names): return (names.isEmpty ? ["none"] : names).map { .object(["valueString": .string($0)]) }
        case .date(let day): return [.object(["valueDate": .string(day.iso)])]
        case .time(let time): return [.object(["valueTime": .string(time.iso)])]
        case .dateTime(let day, let time):
            return [.object(["valueDateTime": .string(day.iso + "T" + time.iso + LocalTimestamp.offsetText(offsetMinutes))])]
        }
    }

    static func number(_ value: Double, item: FHIRItem) -> JSONValue {
        switch item.type {
        case .integer: return .object(["valueInteger": .number(Int(value))])
        case .quantity:
            var quantity = JSONObject()
            quantity.set("value", .number(value))
            if let unit = item.unit {
                if let display = unit["display"]?.stringValue ?? unit["code"]?.stringValue { quantity.set("unit", .string(display)) }
                if let system = unit["system"]?.stringValue { quantity.set("system", .string(system)) }
                if let code = unit["code"]?.stringValue { quantity.set("code", .string(code)) }
            }
            return .object(["valueQuantity": .object(quantity)])
        default:
            return .object(["valueDecimal": .number(value)])
        }
    }

    /// intake's value for a response item's answers, or nil when they do
    /// not fit the item (a code it does not offer, a wrong type).
    static func answerValue(_ answers: [JSONValue], item: FHIRItem) -> AnswerValue? {
        var codes: [String] = []
        for answer in answers {
            guard let member = answer.objectValue?.members.first(where: { $0.key.hasPrefix("value") }) else { return nil }
            let value = member.value
            switch (member.key, item.type) {
            case (_, .choice), (_, .openChoice):
                if let matched = code(for: member.key, value, in: item) {
                    codes.append(matched)
                } else if item.type == .openChoice, let text = value.stringValue ?? value["display"]?.stringValue {
                    codes.append(text)
                } else {
                    return nil
                }
            case ("valueBoolean", .boolean): return value.boolValue.map(AnswerValue.yesNo)
            case ("valueInteger", _), ("valueDecimal", _): return value.numberValue.map { .number($0.double) }
            case ("valueQuantity", _): return value["value"]?.numberValue.map { .number($0.double) }
            case ("valueString", _): return value.stringValue.map(AnswerValue.text)
            case ("valueDate", _): return value.stringValue.flatMap { CalendarDate(iso: $0) }.map(AnswerValue.date)
            case ("valueTime", _): return value.stringValue.flatMap { TimeOfDay(iso: String($0.prefix(8))) }.map(AnswerValue.time)
            case ("valueDateTime", _):
                guard let text = value.stringValue, let day = CalendarDate(iso: String(text.prefix(10))) else { return nil }
                let time = text.count >= 16 ? TimeOfDay(iso: String(text.dropFirst(11).prefix(8))) ?? TimeOfDay(iso: String(text.dropFirst(11).prefix(5))) : TimeOfDay(hour: 0, minute: 0)
                return time.map { AnswerValue.dateTime(day, $0) }
            default: return nil
            }
        }
        guard !codes.isEmpty else { return nil }
        return item.repeats ? .choices(codes) : codes.count == 1 ? .choice(codes[0]) : nil
    }

    /// A value read from FHIR, in the form the node's kind holds it: a
    /// scale's whole number, a duration's days, every medicine listed.
    static func adapted(_ value: AnswerValue, answers: [JSONValue], to node: Node) -> AnswerValue {
        switch (node.kind, value) {
        case (.scale, .number(let number)) where number == number.rounded(): return .integer(Int(number))
        case (.duration, .number(let number)): return .duration(days: Int(number.rounded()))
        case (.medications, _):
            let names = answers.compactMap { $0["valueString"]?.stringValue }
            return .medications(names == ["none"] ? [] : names)
        default: return value
        }
    }

    /// The option code a FHIR value names: a coding by system and code, or
    /// a string, integer or date option by its value.
    static func code(for key: String, _ value: JSONValue, in item: FHIRItem) -> String? {
        item.options.first { option in
            guard let own = option.answer[key] else { return false }
            if key == "valueCoding" {
                guard own["code"]?.stringValue == value["code"]?.stringValue else { return false }
                let a = own["system"]?.stringValue, b = value["system"]?.stringValue
                return a == nil || b == nil || a == b
            }
            return own == value
        }?.code
    }

    /// intake's value for what an expression computed at `item`, and the
    /// response answers for it.
    static func computed(_ results: [FHIRPathValue], item: FHIRItem) -> (value: AnswerValue?, answers: [JSONValue]) {
        var answers: [JSONValue] = []
        for result in results {
            switch (result, item.type) {
            case (.integer(let number), .integer): answers.append(.object(["valueInteger": .number(number)]))
            case (.integer(let number), .decimal), (.integer(let number), .quantity): answers.append(Self.number(Double(number), item: item))
            case (.decimal(let number), .integer) where number == number.rounded(): answers.append(.object(["valueInteger": .number(Int(number))]))
            case (.decimal(let number), .decimal), (.decimal(let number), .quantity): answers.append(Self.number(number, item: item))
            case (.quantity(let number, _), .quantity): answers.append(Self.number(number, item: item))
            case (.boolean(let flag), .boolean): answers.append(.object(["valueBoolean": .bool(flag)]))
            case (.string(let text), .string), (.string(let text), .text): answers.append(.object(["valueString": .string(text)]))
            case (.date(let text), .date): answers.append(.object(["valueDate": .string(text)]))
            case (.dateTime(let text), .dateTime): answers.append(.object(["valueDateTime": .string(text)]))
            case (.time(let text), .time): answers.append(.object(["valueTime": .string(text)]))
            case (.element(let json, _, _), .choice), (.element(let json, _, _), .openChoice):
                if json["code"] != nil { answers.append(.object(["valueCoding": json])) }
            case (.string(let text), .choice), (.string(let text), .openChoice): answers.append(.object(["valueString": .string(text)]))
            default: continue
            }
        }
        return (answers.isEmpty ? nil : answerValue(answers, item: item), answers)
    }
}
