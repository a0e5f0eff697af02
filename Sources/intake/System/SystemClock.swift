#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit

/// Wall-clock time and random ids from the system.
final class SystemClock: WallClock {
    func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// 16 random hex digits.
    func newSessionID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
