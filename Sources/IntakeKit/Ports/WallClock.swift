import FHIR

/// The time and the random session ids: the only nondeterminism of a
/// session, given by the executable (the system clock) or by a test (a
/// manual clock), so transcripts made in tests are the same every run.
public protocol WallClock: AnyObject, Sendable {
    /// Milliseconds since 1970-01-01 UTC.
    func milliseconds() -> Int64
    /// A new random session id: 16 lower-case hex digits.
    func newSessionID() -> String
    /// Minutes east of UTC that local time was at `milliseconds` (+60 for
    /// UTC+01:00, summer time included): the time zone is the system's, so
    /// the library learns it as a value and reads no zone itself.
    func utcOffsetMinutes(atMilliseconds milliseconds: Int64) -> Int
}

extension WallClock {
    /// The moment `milliseconds` with the local offset it had: a session's
    /// local date, and FHIR's `authored`.
    public func localTime(atMilliseconds milliseconds: Int64) -> LocalTimestamp {
        LocalTimestamp(millisecondsSince1970: milliseconds, offsetMinutes: utcOffsetMinutes(atMilliseconds: milliseconds))
    }
}
