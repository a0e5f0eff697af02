#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit

/// The system's time zone (`LocalTimeZone`): `TZ` when it is set, else the
/// machine's (`/etc/localtime`), with its changes of clocks.
struct SystemTimeZone: LocalTimeZone {
    init() {
        tzset()
    }

    func offset(atUTC utcMilliseconds: Int64) -> ZoneOffset {
        var seconds = time_t(utcMilliseconds / 1000)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return ZoneOffset(seconds: 0, abbreviation: "UTC") }
        let abbreviation = parts.tm_zone.map { String(cString: $0) } ?? ""
        return ZoneOffset(seconds: Int(parts.tm_gmtoff), abbreviation: abbreviation)
    }
}
