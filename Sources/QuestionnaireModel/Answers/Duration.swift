/// Reads and writes lengths of time as people say them: "6 months", "2y",
/// "3 weeks", "18 mo", "1.5 years", "a year and a half", "1 year 6 months".
public enum Duration {
    /// Days in the average month and year, so "3 months" is 91 days.
    static let daysPerMonth = 30.4375
    static let daysPerYear = 365.25

    static let unitDays: [String: Double] = [
        "h": 1.0 / 24, "hr": 1.0 / 24, "hrs": 1.0 / 24, "hour": 1.0 / 24, "hours": 1.0 / 24,
        "d": 1, "day": 1, "days": 1,
        "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7,
        "fortnight": 14, "fortnights": 14,
        "m": daysPerMonth, "mo": daysPerMonth, "mos": daysPerMonth, "mon": daysPerMonth, "mth": daysPerMonth,
        "mths": daysPerMonth, "month": daysPerMonth, "months": daysPerMonth,
        "y": daysPerYear, "yr": daysPerYear, "yrs": daysPerYear, "year": daysPerYear, "years": daysPerYear,
        "decade": daysPerYear * 10, "decades": daysPerYear * 10,
    ]

    /// Words that soften a duration without changing it ("about 2 years").
    static let fillers: Set<String> = [
        "about", "around", "roughly", "approximately", "approx", "almost", "nearly", "over", "more", "less",
        "than", "just", "under", "some", "for", "the", "past", "last", "maybe", "~", "and", ",", "ago", "now",
    ]

    enum Failure: Error, Equatable {
        case unreadable
        case needsUnit(String)
        /// Read, but longer than any duration intake takes (a billion days).
        case tooLong
    }

    /// Whether `text` has a minus sign before a number: at the start, or
    /// after a space ("1 year -3 months").
    static func hasNegativeNumber(_ text: String) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "-" {
            guard index == 0 || characters[index - 1].isWhitespace else { continue }
            var next = index + 1
            while next < characters.count, characters[next] == " " { next += 1 }
            if next < characters.count, characters[next].isNumber { return true }
        }
        return false
    }

    /// Other spellings of a unit of time ("wks" for "weeks"), for number
    /// questions whose unit is one.
    static func aliases(ofUnit unit: String) -> [String] {
        guard let days = unitDays[unit] else { return [] }
        return unitDays.filter { $0.value == days && $0.key.count > 1 }.map(\.key)
    }

    /// The number of days `text` describes.
    static func days(in text: String) -> Result<Int, Failure> {
        var tokens = tokenize(TextInput.matchingForm(text))
        // "1년 반", "두 달", "10일": read as the English words they are.
        if Hangul.contains(text) { tokens = KoreanWords.durationTokens(tokens) }
        var index = 0
        var total = 0.0
        var terms = 0
        var bareNumber: String?
        while index < tokens.count {
            if fillers.contains(tokens[index]) {
                index += 1
                continue
            }
            guard var quantity = quantity(tokens, &index) else { return .failure(.unreadable) }
            quantity += half(tokens, &index)
            guard index < tokens.count, let unit = unitDays[tokens[index]] else {
                if index >= tokens.count, terms == 0 {
                    bareNumber = tokens.last
                    if quantity == 0 { return .success(0) }
                    return .failure(.needsUnit(bareNumber ?? ""))
                }
                return .failure(.unreadable)
            }
            index += 1
            quantity += half(tokens, &index)
            total += quantity * unit
            terms += 1
        }
        guard terms > 0, total.isFinite else { return .failure(.unreadable) }
        guard total < 1e9 else { return .failure(.tooLong) }
        return .success(Int(total.rounded()))
    }

    /// Splits "18mo" into "18" and "mo", and "1y6m" into four tokens.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsNumber = false
        for character in text {
            if character == " " {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                continue
            }
            let isNumber = character.isASCII && (character.isNumber || character == ".")
            if !current.isEmpty, isNumber != currentIsNumber || character == "," {
                tokens.append(current)
                current = ""
            }
            if character == "," {
                tokens.append(",")
                continue
            }
            current.append(character)
            currentIsNumber = isNumber
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// A number, a number word, "a"/"an" (one) or "half" at `index`.
    private static func quantity(_ tokens: [String], _ index: inout Int) -> Double? {
        let token = tokens[index]
        if token == "half" {
            index += 1
            if index < tokens.count, tokens[index] == "a" || tokens[index] == "an" { index += 1 }
            return 0.5
        }
        if token == "a" || token == "an" {
            index += 1
            return 1
        }
        // "twenty four" is two tokens; "twenty-four" became two in matching form.
        if index + 1 < tokens.count, let word = TextInput.numberWord(tokens[index] + " " + tokens[index + 1]) {
            index += 2
            return Double(word)
        }
        if let word = TextInput.numberWord(token), token != "none" {
            index += 1
            return Double(word)
        }
        if let value = TextInput.decimal(token), value >= 0 {
            index += 1
            return value
        }
        return nil
    }

    /// "and a half" or "and half", after a number or a unit.
    private static func half(_ tokens: [String], _ index: inout Int) -> Double {
        var probe = index
        guard probe < tokens.count, tokens[probe] == "and" else { return 0 }
        probe += 1
        if probe < tokens.count, tokens[probe] == "a" { probe += 1 }
        guard probe < tokens.count, tokens[probe] == "half" else { return 0 }
        index = probe + 1
        return 0.5
    }

    /// A length of time in words, as a person would say it: "10 days",
    /// "3 weeks", "6 months", "18 months", "2 years", "2.5 years". A larger
    /// unit is used only when it is exact (it reads back as the same number
    /// of days), so an answer near a line that matters is never shown as the
    /// line itself: 89 days stays "89 days", not "3 months".
    public static func describe(days: Int) -> String {
        func plural(_ value: Double, _ unit: String) -> String {
            let text = value == value.rounded() ? String(Int(value)) : String(format1(value))
            return "\(text) \(unit)\(value == 1 ? "" : "s")"
        }
        func exact(_ count: Double, _ unitDays: Double) -> Bool {
            count > 0 && Int((count * unitDays).rounded()) == days
        }
        if days >= 14 {
            let years = (Double(days) / daysPerYear * 2).rounded() / 2
            if days >= 730, exact(years, daysPerYear) { return plural(years, "year") }
            let months = (Double(days) / daysPerMonth).rounded()
            if days >= 28, exact(months, daysPerMonth) { return plural(months, "month") }
            if days % 7 == 0 { return plural(Double(days / 7), "week") }
        }
        return plural(Double(days), "day")
    }

    private static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Reads a bound written in a file: a number of days, or text such as "80 years".
    public static func days(fromBound value: JSONValue) -> Int? {
        if let number = value.numberValue?.integer { return number }
        // A negative length is no length: "-5 days" must not read as 5 days.
        if let text = value.stringValue, !hasNegativeNumber(text), case .success(let days) = Duration.days(in: text) { return days }
        return nil
    }
}
