import QuestionnaireModel

/// One item of a FHIRPath collection: a primitive, or an element of a
/// resource (a JSON object) with its FHIR type when the path said it.
public enum FHIRPathValue: Sendable {
    case boolean(Bool)
    case integer(Int)
    case decimal(Double)
    case string(String)
    /// A date as written, at its precision: "2024", "2024-03", "2024-03-05".
    case date(String)
    /// A date and time as written ("2024-03-05T14:30:00+01:00").
    case dateTime(String)
    /// A time as written ("14:30:00").
    case time(String)
    case quantity(Double, unit: String)
    /// An element: `type` is its FHIR type when known ("Coding", "QuestionnaireResponse"),
    /// `linkId` the questionnaire item it was reached from (for `ordinal()`).
    case element(JSONValue, type: String?, linkId: String?)

    /// The value as JSON, as a FHIR resource would hold it.
    public var json: JSONValue {
        switch self {
        case .boolean(let flag): .bool(flag)
        case .integer(let number): .number(number)
        case .decimal(let number): .number(number)
        case .string(let text), .date(let text), .dateTime(let text), .time(let text): .string(text)
        case .quantity(let value, let unit): .object(["value": .number(value), "unit": .string(unit)])
        case .element(let value, _, _): value
        }
    }

    /// The value as a number, for arithmetic and `sum()`.
    var number: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .decimal(let number): number
        case .quantity(let value, _): value
        default: nil
        }
    }

    /// A word for the value's type, for messages.
    var typeName: String {
        switch self {
        case .boolean: "Boolean"
        case .integer: "Integer"
        case .decimal: "Decimal"
        case .string: "String"
        case .date: "Date"
        case .dateTime: "DateTime"
        case .time: "Time"
        case .quantity: "Quantity"
        case .element(_, let type, _): type ?? "element"
        }
    }

    /// The value read from JSON: objects as elements, numbers as integers
    /// when written without a fraction, the FHIR `type` (from a name such as
    /// `valueDate`) deciding strings that are dates and numbers that are decimals.
    static func from(_ json: JSONValue, type: String?, linkId: String?) -> FHIRPathValue? {
        switch json.kind {
        case .null, .array: return nil
        case .bool(let flag): return .boolean(flag)
        case .number(let number):
            if type == "decimal" || type == "Decimal" { return .decimal(number.double) }
            if let integer = number.integer, !number.text.contains("."), !number.text.contains("e"), !number.text.contains("E") {
                return .integer(integer)
            }
            return .decimal(number.double)
        case .string(let text):
            switch type {
            case "date", "Date": return .date(text)
            case "dateTime", "DateTime", "instant", "Instant": return .dateTime(text)
            case "time", "Time": return .time(text)
            default: return .string(text)
            }
        case .object:
            return .element(json, type: type, linkId: linkId)
        }
    }
}

// MARK: - Equality and order

extension FHIRPathValue {
    /// FHIRPath `=`: nil when the answer is empty (dates of different precision).
    static func equal(_ lhs: FHIRPathValue, _ rhs: FHIRPathValue) -> Bool? {
        switch (lhs, rhs) {
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.date(let a), .date(let b)), (.dateTime(let a), .dateTime(let b)), (.time(let a), .time(let b)),
             (.date(let a), .dateTime(let b)), (.dateTime(let a), .date(let b)):
            guard let order = temporalOrder(a, b) else { return nil }
            return order == 0
        case (.quantity(let a, let unitA), .quantity(let b, let unitB)): return a == b && unitA == unitB
        case (.element(let a, _, _), .element(let b, _, _)): return a == b
        default:
            if let a = lhs.number, let b = rhs.number, !lhs.isQuantity, !rhs.isQuantity { return a == b }
            return false
        }
    }

    /// FHIRPath `~`: strings ignore case and spacing, decimals compare at the
    /// lesser precision; otherwise as `=`, with empty as false.
    static func equivalent(_ lhs: FHIRPathValue, _ rhs: FHIRPathValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)):
            func normal(_ text: String) -> String { text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            return normal(a) == normal(b)
        default:
            return equal(lhs, rhs) ?? false
        }
    }

    var isQuantity: Bool {
        if case .quantity = self { return true }
        return false
    }

    /// The order of two comparable values (-1, 0, 1), nil when they cannot
    /// be ordered (different types, dates of different precision).
    static func order(_ lhs: FHIRPathValue, _ rhs: FHIRPathValue) throws(FHIRPathError) -> Int? {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.date(let a), .date(let b)), (.dateTime(let a), .dateTime(let b)), (.time(let a), .time(let b)),
             (.date(let a), .dateTime(let b)), (.dateTime(let a), .date(let b)):
            return temporalOrder(a, b)
        case (.quantity(let a, let unitA), .quantity(let b, let unitB)):
            guard unitA == unitB else { return nil }
            return a < b ? -1 : a == b ? 0 : 1
        default:
            if let a = lhs.number, let b = rhs.number { return a < b ? -1 : a == b ? 0 : 1 }
            throw FHIRPathError(.evaluation, "cannot compare \(lhs.typeName) with \(rhs.typeName)")
        }
    }

    /// Dates and times written in ISO form compare as text when they have
    /// the same precision; with a different precision the answer is empty,
    /// as FHIRPath says, unless the shared part already differs.
    static func temporalOrder(_ a: String, _ b: String) -> Int? {
        let left = Array(a.utf8), right = Array(b.utf8)
        let shared = min(left.count, right.count)
        for index in 0..<shared where left[index] != right[index] {
            return left[index] < right[index] ? -1 : 1
        }
        return left.count == right.count ? 0 : nil
    }
}

// MARK: - Text

extension FHIRPathValue {
    /// The value as `toString()` gives it.
    var text: String? {
        switch self {
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .decimal(let number): return FHIRPathValue.decimalText(number)
        case .string(let text), .date(let text), .dateTime(let text), .time(let text): return text
        case .quantity(let value, let unit): return "\(FHIRPathValue.decimalText(value)) '\(unit)'"
        case .element: return nil
        }
    }

    static func decimalText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
