import InterviewEngine

/// A moment as a clock on the wall showed it where the reader is: the
/// instant (UTC, as transcripts keep it) and that zone's offset from UTC
/// at that instant, so reports and replays show the time the person
/// remembers, with the offset that makes it unambiguous. The offset is
/// given by the caller (the executable asks the system); nothing here reads
/// a clock or a time zone.
public struct LocalTime: Sendable, Equatable {
    /// Milliseconds since 1970-01-01 UTC.
    public var milliseconds: Int64
    /// Minutes east of UTC (540 for UTC+09:00, -240 for New York in summer).
    public var offsetMinutes: Int

    public init(milliseconds: Int64, offsetMinutes: Int) {
        self.milliseconds = milliseconds
        self.offsetMinutes = offsetMinutes
    }

    /// "4 December 2026, 14:03 (UTC+09:00)"; "(UTC)" when the offset is 0.
    public var readable: String {
        let iso = wallClock
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let characters = Array(iso)
        let year = String(characters[0..<4]), month = Int(String(characters[5..<7])) ?? 1, day = Int(String(characters[8..<10])) ?? 1
        return "\(day) \(months[month - 1]) \(year), \(String(characters[11..<16])) (UTC\(offsetMinutes == 0 ? "" : offsetText))"
    }

    /// "2026-12-04T14:03:12+09:00" (ISO 8601 with the offset; "+00:00" in UTC).
    public var iso8601: String {
        wallClock + offsetText
    }

    /// "2026-12-04T14:03:12": the date and time on the local clock.
    private var wallClock: String {
        String(Timestamp.iso8601(milliseconds: milliseconds + Int64(offsetMinutes) * 60_000).prefix(19))
    }

    /// "+09:00", "-04:00", "+00:00".
    public var offsetText: String {
        let size = abs(offsetMinutes)
        let hours = size / 60, minutes = size % 60
        return (offsetMinutes < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }
}
