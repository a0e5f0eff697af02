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

/// Coordinated Universal Time: the zone of a machine set to none.
public struct UTCZone: LocalTimeZone {
    public init() {}

    public func offset(atUTC utcMilliseconds: Int64) -> ZoneOffset {
        ZoneOffset(seconds: 0, abbreviation: "UTC")
    }
}

extension LocalTimeZone {
    /// `utcMilliseconds` on the local clock.
    public func local(_ utcMilliseconds: Int64) -> LocalTime {
        let offset = offset(atUTC: utcMilliseconds)
        return LocalTime(utcMilliseconds: utcMilliseconds, offsetSeconds: offset.seconds, zone: offset.abbreviation)
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
