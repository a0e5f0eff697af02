/// Reads dates and times as people type them: `2024-03-05`, `5 March 2024`,
/// `March 5, 2024`, `today`, `yesterday`; `14:30`, `2:30 pm`, `noon`; and a
/// date followed by a time for a date and time.
///
/// Nothing is guessed: `05/03/2024` (5 March or 3 May?) is refused with the
/// two readings named. `today` needs the date of the session, which the
/// caller gives (the core has no clock).
public enum TemporalInput {
    static let examplesOfDates = "try 2024-03-05, 5 March 2024, today or yesterday"
    static let examplesOfTimes = "try 14:30 or 2:30 pm"

    /// A date typed by a person; `today` is the session's date, when known.
    public static func date(_ typed: String, today: CalendarDate?) -> Result<CalendarDate, Rejection> {
        let form = normalized(typed)
        let quoted = TextInput.quoted(typed)
        switch form {
        case "today", "yesterday", "tomorrow":
            guard let today else {
                return .failure(Rejection("I can't tell today's date here: type the date itself, such as 2024-03-05."))
            }
            return .success(today.adding(days: form == "today" ? 0 : form == "yesterday" ? -1 : 1))
        default:
            break
        }
        let words = form.split(separator: " ").map(String.init)
        // 2024-03-05, 2024/03/05, 2024.03.05; 05/03/2024 and 3-5-2024.
        if words.count == 1 {
            let parts = words[0].split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
            guard parts.count == 3, parts.allSatisfy(isDigits) else {
                return .failure(Rejection("I couldn't read \(quoted) as a date: \(examplesOfDates)."))
            }
            if parts[0].count == 4 {
                return checkedDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!, typed: typed)
            }
            guard parts[2].count == 4 else {
                return .failure(Rejection("Please write the year in full: \(examplesOfDates)."))
            }
            let (first, second, year) = (Int(parts[0])!, Int(parts[1])!, Int(parts[2])!)
            switch (first <= 12, second <= 12) {
            case (true, true) where first != second:
                let dayFirst = CalendarDate(year: year, month: second, day: first).map(\.words) ?? "?"
                let monthFirst = CalendarDate(year: year, month: first, day: second).map(\.words) ?? "?"
                return .failure(Rejection("\(quoted) could be \(dayFirst) or \(monthFirst): write the month as a word (\(dayFirst)) or use \(year)-\(CalendarDate.padded(second, 2))-\(CalendarDate.padded(first, 2))."))
            case (true, true), (false, true):
                return checkedDate(year: year, month: second, day: first, typed: typed)
            case (true, false):
                return checkedDate(year: year, month: first, day: second, typed: typed)
            case (false, false):
                return .failure(Rejection("I couldn't read \(quoted) as a date: \(examplesOfDates)."))
            }
        }
        // 5 March 2024, March 5 2024 (commas and "5th" already gone).
        if words.count == 3 {
            if isDigits(words[0]), let month = month(named: words[1]), isDigits(words[2]), words[2].count == 4 {
                return checkedDate(year: Int(words[2])!, month: month, day: Int(words[0]) ?? 0, typed: typed)
            }
            if let month = month(named: words[0]), isDigits(words[1]), isDigits(words[2]), words[2].count == 4 {
                return checkedDate(year: Int(words[2])!, month: month, day: Int(words[1]) ?? 0, typed: typed)
            }
        }
        if words.count == 2, isDigits(words[0]) || month(named: words[0]) != nil, isDigits(words[1]) || month(named: words[1]) != nil {
            return .failure(Rejection("Please add the year: \(examplesOfDates)."))
        }
        return .failure(Rejection("I couldn't read \(quoted) as a date: \(examplesOfDates)."))
    }

    /// A time of day typed by a person.
    public static func time(_ typed: String) -> Result<TimeOfDay, Rejection> {
        var form = normalized(typed).replacingDots()
        let quoted = TextInput.quoted(typed)
        if form == "noon" || form == "midday" { return .success(TimeOfDay(hour: 12, minute: 0)!) }
        if form == "midnight" { return .success(TimeOfDay(hour: 0, minute: 0)!) }
        var half: String?
        for suffix in ["am", "pm"] where form.hasSuffix(suffix) {
            half = suffix
            form = String(form.dropLast(2)).trimmingSpaces()
        }
        let parts = form.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ isDigits($0) && $0.count <= 2 }),
              parts.dropFirst().allSatisfy({ $0.count == 2 })
        else {
            return .failure(Rejection("I couldn't read \(quoted) as a time: \(examplesOfTimes)."))
        }
        var hour = Int(parts[0])!
        let minute = parts.count > 1 ? Int(parts[1])! : 0
        let second = parts.count > 2 ? Int(parts[2])! : 0
        if parts.count == 1, half == nil {
            return .failure(Rejection("\(quoted) needs minutes or am/pm: \(examplesOfTimes)."))
        }
        if let half {
            guard (1...12).contains(hour) else {
                return .failure(Rejection("\(quoted) is not a time: with am or pm the hour goes from 1 to 12 (\(examplesOfTimes))."))
            }
            hour = hour % 12 + (half == "pm" ? 12 : 0)
        }
        guard let time = TimeOfDay(hour: hour, minute: minute, second: second) else {
            return .failure(Rejection("\(quoted) is not a time of day: the hours go from 0 to 23 and the minutes from 0 to 59."))
        }
        return .success(time)
    }

    /// A date and a time of day, the date first: `2024-03-05 14:30`,
    /// `2024-03-05T14:30`, `5 March 2024 at 2:30 pm`, `today 9am`.
    public static func dateTime(_ typed: String, today: CalendarDate?) -> Result<(CalendarDate, TimeOfDay), Rejection> {
        var form = normalized(typed)
        // The ISO separator: "2024-03-05t14:30" once lower-cased.
        if let t = form.firstIndex(of: "t"), t != form.startIndex, form[form.index(before: t)].isNumber,
           form.index(after: t) < form.endIndex, form[form.index(after: t)].isNumber {
            form.replaceSubrange(t...t, with: " ")
        }
        let words = form.split(separator: " ").map(String.init).filter { $0 != "at" }
        var dateProblem: Rejection?
        for split in stride(from: words.count - 1, through: 1, by: -1) {
            let datePart = words[..<split].joined(separator: " ")
            let timePart = words[split...].joined(separator: " ")
            guard case .success(let time) = Self.time(timePart) else { continue }
            switch date(datePart, today: today) {
            case .success(let day): return .success((day, time))
            case .failure(let rejection): dateProblem = dateProblem ?? rejection
            }
        }
        if let dateProblem { return .failure(dateProblem) }
        if case .success = date(form, today: today) {
            return .failure(Rejection("Please add the time too, such as \(words.joined(separator: " ")) 14:30."))
        }
        return .failure(Rejection("I couldn't read \(TextInput.quoted(typed)) as a date and time: try 2024-03-05 14:30, or 5 March 2024 at 2:30 pm."))
    }

    // MARK: - Pieces

    private static func checkedDate(year: Int, month: Int, day: Int, typed: String) -> Result<CalendarDate, Rejection> {
        guard (1...12).contains(month) else {
            return .failure(Rejection("\(TextInput.quoted(typed)) has no month \(month): months go from 1 to 12."))
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            if (1...9999).contains(year) {
                return .failure(Rejection("There is no day \(day) in \(CalendarDate.monthNames[month - 1]) \(year): please check the day."))
            }
            return .failure(Rejection("\(TextInput.quoted(typed)) is not a date: the year must go from 1 to 9999."))
        }
        return .success(date)
    }

    /// Lower case, single spaces, commas and full stops at word ends gone,
    /// and "5th" as "5".
    static func normalized(_ typed: String) -> String {
        let lowered = TextInput.folded(typed).lowercased()
        var words: [String] = []
        for word in lowered.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            var word = String(word)
            while word.hasSuffix(".") && !word.dropLast().contains(".") && word.count > 1 && !isDigits(String(word.dropLast())) { word.removeLast() }
            for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) && isDigits(String(word.dropLast(2))) && word.count > 2 {
                word.removeLast(2)
            }
            words.append(word)
        }
        return words.joined(separator: " ")
    }

    static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func month(named word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        if word == "sept" { return 9 }
        return CalendarDate.monthNames.firstIndex { name in
            let lower = name.lowercased()
            return lower == word || (word.count == 3 && lower.hasPrefix(word))
        }.map { $0 + 1 }
    }
}

extension String {
    /// "p.m." as "pm", "a.m." as "am": the dots people put in the half of the day.
    fileprivate func replacingDots() -> String {
        var text = self
        for (dotted, plain) in [("p.m.", "pm"), ("a.m.", "am"), ("p.m", "pm"), ("a.m", "am")] where text.hasSuffix(dotted) {
            text = String(text.dropLast(dotted.count)) + plain
        }
        return text
    }
}

extension Node {
    /// A date answer, within the bounds.
    func parseDate(_ text: String, earliest: CalendarDate?, latest: CalendarDate?, today: CalendarDate?) -> Result<AnswerValue, Rejection> {
        TemporalInput.date(text, today: today).flatMap { day in
            if let earliest, day < earliest {
                return .failure(Rejection("\(day.words) is before \(earliest.words), the earliest date this question takes."))
            }
            if let latest, day > latest {
                return .failure(Rejection("\(day.words) is after \(latest.words), the latest date this question takes."))
            }
            return .success(.date(day))
        }
    }
}
