import Testing
@testable import QuestionnaireModel

@Suite("Dates, times and open choices")
struct TemporalAnswerTests {
    let today = CalendarDate(year: 2026, month: 12, day: 4)!
    let date = AnswerSpec.date(earliest: nil, latest: nil)
    let time = AnswerSpec.time
    let dateTime = AnswerSpec.dateTime

    func value(_ spec: AnswerSpec, _ input: String) -> AnswerValue? {
        try? node(spec).parse(input, options: [], today: today).get()
    }

    func refusal(_ spec: AnswerSpec, _ input: String, today: CalendarDate? = CalendarDate(year: 2026, month: 12, day: 4)) -> String? {
        if case .failure(let rejection) = node(spec).parse(input, options: [], today: today) { return rejection.message }
        return nil
    }

    @Test func dayNumbersRoundTripAcrossCenturiesAndLeapDays() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)!.dayNumber == -1)
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 28)!.adding(days: 2).iso == "2024-03-01")
    }

    @Test func datesAsPeopleWriteThem() {
        let march5 = AnswerValue.date(CalendarDate(year: 2024, month: 3, day: 5)!)
        for input in ["2024-03-05", "2024/3/5", "5 March 2024", "5th March 2024", "March 5, 2024", "mar 5 2024", "5 Mar. 2024", "2024.03.05 "] {
            #expect(value(date, input) == march5, "\(input)")
        }
        #expect(value(date, "today") == .date(today))
        #expect(value(date, "Yesterday") == .date(CalendarDate(year: 2026, month: 12, day: 3)!))
        #expect(value(date, "31/12/2024") == .date(CalendarDate(year: 2024, month: 12, day: 31)!))
        #expect(value(date, "12/31/2024") == .date(CalendarDate(year: 2024, month: 12, day: 31)!))
    }

    @Test func datesThatCannotBeReadSayWhy() {
        #expect(refusal(date, "05/03/2024") == "'05/03/2024' could be 5 March 2024 or 3 May 2024: write the month as a word (5 March 2024) or use 2024-03-05.")
        #expect(refusal(date, "2024-02-30") == "There is no day 30 in February 2024: please check the day.")
        #expect(refusal(date, "2024-13-01") == "'2024-13-01' has no month 13: months go from 1 to 12.")
        #expect(refusal(date, "5 March") == "Please add the year: try 2024-03-05, 5 March 2024, today or yesterday.")
        #expect(refusal(date, "last week") == "I couldn't read 'last week' as a date: try 2024-03-05, 5 March 2024, today or yesterday.")
        #expect(refusal(date, "today", today: nil) == "I can't tell today's date here: type the date itself, such as 2024-03-05.")
        #expect(refusal(date, "") == "Please type a date, such as 2024-03-05 or 5 March 2024.")
    }

    @Test func boundsFromTheForm() {
        let bounded = AnswerSpec.date(earliest: CalendarDate(iso: "2001-01-01"), latest: CalendarDate(iso: "2024-01-01"))
        #expect(refusal(bounded, "2000-12-31") == "31 December 2000 is before 1 January 2001, the earliest date this question takes.")
        #expect(refusal(bounded, "2 January 2024") == "2 January 2024 is after 1 January 2024, the latest date this question takes.")
        #expect(value(bounded, "1 January 2024") == .date(CalendarDate(year: 2024, month: 1, day: 1)!))
    }

    @Test func timesOnBothClocks() {
        #expect(value(time, "14:30") == .time(TimeOfDay(hour: 14, minute: 30)!))
        #expect(value(time, "2:30 pm") == .time(TimeOfDay(hour: 14, minute: 30)!))
        #expect(value(time, "2:30 p.m.") == .time(TimeOfDay(hour: 14, minute: 30)!))
        #expect(value(time, "12am") == .time(TimeOfDay(hour: 0, minute: 0)!))
        #expect(value(time, "12 pm") == .time(TimeOfDay(hour: 12, minute: 0)!))
        #expect(value(time, "noon") == .time(TimeOfDay(hour: 12, minute: 0)!))
        #expect(value(time, "07:05:09") == .time(TimeOfDay(hour: 7, minute: 5, second: 9)!))
        #expect(refusal(time, "25:00") == "'25:00' is not a time of day: the hours go from 0 to 23 and the minutes from 0 to 59.")
        #expect(refusal(time, "13 pm") == "'13 pm' is not a time: with am or pm the hour goes from 1 to 12 (try 14:30 or 2:30 pm).")
        #expect(refusal(time, "7") == "'7' needs minutes or am/pm: try 14:30 or 2:30 pm.")
    }

    @Test func aDateThenATime() {
        let expected = AnswerValue.dateTime(CalendarDate(year: 2024, month: 3, day: 5)!, TimeOfDay(hour: 14, minute: 30)!)
        for input in ["2024-03-05T14:30", "2024-03-05 14:30", "5 March 2024 at 2:30 pm", "March 5, 2024 2:30pm"] {
            #expect(value(dateTime, input) == expected, "\(input)")
        }
        #expect(value(dateTime, "today at 9am") == .dateTime(today, TimeOfDay(hour: 9, minute: 0)!))
        #expect(refusal(dateTime, "2024-03-05") == "Please add the time too, such as 2024-03-05 14:30.")
        #expect(refusal(dateTime, "2024-02-30 10:00") == "There is no day 30 in February 2024: please check the day.")
    }

    @Test func temporalAnswersCompareAsNumbersAndReadBack() throws {
        let early = AnswerValue.date(CalendarDate(year: 2024, month: 3, day: 5)!)
        let late = AnswerValue.date(CalendarDate(year: 2024, month: 3, day: 6)!)
        #expect(try #require(early.numeric) + 1 == late.numeric)
        #expect(early.json == .string("2024-03-05"))
        #expect(AnswerValue.dateTime(CalendarDate(year: 2024, month: 3, day: 5)!, TimeOfDay(hour: 9, minute: 0)!).json == .string("2024-03-05T09:00:00"))
        let questionnaire = Questionnaire(id: "q", version: "1", title: "Q", start: "q", nodes: [node(date)])
        #expect(questionnaire.describe(early, at: node(date)) == "5 March 2024")
        #expect(questionnaire.describe(.time(TimeOfDay(hour: 9, minute: 5)!), at: node(time)) == "09:05")
        let condition = Condition.test(.question("q"), .compare(.gt, Double(CalendarDate(year: 2024, month: 3, day: 5)!.dayNumber)))
        #expect(condition.evaluate { _ in .value(late) } == .yes)
        #expect(condition.evaluate { _ in .value(early) } == .no)
    }

    /// intake's own format has the kinds too: bounds, conditions on dates
    /// written as a transcript writes them, and values read back.
    @Test func dateTimeAndDateTimeAreKindsOfTheirOwn() throws {
        let file = """
            {"id": "d", "version": "1", "title": "Dates", "start": "seen", "nodes": [
              {"id": "seen", "kind": "date", "text": "Last seen?", "min": "2020-01-01",
               "next": [{"when": {"question": "seen", "gte": "2026-01-01"}, "goto": "recent"}, {"goto": "when"}]},
              {"id": "recent", "kind": "info", "text": "Recently.", "next": "when"},
              {"id": "when", "kind": "time", "text": "What time?", "next": "next_visit"},
              {"id": "next_visit", "kind": "dateTime", "text": "Next visit?"}]}
            """
        let questionnaire = try QuestionnaireLoader.load(Array(file.utf8), file: "dates.json").questionnaire
        #expect(questionnaire.nodes.map(\.kind) == [.date, .info, .time, .dateTime])
        #expect(refusal(try #require(questionnaire.node("seen")).spec, "2019-12-31") == "31 December 2019 is before 1 January 2020, the earliest date this question takes.")
        let seen = try #require(questionnaire.node("seen"))
        let yesterday = try seen.parse("yesterday", options: [], today: today).get()
        #expect(yesterday == .date(CalendarDate(year: 2026, month: 12, day: 3)!))
        #expect(seen.route { _ in .value(yesterday) } == "recent")
        #expect(seen.route { _ in .value(.date(CalendarDate(year: 2025, month: 12, day: 31)!)) } == "when")
        #expect(AnswerValue(json: .string("2026-12-03"), kind: .date) == .date(CalendarDate(year: 2026, month: 12, day: 3)!))
        #expect(AnswerValue(json: .string("14:30:00"), kind: .time) == .time(TimeOfDay(hour: 14, minute: 30)!))
        #expect(AnswerValue(json: .string("2024-03-05T09:00:00"), kind: .dateTime) == .dateTime(CalendarDate(year: 2024, month: 3, day: 5)!, TimeOfDay(hour: 9, minute: 0)!))
        #expect(AnswerValue(json: .string("5 March"), kind: .date) == nil)
    }

    @Test func openChoiceTakesOptionsAndOtherText() throws {
        var single = node(.single(.fixed(regions)))
        single.allowsOtherText = true
        #expect(try single.parse("lumbar", options: regions).get() == .choice("lower-back"))
        #expect(try single.parse("my left big toe", options: regions).get() == .choice("my left big toe"))
        // A number with no option is a slip, not an answer of its own.
        #expect((try? single.parse("12", options: regions).get()) == nil)
        var multi = node(.multi(.fixed(regions)))
        multi.allowsOtherText = true
        #expect(try multi.parse("neck, big toe, 3", options: regions).get() == .choices(["neck", "lower-back", "big toe"]))
        #expect((try? multi.parse("none, big toe", options: regions).get()) == nil)
        // Without the flag, other text is refused as before.
        #expect((try? node(.single(.fixed(regions))).parse("my left big toe", options: regions).get()) == nil)
    }
}
