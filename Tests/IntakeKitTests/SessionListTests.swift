import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// Finding a client's session without knowing file names: `intake sessions`
/// and `intake report --client`.
@Suite("Session list") struct SessionListTests {
    static let complete = Fixtures.path("Tests/Personas/05-knee-oa-apixaban-firm.json")
    static let urgent = Fixtures.path("Tests/Personas/18-urgent-bladder-leg-weakness.json")

    /// Milliseconds of a UTC time written "2026-11-26T19:55:13".
    static func utc(_ text: String) -> Int64 {
        let formatter = ISO8601DateFormatter()
        return Int64(formatter.date(from: text + "Z")!.timeIntervalSince1970 * 1000)
    }

    /// A desk in Berlin with four sessions: A-17 completed on 26 November,
    /// B-2 unfinished and A-17 at an urgent stop on 27 November, and one
    /// the person answered themselves; and a file that is not a session.
    static func desk() -> InProcessIntake {
        let intake = InProcessIntake()
        intake.timeZone = TestTimeZone("Europe/Berlin")
        intake.clock.now = utc("2026-11-26T19:55:13")
        _ = intake.run(SessionOptions(answers: complete, mode: .reception, client: "A-17"), typing: [])
        intake.clock.now = utc("2026-11-27T08:00:00")
        _ = intake.run(SessionOptions(mode: .reception, client: "B-2"), piping: "over 50\n:quit\n:quit\n")
        intake.clock.now = utc("2026-11-27T12:30:00")
        _ = intake.run(SessionOptions(answers: urgent, mode: .reception, client: "A-17"), typing: [])
        intake.clock.now = utc("2026-11-27T13:00:00")
        _ = intake.run(SessionOptions(answers: complete), typing: [])
        intake.files.place(Array("not a transcript\n".utf8), at: InProcessIntake.sessions + "/notes.jsonl")
        intake.clock.now = utc("2026-11-27T15:00:00")
        return intake
    }

    @Test func oneLinePerSessionNewestFirstInLocalTime() throws {
        let intake = Self.desk()
        let result = intake.sessions()
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Sessions in /memory/sessions, newest first")
        // Columns are set apart by two spaces or more.
        func cells(_ line: String) -> [String] { line.split(separator: /\s{2,}/).map(String.init) }
        #expect(cells(lines[1]) == ["CLIENT", "STARTED", "MODE", "STATUS", "CATEGORY", "FILE"])
        let rows = lines[2...5].map(cells)
        #expect(rows.map { Array($0.prefix(5)) } == [
            ["-", "2026-11-27 14:00 CET", "self", "completed", "fit-with-precautions"],
            ["A-17", "2026-11-27 13:30 CET", "reception", "urgent stop", rows[1][4]],
            ["B-2", "2026-11-27 09:00 CET", "reception", "unfinished", "-"],
            ["A-17", "2026-11-26 20:55 CET", "reception", "completed", "fit-with-precautions"],
        ])
        #expect(["seek-care-now", "check-with-doctor-first"].contains(rows[1][4]))
        #expect(rows[0][5].hasPrefix("/memory/sessions/20261127T130000Z-") && rows[3][5].hasPrefix("/memory/sessions/20261126T195513Z-"))
        // The columns line up.
        #expect(Set(lines[1...5].map { $0.range(of: "2026-11") == nil ? $0.range(of: "STARTED")!.lowerBound.utf16Offset(in: $0) : $0.range(of: "2026-11")!.lowerBound.utf16Offset(in: $0) }).count == 1)
        let flat = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("4 sessions."))
        #expect(flat.contains("1 file is not a session intake can read; see what is wrong with: intake replay /memory/sessions"))
        #expect(flat.contains("A client's report: intake report --client REF"))
    }

    @Test func filtersByClientDayAndStatus() throws {
        let intake = Self.desk()
        func files(_ options: SessionList.Options) -> [String] {
            intake.sessions(options).output.split(separator: "\n").filter { $0.contains("/memory/sessions/2026") }.map { String($0.prefix(4)) }
        }
        #expect(files(.init(client: "a-17")) == ["A-17", "A-17"], "upper or lower case alike")
        #expect(files(.init(status: .unfinished)) == ["B-2 "])
        #expect(files(.init(status: .urgentStop)) == ["A-17"])
        // 27 November begins at 23:00 UTC on the 26th in Berlin.
        #expect(files(.init(since: "2026-11-27")).count == 3)
        #expect(files(.init(since: "2026-11-26")).count == 4)
        #expect(files(.init(today: true)).count == 3)
        #expect(files(.init(client: "A-17", today: true)) == ["A-17"])
        let none = intake.sessions(.init(client: "Z-9"))
        #expect(none.status == 0)
        #expect(none.output.contains("No session matches."))
    }

    @Test func aLimitShowsTheMostRecentAndSaysHowManyMore() {
        let result = Self.desk().sessions(.init(limit: 2))
        #expect(result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("Showing the 2 most recent of 4 sessions that match: narrow the list with --client, --since or --today, or show more with --limit N."))
        #expect(result.output.contains("20261127T130000Z") && result.output.contains("20261127T123000Z"))
        #expect(!result.output.contains("20261126T195513Z"))
    }

    @Test func jsonForScripts() throws {
        let result = Self.desk().sessions(.init(status: .completed, json: true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["matched"] as? Int == 2)
        #expect(object["notSessions"] as? Int == 1)
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["client"] as? String } == [nil, "A-17"])
        let first = try #require(sessions.last)
        #expect(first["started"] as? String == "2026-11-26T19:55:13.000Z")
        #expect(first["startedLocal"] as? String == "2026-11-26 20:55 CET")
        #expect(first["mode"] as? String == "reception")
        #expect(first["status"] as? String == "completed")
        #expect(first["category"] as? String == "fit-with-precautions")
        #expect((first["file"] as? String)?.hasPrefix("/memory/sessions/20261126T195513Z-") == true)
    }

    @Test func summerTimeIsShownAsSuch() throws {
        let intake = InProcessIntake()
        intake.timeZone = TestTimeZone("Europe/Berlin")
        intake.clock.now = Self.utc("2026-07-01T10:00:00")
        _ = intake.run(SessionOptions(answers: Self.complete, mode: .reception, client: "S-1"), typing: [])
        #expect(intake.sessions().output.contains("S-1     2026-07-01 12:00 CEST"))
        // The day began at 22:00 UTC the day before.
        #expect(intake.sessions(.init(since: "2026-07-01")).output.contains("S-1"))
        #expect(intake.sessions(.init(since: "2026-07-02")).output.contains("No session matches."))
    }

    @Test func badDatesAndMissingFoldersAreSaidInOneLine() {
        let intake = Self.desk()
        let date = intake.sessions(.init(since: "27/11/2026"))
        #expect(date.status == 2)
        #expect(date.error == "--since: '27/11/2026' is not a date: write it as year-month-day, like 2026-11-26\n")
        #expect(intake.sessions(.init(since: "2026-02-30")).status == 2)
        let missing = intake.sessions(.init(folder: "/memory/nowhere"))
        #expect(missing.status == 2)
        #expect(missing.error.hasPrefix("/memory/nowhere: no such folder: no sessions have been saved there yet"))
    }

    @Test func aClientsReportWithoutKnowingFileNames() throws {
        let intake = Self.desk()
        let latest = intake.report(SessionReport.Options(client: "a-17"))
        #expect(latest.status == 0)
        #expect(latest.output.contains("Client: A-17\nDate: 27 November 2026, 13:30 CET (UTC+01:00)\n"))
        #expect(latest.output.contains("Status: Ended early at an urgent warning"))
        let all = intake.report(SessionReport.Options(format: .json, client: "A-17", all: true))
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(all.output.utf8)) as? [[String: Any]])
        #expect(reports.map { $0["started"] as? String } == ["2026-11-27T12:30:00.000Z", "2026-11-26T19:55:13.000Z"])
        let page = intake.report(SessionReport.Options(format: .html, client: "A-17", all: true))
        #expect(page.output.components(separatedBy: "<main class=\"page\"").count == 3)
        let unknown = intake.report(SessionReport.Options(client: "Z-9"))
        #expect(unknown.status == 2)
        #expect(unknown.error == "/memory/sessions: no session of that client here (references match whole, upper or lower case alike): see every client's sessions with: intake sessions /memory/sessions\n")
        let refused = intake.report(SessionReport.Options(client: "A/17"))
        #expect(refused.status == 2)
        #expect(refused.error.hasPrefix("--client: a client reference cannot hold '/'"))
    }

    /// A crash mid-write leaves half a line at the end: the session is still
    /// listed, as unfinished, with the damage said.
    @Test func aCutLastLineIsListedAsDamaged() throws {
        let intake = InProcessIntake()
        _ = intake.run(SessionOptions(mode: .reception, client: "C-3"), piping: "over 50\n:quit\n:quit\n")
        let path = try #require(intake.transcripts.first)
        let bytes = try #require(intake.files.written[path])
        intake.files.place(bytes + Array("{\"event\":\"answ".utf8), at: path)
        let result = intake.sessions()
        #expect(result.status == 0)
        #expect(result.output.contains("unfinished (last line damaged)"))
        #expect(result.output.contains("intake replay /memory/sessions --check"))
        let json = intake.sessions(.init(json: true)).output
        #expect(json.contains("\"damaged\" : true") || json.contains("\"damaged\": true"))
        // A folder named on the command line is named in the report command too.
        let named = intake.sessions(.init(folder: InProcessIntake.sessions)).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(named.contains("A client's report: intake report --client REF --transcripts /memory/sessions"))
    }

    @Test func aPDFNeedsABrowser() {
        let intake = Self.desk()
        let result = intake.report(SessionReport.Options(format: .pdf, output: "/memory/out.pdf", client: "A-17"))
        #expect(result.status == 2)
        #expect(result.error.contains("making a PDF needs a web browser"))
    }
}
