/// The reference a front desk gives a client's session (a booking number,
/// initials): kept inside the transcript only, never in a file name or a log.
///
/// Short, and never able to name a file or move the cursor: a reference is
/// shown on screen and in reports, so it must be safe to show as it is.
public enum ClientReference {
    /// The longest reference, in characters.
    public static let maxLength = 64

    /// Why a typed reference cannot be used, in words for the person typing it.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `reference` when it can be used, or what is wrong with it.
    public static func check(_ reference: String) -> Result<String, Problem> {
        if reference.isEmpty { return .failure(Problem(description: "a client reference cannot be empty")) }
        if reference.count > maxLength { return .failure(Problem(description: "a client reference is at most \(maxLength) characters")) }
        for scalar in reference.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                return .failure(Problem(description: "a client reference cannot hold control characters"))
            }
            if scalar == "/" || scalar == "\\" {
                return .failure(Problem(description: "a client reference cannot hold '/' or '\\'"))
            }
        }
        if reference == "." || reference == ".." || reference.hasPrefix(" ") || reference.hasSuffix(" ") {
            return .failure(Problem(description: "'\(reference)' is not a usable client reference"))
        }
        return .success(reference)
    }
}
