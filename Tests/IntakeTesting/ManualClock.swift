import IntakeKit

/// A clock that moves only as the test says (and by `step` each time it is
/// read), with session ids counted from 1: transcripts made in tests are the
/// same on every run.
public final class ManualClock: WallClock {
    /// Milliseconds since 1970.
    public var now: Int64
    /// How far each reading moves the clock on.
    public var step: Int64
    /// The local time zone's offset from UTC, in minutes (UTC unless said).
    public var offsetMinutes: Int = 0
    private var sessions = 0

    /// 2026-11-26T19:55:13Z unless said.
    public init(now: Int64 = 1_795_722_913_000, step: Int64 = 1_000) {
        self.now = now
        self.step = step
    }

    public func milliseconds() -> Int64 {
        defer { now += step }
        return now
    }

    public func utcOffsetMinutes(atMilliseconds milliseconds: Int64) -> Int {
        offsetMinutes
    }

    public func newSessionID() -> String {
        sessions += 1
        let hex = String(sessions, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
