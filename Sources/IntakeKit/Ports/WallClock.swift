/// The time and the random session ids: the only nondeterminism of a
/// session, given by the executable (the system clock) or by a test (a
/// manual clock), so transcripts made in tests are the same every run.
public protocol WallClock: AnyObject {
    /// Milliseconds since 1970-01-01 UTC.
    func milliseconds() -> Int64
    /// A new random session id: 16 lower-case hex digits.
    func newSessionID() -> String
}
