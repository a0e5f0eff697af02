/// A typed answer to one question.
public enum AnswerValue: Sendable, Hashable {
    /// The code of the option chosen in a `single` question.
    case choice(String)
    /// The codes chosen in a `multi` question, in the options' order.
    case choices([String])
    /// A `scale` answer.
    case integer(Int)
    /// A `number` answer.
    case number(Double)
    /// A `duration`, in whole days.
    case duration(days: Int)
    case yesNo(Bool)
    case text(String)
    /// Medicines as the person wrote them, one entry each; empty for "none".
    case medications([String])
    /// A day, for a `date` question.
    case date(CalendarDate)
    /// A time of day, for a `time` question.
    case time(TimeOfDay)
    /// A day and a time of day, in local time.
    case dateTime(CalendarDate, TimeOfDay)

    /// The codes of a choice answer; empty for other kinds.
    public var codes: [String] {
        switch self {
        case .choice(let code): [code]
        case .choices(let codes): codes
        default: []
        }
    }

    /// The number of a scale, number or duration answer (days); dates
    /// count days since 1970 and times seconds, so conditions compare them
    /// as numbers.
    public var numeric: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .duration(let days): Double(days)
        case .date(let day): Double(day.dayNumber)
        case .time(let time): Double(time.secondsSinceMidnight)
        case .dateTime(let day, let time): Double(day.dayNumber) * 86_400 + Double(time.secondsSinceMidnight)
        default: nil
        }
    }

    /// The value as JSON, as written in transcripts and answer files.
    public var json: JSONValue {
        switch self {
        case .choice(let code): .string(code)
        case .choices(let codes): .array(codes.map(JSONValue.string))
        case .integer(let value): .number(value)
        case .number(let value): .number(value)
        case .duration(let days): .number(days)
        case .yesNo(let value): .bool(value)
        case .text(let text): .string(text)
        case .medications(let names): .array(names.map(JSONValue.string))
        case .date(let day): .string(day.iso)
        case .time(let time): .string(time.iso)
        case .dateTime(let day, let time): .string(day.iso + "T" + time.iso)
        }
    }

    /// Reads a value back from its JSON form for a node of `kind`, or nil when
    /// the JSON does not have that form.
    public init?(json: JSONValue, kind: NodeKind) {
        switch (kind, json.kind) {
        case (.single, .string(let code)): self = .choice(code)
        case (.multi, .array(let values)):
            let codes = values.compactMap(\.stringValue)
            guard codes.count == values.count else { return nil }
            self = .choices(codes)
        case (.scale, .number(let number)):
            guard let integer = number.integer else { return nil }
            self = .integer(integer)
        case (.number, .number(let number)): self = .number(number.double)
        case (.duration, .number(let number)):
            guard let days = number.integer else { return nil }
            self = .duration(days: days)
        case (.yesno, .bool(let value)): self = .yesNo(value)
        case (.text, .string(let text)): self = .text(text)
        case (.date, .string(let text)):
            guard let day = CalendarDate(iso: text) else { return nil }
            self = .date(day)
        case (.time, .string(let text)):
            guard let time = TimeOfDay(iso: text) else { return nil }
            self = .time(time)
        case (.dateTime, .string(let text)):
            let parts = text.split(separator: "T", omittingEmptySubsequences: false)
            guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])), let time = TimeOfDay(iso: String(parts[1])) else { return nil }
            self = .dateTime(day, time)
        case (.medications, .array(let values)):
            let names = values.compactMap(\.stringValue)
            guard names.count == values.count else { return nil }
            self = .medications(names)
        default: return nil
        }
    }
}

/// An accepted answer: the typed value and the text it was read from.
public struct Answer: Sendable, Equatable {
    public var value: AnswerValue
    /// What the person typed (or the answer file held), before parsing.
    public var raw: String

    public init(value: AnswerValue, raw: String) {
        self.value = value
        self.raw = raw
    }
}
