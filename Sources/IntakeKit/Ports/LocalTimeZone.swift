import InterviewEngine
import Reports

/// The time zone of the person reading a report or a replay: the offset
/// from UTC at a given moment (daylight saving time included), given by the
/// executable (`TZ`, else the system's zone) or by a test (a fixed offset).
/// Transcripts keep UTC; only what is shown is local.
public protocol LocalTimeZone: Sendable {
    /// Minutes east of UTC at `milliseconds` since 1970-01-01 UTC (540 in
    /// Seoul; -300 in New York in winter, -240 in summer).
    func offsetMinutes(at milliseconds: Int64) -> Int
}

extension LocalTimeZone {
    /// The moment `milliseconds` on this zone's clock.
    public func local(_ milliseconds: Int64) -> LocalTime {
        LocalTime(milliseconds: milliseconds, offsetMinutes: offsetMinutes(at: milliseconds))
    }

    /// A UTC time as a transcript records it ("2026-11-26T19:55:13.204Z") on
    /// this zone's clock; nil when it is not such a time.
    public func local(iso8601 text: String) -> LocalTime? {
        Timestamp.milliseconds(iso8601: text).map(local)
    }
}

/// A zone whose offset never changes: UTC, or a test's fixed zone.
public struct FixedOffsetZone: LocalTimeZone {
    public var minutes: Int

    public init(minutes: Int) {
        self.minutes = minutes
    }

    public static let utc = FixedOffsetZone(minutes: 0)

    public func offsetMinutes(at milliseconds: Int64) -> Int {
        minutes
    }
}
