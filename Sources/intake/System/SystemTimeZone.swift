#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit

/// The local time zone as the C library knows it: `TZ` when set (a zone
/// name such as `Asia/Seoul`, or a POSIX rule), else the system's zone
/// (`/etc/localtime`), with its changes of clocks; UTC when neither says.
struct SystemTimeZone: LocalTimeZone {
    func offset(atUTC utcMilliseconds: Int64) -> ZoneOffset {
        // localtime_r need not read TZ and the zone file itself; asked only
        // when a time is shown, so start-up never pays for it.
        tzset()
        var seconds = time_t(utcMilliseconds >= 0 ? utcMilliseconds / 1000 : (utcMilliseconds - 999) / 1000)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return ZoneOffset(seconds: 0, abbreviation: "UTC") }
        let abbreviation = parts.tm_zone.map { String(cString: $0) } ?? ""
        return ZoneOffset(seconds: Int(parts.tm_gmtoff), abbreviation: abbreviation)
    }
}
