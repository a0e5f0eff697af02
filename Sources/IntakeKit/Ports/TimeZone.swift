import InterviewEngine

/// The local time zone, given by the executable (the system's, with `TZ`
/// respected) or by a test: transcripts keep UTC, and people are shown
/// the time on their own clock.
public protocol LocalTimeZone: Sendable {
    /// How far the local clock was from UTC at `utcMilliseconds`, with the
    /// zone's abbreviation then ("CET", "CEST").
    func offset(atUTC utcMilliseconds: Int64) -> ZoneOffset
}

/// An offset from UTC in force at some moment.
public struct ZoneOffset: Sendable, Equatable {
    /// Seconds ahead of UTC.
    public var seconds: Int
    /// "CET", or empty when the zone has no abbreviation of letters.
    public var abbreviation: String

    public init(seconds: Int, abbreviation: String) {
        self.seconds = seconds
        self.abbreviation = abbreviation
    }
}

/// A zone whose offset never changes: UTC (a machine set to none), or a
/// test's fixed zone.
public struct FixedOffsetZone: LocalTimeZone {
    public var minutes: Int

    public init(minutes: Int) {
        self.minutes = minutes
    }

    public static let utc = FixedOffsetZone(minutes: 0)

    public func offset(atUTC utcMilliseconds: Int64) -> ZoneOffset {
        ZoneOffset(seconds: minutes * 60, abbreviation: minutes == 0 ? "UTC" : "")
    }
}

extension LocalTimeZone {
    /// `utcMilliseconds` on the local clock.
    public func local(_ utcMilliseconds: Int64) -> LocalTime {
        let offset = offset(atUTC: utcMilliseconds)
        return LocalTime(utcMilliseconds: utcMilliseconds, offsetSeconds: offset.seconds, zone: offset.abbreviation)
    }

    /// Minutes east of UTC at `milliseconds` (540 in Seoul; -300 in New
    /// York in winter, -240 in summer).
    public func offsetMinutes(at milliseconds: Int64) -> Int {
        offset(atUTC: milliseconds).seconds / 60
    }

    /// A UTC time as a transcript records it ("2026-11-26T19:55:13.204Z") on
    /// this zone's clock; nil when it is not such a time.
    public func local(iso8601 text: String) -> LocalTime? {
        Timestamp.milliseconds(iso8601: text).map(local)
    }

    /// The moment the local calendar day `date` began. Around a change of
    /// clocks the offset of the night before may differ from the day's, so
    /// the offset is looked up again at the first guess.
    public func startOfDay(_ date: (year: Int, month: Int, day: Int)) -> Int64 {
        let asUTC = LocalTime.midnightAsUTC(year: date.year, month: date.month, day: date.day)
        let guess = asUTC - Int64(offset(atUTC: asUTC).seconds) * 1000
        return asUTC - Int64(offset(atUTC: guess).seconds) * 1000
    }
}
