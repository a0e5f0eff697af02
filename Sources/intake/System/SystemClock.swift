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

    /// The offset of the system's time zone (`TZ`, else /etc/localtime) at
    /// that moment, as `localtime_r` works it out.
    func utcOffsetMinutes(atMilliseconds milliseconds: Int64) -> Int {
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return 0 }
        return Int(local.tm_gmtoff) / 60
    }

    /// 16 random hex digits.
    func newSessionID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
