extension Node {
    /// Reads what a person typed as an answer to this node.
    ///
    /// `options` are the options on offer now (for a node whose options come
    /// from an earlier answer they depend on that answer); see
    /// `Questionnaire.options(for:answers:)`. An empty answer is refused here:
    /// the interview decides whether it means "keep the default" or "skip".
    /// `today` is the session's date, for a date answered "today".
    /// `reading` is what the reading has learnt that the session may use
    /// (a replay reads an older transcript as it was read then).
    public func parse(_ raw: String, options: [Option], today: CalendarDate? = nil, reading: AnswerReading = .current) -> Result<AnswerValue, Rejection> {
        let text: String
        switch TextInput.checked(raw) {
        case .success(let checked): text = checked
        case .failure(let rejection): return .failure(rejection)
        }
        if text.isEmpty { return .failure(Rejection(emptyMessage)) }
        switch spec {
        case .single:
            return allowsOtherText ? parseOpenChoice(text, options: options, reading: reading) : parseSingle(text, options: options, reading: reading)
        case .multi:
            return allowsOtherText ? parseOpenChoice(text, options: options, reading: reading) : parseMulti(text, options: options, reading: reading)
        case .scale(let min, let max, _, _):
            return parseScale(text, min: min, max: max, points: points)
        case .number(let min, let max, let integer, let unit):
            return parseNumber(text, min: min, max: max, integer: integer, unit: unit)
        case .duration(let minDays, let maxDays):
            return parseDuration(text, minDays: minDays, maxDays: maxDays)
        case .yesno:
            return parseYesNo(text)
        case .date(let earliest, let latest):
            return parseDate(text, earliest: earliest, latest: latest, today: today)
        case .time:
            return TemporalInput.time(text).map(AnswerValue.time)
        case .dateTime:
            return TemporalInput.dateTime(text, today: today).map { AnswerValue.dateTime($0.0, $0.1) }
        case .text(let maxLength):
            if text.count > maxLength {
                return .failure(Rejection("That answer is \(text.count.groupedDigits) characters long: please keep it to \(maxLength.groupedDigits) or fewer."))
            }
            return .success(.text(text))
        case .medications:
            return Node.parseMedications(text)
        case .info:
            return .failure(Rejection("This step needs no answer: press Enter to go on."))
        }
    }

    /// The names a person can type as a whole answer, one list for each
    /// answer in the order shown, for Tab completion: a choice's label and
    /// code, a scale's words ("sometimes", "fairly often"), yes and no.
    /// Empty for kinds answered in numbers or free text.
    public func answerNames(options: [Option]) -> [[String]] {
        switch spec {
        case .single, .multi: options.map { [$0.label, $0.code] }
        case .scale: points.map { [$0] }
        case .yesno: [["yes"], ["no"]]
        case .number, .duration, .text, .date, .time, .dateTime, .medications, .info: []
        }
    }

    /// What to say when Enter is pressed on a question that needs an answer.
    public var emptyMessage: String {
        switch spec {
        case .single: "Please choose one: type its number or its name."
        case .multi: "Please choose at least one: type numbers or names, separated by commas."
        case .scale(let min, let max, _, _): "Please enter a whole number from \(min) to \(max)."
        case .number(let min, let max, let integer, _): "Please enter \(Node.numberPhrase(min: min, max: max, integer: integer))."
        case .duration: "Please say how long, for example '6 months' or '2 years'."
        case .yesno: "Please answer yes or no."
        case .date: "Please type a date, such as 2024-03-05 or 5 March 2024."
        case .time: "Please type a time, such as 14:30 or 2:30 pm."
        case .dateTime: "Please type a date and time, such as 2024-03-05 14:30."
        case .text: "Please type an answer."
        case .medications: "Please list your medicines separated by commas, or type 'none'."
        case .info: "Press Enter to go on."
        }
    }

    // MARK: - Choices

    private func parseSingle(_ text: String, options: [Option], reading: AnswerReading) -> Result<AnswerValue, Rejection> {
        let matcher = matcher(for: options, reading: reading)
        switch matcher.matchAll(text) {
        case .success(let indices):
            if indices.count == 1 { return .success(.choice(options[indices[0]].code)) }
            if indices.isEmpty { return .failure(Rejection(emptyMessage)) }
            let labels = indices.map { options[$0].label }
            return .failure(Rejection("Please choose just one, not \(Node.list(labels, conjunction: "and"))."))
        case .failure(.noMatch):
            // One choice is wanted: quote what was typed, not its first word
            // ("upper back", not "upper").
            return .failure(rejection(for: .noMatch(text.trimmingSpaces()), options: options))
        case .failure(let failure):
            return .failure(rejection(for: failure, options: options))
        }
    }

    private func parseMulti(_ text: String, options: [Option], reading: AnswerReading) -> Result<AnswerValue, Rejection> {
        let matcher = matcher(for: options, reading: reading)
        switch matcher.matchAll(text) {
        case .success(let indices):
            if indices.isEmpty { return .failure(Rejection(emptyMessage)) }
            if indices.count > 1, let exclusive = indices.first(where: { options[$0].exclusive }) {
                let label = options[exclusive].label
                return .failure(Rejection("'\(label)' can't be combined with other choices: choose '\(label)' on its own, or leave it out."))
            }
            let codes = indices.sorted().map { options[$0].code }
            return .success(.choices(codes))
        case .failure(let failure):
            return .failure(rejection(for: failure, options: options))
        }
    }

    /// A matcher for the options on offer.
    func matcher(for options: [Option], reading: AnswerReading = .current) -> ChoiceMatcher {
        ChoiceMatcher(options: options, allowsRanges: kind == .multi, readsBothSides: reading.contains(.bothSides))
    }

    private func rejection(for failure: ChoiceMatcher.Failure, options: [Option]) -> Rejection {
        let howTo = options.count <= 8
            ? "type a number from 1 to \(options.count), or one of: \(options.map(\.label).joined(separator: ", "))."
            : "type a number from 1 to \(options.count), or a name from the list."
        switch failure {
        case .noMatch(let word):
            return Rejection("I couldn't match \(TextInput.quoted(word)) to a choice: \(howTo)")
        case .ambiguous(let word, let indices):
            let labels = indices.prefix(6).map { options[$0].label }
            let more = indices.count > 6 ? " (and \(indices.count - 6) more)" : ""
            return Rejection("\(TextInput.quoted(word)) could be \(Node.list(labels, conjunction: "or"))\(more): type more of the name, or its number.")
        case .badRange(let range):
            return Rejection("\(TextInput.quoted(range)) is not a range of choices: the numbers go from 1 to \(options.count), such as 1-3.")
        case .noSuchNumber(let number):
            // "60" at an age question is an age: the names say what to choose.
            let names = options.count <= 8 ? ", or one of: \(options.map(\.label).joined(separator: ", "))" : ", or a name from the list"
            return Rejection("There is no choice \(number): type the number of a choice, from 1 to \(options.count)\(names).")
        }
    }

    // MARK: - Numbers

    private func parseScale(_ text: String, min: Int, max: Int, points: [String]) -> Result<AnswerValue, Rejection> {
        // Worked out only for a message: most answers are plain numbers.
        var range: String {
            "enter a whole number from \(min) to \(max)" + (points.isEmpty ? "" : ", or its words (\(points.map { "'\($0)'" }.joined(separator: ", ")))")
        }
        var candidate = TextInput.numericForm(text)
        // "7/10" and "7 out of 10" mean 7 on a 0 to 10 scale.
        if candidate.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "/") }) {
            for suffix in [" out of \(max)", " of \(max)", "/\(max)", " / \(max)"] where candidate.hasSuffix(suffix) && candidate.count > suffix.count {
                candidate = String(candidate.dropLast(suffix.count)).trimmingTrailingSpaces()
                break
            }
        }
        // "7점", "칠점이요", "10점 만점에 7점": points out of the scale's top.
        if Hangul.contains(candidate) { candidate = Node.koreanScoreForm(candidate, max: max) }
        guard let value = TextInput.decimal(candidate) ?? TextInput.numberWord(candidate).map(Double.init) else {
            if !points.isEmpty { return parsePoint(text, min: min, points: points, range: range) }
            return .failure(Rejection("I couldn't read \(TextInput.quoted(text)) as a number: \(range)."))
        }
        guard value == value.rounded() else {
            return .failure(Rejection("\(TextInput.shortened(text)) is not a whole number: \(range)."))
        }
        if value > Double(max) { return .failure(Rejection("\(Node.show(value)) is above \(max): \(range).")) }
        if value < Double(min) { return .failure(Rejection("\(Node.show(value)) is below \(min): \(range).")) }
        return .success(.integer(Int(value)))
    }

    /// A scale answered with its words ("sometimes", "very often"): the
    /// whole words, or the start of one point's words only.
    private func parsePoint(_ text: String, min: Int, points: [String], range: String) -> Result<AnswerValue, Rejection> {
        let typed = TextInput.folded(text).trimmingSpaces()
        if !pointAliases.isEmpty, Hangul.contains(typed), let index = koreanPoint(typed) {
            return .success(.integer(min + index))
        }
        let folded = points.map { TextInput.folded($0).trimmingSpaces() }
        if let exact = folded.firstIndex(of: typed) { return .success(.integer(min + exact)) }
        let starting = folded.indices.filter { folded[$0].hasPrefix(typed) }
        if starting.count == 1 { return .success(.integer(min + starting[0])) }
        if starting.count > 1 {
            let choices = starting.map { "'\(points[$0])' (\(min + $0))" }
            return .failure(Rejection("\(TextInput.quoted(text)) could be \(Node.list(choices, conjunction: "or")): type more of the words, or the number."))
        }
        return .failure(Rejection("I couldn't read \(TextInput.quoted(text)) as a number or as the words of one: \(range)."))
    }

    private func parseNumber(_ text: String, min: Double, max: Double, integer: Bool, unit: String?) -> Result<AnswerValue, Rejection> {
        let range = "enter " + Node.numberPhrase(min: min, max: max, integer: integer)
        var candidate = TextInput.numericForm(text)
        var beforeKoreanUnit = false
        // The unit as English names it, also when a translation words it
        // ("주" for weeks): what a number may be typed with does not change.
        let unit = unit.map { KoreanWords.englishUnit(TextInput.matchingForm($0)) ?? $0 }
        if let unit, Hangul.contains(candidate) {
            // "20주", "20주차", "스무 주": a Korean unit after the number.
            for suffix in KoreanWords.unitSuffixes(for: TextInput.matchingForm(unit)) where candidate.hasSuffix(suffix) && candidate.count > suffix.count {
                candidate = String(candidate.dropLast(suffix.count)).trimmingTrailingSpaces()
                beforeKoreanUnit = true
                break
            }
        }
        if let unit, !beforeKoreanUnit {
            let unitForm = TextInput.matchingForm(unit)
            let singular = unitForm.hasSuffix("s") ? String(unitForm.dropLast()) : unitForm
            // "20 wks" as well as "20 weeks", for units of time.
            let suffixes = ([unitForm, singular] + Duration.aliases(ofUnit: unitForm)).sorted { $0.count > $1.count }
            for suffix in suffixes where candidate.hasSuffix(suffix) && candidate.count > suffix.count
                && !candidate.dropLast(suffix.count).last!.isLetter {
                candidate = String(candidate.dropLast(suffix.count)).trimmingTrailingSpaces()
                break
            }
        }
        let word = beforeKoreanUnit ? KoreanWords.number(candidate, beforeUnit: true) : TextInput.numberWord(candidate)
        guard let value = TextInput.decimal(candidate) ?? word.map(Double.init) else {
            return .failure(Rejection("I couldn't read \(TextInput.quoted(text)) as a number: \(range)."))
        }
        if integer, value != value.rounded() {
            return .failure(Rejection("\(TextInput.shortened(text)) is not a whole number: \(range)."))
        }
        if value > max { return .failure(Rejection("\(Node.show(value)) is above \(Node.show(max)): \(range).")) }
        if value < min { return .failure(Rejection("\(Node.show(value)) is below \(Node.show(min)): \(range).")) }
        return .success(.number(value))
    }

    /// A Korean score as its number: "7점" → "7", "칠점이요" → "칠", "10점
    /// 만점에 7점" and "10점 중 7" → "7".
    static func koreanScoreForm(_ text: String, max: Int) -> String {
        var candidate = text
        for lead in ["\(max)점 만점에", "\(max)점만점에", "\(max)점 중에", "\(max)점 중", "\(max)점중"] where candidate.hasPrefix(lead) {
            candidate = candidate.dropFirst(lead.count).trimmingSpaces()
            break
        }
        for suffix in ["점입니다", "점이에요", "점이요", "점요", "점", "입니다", "이요", "요"] where candidate.hasSuffix(suffix) && candidate.count > suffix.count {
            candidate = String(candidate.dropLast(suffix.count)).trimmingTrailingSpaces()
            break
        }
        return candidate
    }

    /// The point a scale answer in Korean names by its words (`pointAliases`):
    /// the words whole, or the start of one point's words only; spaces
    /// are not needed.
    func koreanPoint(_ typed: String) -> Int? {
        let bare = typed.filter { $0 != " " }
        let names = pointAliases.map { words in words.map { TextInput.folded($0).filter { $0 != " " } } }
        if let exact = names.firstIndex(where: { $0.contains(bare) }) { return exact }
        let starting = names.indices.filter { names[$0].contains { $0.hasPrefix(bare) } }
        return starting.count == 1 ? starting[0] : nil
    }

    static func numberPhrase(min: Double, max: Double, integer: Bool) -> String {
        "\(integer ? "a whole number" : "a number") from \(show(min)) to \(show(max))"
    }

    static func show(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: - Durations and yes/no

    private func parseDuration(_ text: String, minDays: Int, maxDays: Int) -> Result<AnswerValue, Rejection> {
        // Examples that fit the question: soreness lasts days, pain lasts years.
        let examples = maxDays < 365 ? ("'2 days' or '1 week'", "days", "weeks") : ("'6 months' or '2 years'", "months", "years")
        let quoted = TextInput.quoted(text)
        // A minus sign anywhere before a number: "-3 months", "1 year -3 months".
        if Duration.hasNegativeNumber(text) {
            return .failure(Rejection("A length of time can't be negative: try \(examples.0)."))
        }
        let form = TextInput.numericForm(text)
        if form.hasPrefix("since ") || (Int(form).map { (1900...2100).contains($0) } ?? false) || KoreanWords.startsWithYear(form) {
            return .failure(Rejection("\(quoted) looks like a date: type how long it has been instead, for example \(examples.0)."))
        }
        switch Duration.days(in: text) {
        case .success(let days):
            if days > maxDays {
                return .failure(Rejection("\(quoted) is longer than \(Duration.describe(days: maxDays)): please check it, for example \(examples.0)."))
            }
            if days < minDays {
                return .failure(Rejection("\(quoted) is shorter than \(Duration.describe(days: minDays)): please check it."))
            }
            return .success(.duration(days: days))
        case .failure(.needsUnit(let number)):
            let shown = TextInput.shortened(number.hasSuffix(".") ? String(number.dropLast()) : number)
            // Days as well ("90" is as likely 90 days as 90 months), but only
            // units the question takes: 90 years is more than 80.
            let units = maxDays < 365 ? ["days", "weeks"] : ["days", "months", "years"]
            let value = TextInput.decimal(shown) ?? 0
            let fitting = units.filter { unit in
                let days = value * (Duration.unitDays[unit] ?? 1)
                return days <= Double(maxDays) && days >= Double(minDays)
            }
            let tries = (fitting.isEmpty ? units : fitting).map { "'\(shown) \($0)'" }
            return .failure(Rejection("'\(shown)' needs a unit: try \(Node.list(tries, conjunction: "or"))."))
        case .failure(.tooLong):
            return .failure(Rejection("\(quoted) is longer than \(Duration.describe(days: maxDays)): please check it, for example \(examples.0)."))
        case .failure(.unreadable):
            return .failure(Rejection("I couldn't read \(quoted) as a duration: try \(examples.0)."))
        }
    }

    static let yesWords: Set<String> = ["yes", "y", "yeah", "yep", "yup", "true", "1", "si", "oui", "ja"]
    static let noWords: Set<String> = ["no", "n", "nope", "nah", "false", "2", "non", "nein"]

    private func parseYesNo(_ text: String) -> Result<AnswerValue, Rejection> {
        // Not the matching form: it drops hyphens, and "-1" is not "1".
        let form = TextInput.numericForm(text).trimming(".!?,;: ")
        if Node.yesWords.contains(form) { return .success(.yesNo(true)) }
        if Node.noWords.contains(form) { return .success(.yesNo(false)) }
        if let korean = KoreanWords.yesNo(form) { return .success(.yesNo(korean)) }
        return .failure(Rejection("Please answer yes or no (y or n)."))
    }

    // MARK: - Medications

    /// Words meaning "I take no medicines".
    static let noMedicineWords: Set<String> = [
        "none", "no", "nope", "nah", "nothing", "n a", "na", "nil", "no medications", "no medication", "no medicines",
        "no medicine", "no meds", "none at all", "none taken",
    ]

    /// The most medicines one answer may list.
    public static let maxMedications = 40
    /// The longest name of one medicine, with its dose.
    public static let maxMedicationLength = 200

    /// Medicines separated by commas, semicolons or lines. " and " does not
    /// separate: it is part of names such as "Advil Cold and Sinus", and the
    /// lexicon finds every medicine named in an entry anyway.
    static func parseMedications(_ text: String) -> Result<AnswerValue, Rejection> {
        let form = TextInput.matchingForm(text)
        if noMedicineWords.contains(form.trimming(".!")) || KoreanWords.isNoMedicine(form) { return .success(.medications([])) }
        var names: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" || $0 == "、" || $0 == "，" }) {
            let name = String(piece).trimming(" .")
            if name.isEmpty { continue }
            guard name.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                return .failure(Rejection("\(TextInput.quoted(name)) is not the name of a medicine: list your medicines separated by commas, or type 'none'."))
            }
            guard name.count <= maxMedicationLength else {
                return .failure(Rejection("One medicine's name is longer than \(maxMedicationLength) characters: separate medicines with commas."))
            }
            names.append(name)
        }
        if names.isEmpty { return .failure(Rejection("Please list your medicines separated by commas, or type 'none'.")) }
        if names.count > maxMedications {
            return .failure(Rejection("That is more than \(maxMedications) medicines: please list the main ones."))
        }
        if names.count > 1, names.contains(where: { noMedicineWords.contains(TextInput.matchingForm($0)) || KoreanWords.isNoMedicine(TextInput.matchingForm($0)) }) {
            return .failure(Rejection("'none' can't be combined with medicine names: type 'none' on its own, or list the medicines."))
        }
        return .success(.medications(names))
    }

    // MARK: - Words

    static func list(_ items: [String], conjunction: String) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) \(conjunction) \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", \(conjunction) " + items.last!
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }

    func trimming(_ characters: String) -> String {
        let set = Set(characters)
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}

/// What the reading of answers has learnt since transcripts were first
/// written: a transcript of an earlier format is replayed without what came
/// after it, so every answer reads as it did when it was recorded.
public struct AnswerReading: OptionSet, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// "both knees" is the left and the right option (transcript format 4 on).
    public static let bothSides = AnswerReading(rawValue: 1)

    /// Everything today's intake reads.
    public static let current: AnswerReading = [.bothSides]
}
