#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit

/// The local time zone as the C library knows it: `TZ` when set (a zone
/// name such as `Asia/Seoul`, or a POSIX rule), else the system's zone
/// (`/etc/localtime`); UTC when neither says.
struct SystemTimeZone: LocalTimeZone {
    func offsetMinutes(at milliseconds: Int64) -> Int {
        // localtime_r need not read TZ and the zone file itself; asked only
        // when a time is shown, so start-up never pays for it.
        tzset()
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff) / 60
    }
}
