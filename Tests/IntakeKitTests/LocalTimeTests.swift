import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import Reports
import Testing

/// Reports and replays show when a session happened on the reader's clock,
/// with the offset; the transcript keeps UTC. Here with fixed zones; the
/// system's zones (TZ, daylight saving time) through the binary in
/// `intakeTests/TranscriptCLITests`.
@Suite("Local time in reports and replays")
struct LocalTimeTests {
    typealias Text = SessionText

    /// A finished session started 2026-11-26T19:55:13Z (the manual clock's
    /// start), read in Seoul (UTC+09:00).
    static func seoulSession() throws -> (InProcessIntake, String) {
        let intake = InProcessIntake()
        _ = intake.run(typing: Text.straight)
        intake.timeZone = FixedOffsetZone(minutes: 9 * 60)
        return (intake, try #require(intake.transcripts.first))
    }

    @Test func everyReportFormatShowsTheLocalTimeWithItsOffset() throws {
        let (intake, path) = try Self.seoulSession()
        let text = intake.report(.init(transcript: path))
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("Date: 27 November 2026, 04:55 (UTC+09:00)"), "\(text.output)")
        let markdown = intake.report(.init(transcript: path, format: .markdown)).output
        #expect(markdown.contains("27 November 2026, 04:55 (UTC+09:00)"), "\(markdown)")
        let html = intake.report(.init(transcript: path, format: .html)).output
        #expect(html.contains("<title>") && html.components(separatedBy: "27 November 2026, 04:55 (UTC+09:00)").count >= 3,
                "in the title and the header")
        let json = try Text.json(intake.report(.init(transcript: path, format: .json)).output)
        #expect((json["startedLocal"] as? [String: Any])?["time"] as? String == "2026-11-27T04:55:13+09:00")
        #expect(json["started"] as? String == "2026-11-26T19:55:13.000Z", "the recorded UTC time is kept for scripts")
        // The transcript itself keeps UTC.
        #expect(intake.text(path).contains(#""started":"2026-11-26T19:55:13.000Z""#))
    }

    @Test func replayShowsStartAndResumeOnTheLocalClock() throws {
        let intake = InProcessIntake()
        _ = intake.run(typing: Array(Text.straight.prefix(3)) + [":quit"])
        let path = try #require(intake.transcripts.first)
        intake.clock.now += 3 * 3_600_000
        _ = intake.run(SessionOptions(resume: path), typing: Array(Text.straight.dropFirst(3)))
        intake.timeZone = FixedOffsetZone(minutes: -(9 * 60 + 30))
        let replay = intake.replay(.init(path: path))
        #expect(replay.status == 0, "\(replay.output)")
        #expect(replay.output.contains("started 26 November 2026, 10:25 (UTC-09:30), mode self"), "\(replay.output)")
        #expect(replay.output.contains("-- resumed on 26 November 2026, 13:"), "\(replay.output)")
        #expect(replay.output.contains("(UTC-09:30) with intake "))
        #expect(!replay.output.contains("(UTC),"))
    }

    @Test func utcSaysSoWithoutAnOffset() throws {
        let intake = InProcessIntake()
        _ = intake.run(typing: Text.straight)
        let path = try #require(intake.transcripts.first)
        #expect(intake.report(.init(transcript: path)).output.contains("Date: 26 November 2026, 19:55 (UTC)"))
        #expect(LocalTime(milliseconds: 0, offsetMinutes: 0).iso8601 == "1970-01-01T00:00:00+00:00")
        // Across midnight and the end of a year, both ways.
        #expect(LocalTime(milliseconds: 1_798_761_600_000, offsetMinutes: -300).readable == "31 December 2026, 19:00 (UTC-05:00)")
        #expect(LocalTime(milliseconds: 1_798_761_600_000, offsetMinutes: 345).iso8601 == "2027-01-01T05:45:00+05:45")
    }
}
