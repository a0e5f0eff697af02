import Foundation
import IntakeKit

/// A time zone for tests, by its IANA name ("Europe/Berlin"), with its real
/// changes of clocks (Foundation's tables stand in for the system's), and
/// the abbreviations the system would give ("CET", "CEST"): Foundation on
/// Linux says "GMT+1".
public struct TestTimeZone: LocalTimeZone {
    public let identifier: String
    public let standard: String
    public let daylight: String

    public init(_ identifier: String, standard: String = "CET", daylight: String = "CEST") {
        self.identifier = identifier
        self.standard = standard
        self.daylight = daylight
    }

    public func offset(atUTC utcMilliseconds: Int64) -> ZoneOffset {
        guard let zone = TimeZone(identifier: identifier) else { return ZoneOffset(seconds: 0, abbreviation: "UTC") }
        let date = Date(timeIntervalSince1970: Double(utcMilliseconds) / 1000)
        return ZoneOffset(seconds: zone.secondsFromGMT(for: date), abbreviation: zone.isDaylightSavingTime(for: date) ? daylight : standard)
    }
}
