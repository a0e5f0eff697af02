/// A moment as a wall clock showed it somewhere: the instant (UTC, as
/// transcripts keep it), the date and time there, and how far that was from
/// UTC. Transcripts keep UTC; this is how a time is shown to people (a
/// replay, a session list, the date on a report), with the offset that makes
/// it unambiguous. The offset comes from whoever knows the time zone (the
/// executable, a test), never from the system here.
public struct LocalTime: Sendable, Equatable {
    /// Milliseconds since 1970-01-01 UTC.
    public var milliseconds: Int64
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Seconds ahead of UTC (3600 for UTC+01:00).
    public var offsetSeconds: Int
    /// The zone's abbreviation at that moment ("CET", "EST"), when it has
    /// one made of letters; empty otherwise.
    public var zone: String

    /// The wall-clock time `offsetSeconds` ahead of UTC at `utcMilliseconds`.
    public init(utcMilliseconds: Int64, offsetSeconds: Int, zone: String = "") {
        milliseconds = utcMilliseconds
        let seconds = utcMilliseconds.floorDivided(by: 1000) + Int64(offsetSeconds)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        (year, month, day) = Timestamp.civil(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        self.offsetSeconds = offsetSeconds
        self.zone = zone.allSatisfy(\.isLetter) ? zone : ""
    }

    /// The wall-clock time `offsetMinutes` east of UTC at `milliseconds`.
    public init(milliseconds: Int64, offsetMinutes: Int) {
        self.init(utcMilliseconds: milliseconds, offsetSeconds: offsetMinutes * 60)
    }

    /// Minutes east of UTC (540 for UTC+09:00, -240 for New York in summer).
    public var offsetMinutes: Int { offsetSeconds / 60 }

    /// "4 December 2026, 14:03 KST (UTC+09:00)", the zone's abbreviation
    /// when it has one; "(UTC)" alone when the offset is 0 and the zone is
    /// UTC or unnamed.
    public var readable: String {
        let offset = "(UTC\(offsetSeconds == 0 ? "" : offsetText))"
        let named = zone.isEmpty || (zone == "UTC" && offsetSeconds == 0) ? "" : zone + " "
        return "\(longDate), \(time) \(named)\(offset)"
    }

    /// "2026-12-04T14:03:12+09:00" (ISO 8601 with the offset; "+00:00" in UTC).
    public var iso8601: String {
        "\(date)T\(time):\(Self.pad(second, 2))\(offsetText)"
    }

    /// "+09:00", "-04:00", "+00:00".
    public var offsetText: String {
        let minutes = abs(offsetSeconds) / 60
        return "\(offsetSeconds < 0 ? "-" : "+")\(Self.pad(minutes / 60, 2)):\(Self.pad(minutes % 60, 2))"
    }

    /// "2026-11-26".
    public var date: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// "20:55".
    public var time: String { "\(Self.pad(hour, 2)):\(Self.pad(minute, 2))" }

    /// "26 November 2026".
    public var longDate: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// "CET", else "UTC+01:00" ("UTC" itself at offset zero).
    public var zoneName: String {
        if !zone.isEmpty { return zone }
        return offsetSeconds == 0 ? "UTC" : "UTC" + offsetText
    }

    /// "2026-11-26 20:55".
    public var short: String { "\(date) \(time)" }

    /// The UTC milliseconds of midnight at the start of a calendar day,
    /// as if that day's clock were UTC: subtract the zone's offset to get the
    /// real moment.
    public static func midnightAsUTC(year: Int, month: Int, day: Int) -> Int64 {
        Timestamp.daysFromCivil(year: year, month: month, day: day) * 86_400_000
    }

    /// A calendar date typed as "2026-11-26" (also "2026-11-6"); nil for
    /// anything else or a day the month does not have.
    public static func calendarDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return (year, month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
