import IntakeKit
import Synchronization

/// A clock that moves only as the test says (and by `step` each time it is
/// read), with session ids counted from 1: transcripts made in tests are the
/// same on every run.
public final class ManualClock: WallClock {
    private struct State {
        var now: Int64
        var step: Int64
        var offsetMinutes = 0
        var sessions = 0
    }

    private let state: Mutex<State>

    /// 2026-11-26T19:55:13Z unless said.
    public init(now: Int64 = 1_795_722_913_000, step: Int64 = 1_000) {
        state = Mutex(State(now: now, step: step))
    }

    /// Milliseconds since 1970.
    public var now: Int64 {
        get { state.withLock { $0.now } }
        set { state.withLock { $0.now = newValue } }
    }

    /// How far each reading moves the clock on.
    public var step: Int64 {
        get { state.withLock { $0.step } }
        set { state.withLock { $0.step = newValue } }
    }

    /// The local time zone's offset from UTC, in minutes (UTC unless said).
    public var offsetMinutes: Int {
        get { state.withLock { $0.offsetMinutes } }
        set { state.withLock { $0.offsetMinutes = newValue } }
    }

    public func milliseconds() -> Int64 {
        state.withLock { state in
            defer { state.now += state.step }
            return state.now
        }
    }

    public func utcOffsetMinutes(atMilliseconds milliseconds: Int64) -> Int {
        offsetMinutes
    }

    public func newSessionID() -> String {
        let sessions = state.withLock { state in
            state.sessions += 1
            return state.sessions
        }
        let hex = String(sessions, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
