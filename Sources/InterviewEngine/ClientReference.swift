/// The reference a front desk gives a client's session (a booking number,
/// initials): kept inside the transcript only, never in a file name or a log.
///
/// Short, and never able to name a file or move the cursor: a reference is
/// shown on screen and in reports, so it must be safe to show as it is. The
/// rule is one a person can keep in mind: letters, digits and spaces, and a
/// few marks booking systems use.
public enum ClientReference {
    /// The longest reference, in characters.
    public static let maxLength = 64

    /// The marks a reference may hold besides letters, digits and spaces.
    public static let allowedMarks = "-_.#:+()',&@"

    /// The rule, as said to the person typing a reference.
    public static let rule = "No name is needed: a booking number, initials or the desk's own code will do. Up to \(maxLength) letters, digits and spaces, and \(allowedMarks.map(String.init).joined(separator: " "))."

    /// Why a typed reference cannot be used, in words for the person typing it.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `reference` when it can be used, or what is wrong with it, naming
    /// the character refused.
    public static func check(_ reference: String) -> Result<String, Problem> {
        if reference.isEmpty { return .failure(Problem(description: "a client reference cannot be empty")) }
        if reference.count > maxLength {
            return .failure(Problem(description: "a client reference is at most \(maxLength) characters; this one has \(reference.count)"))
        }
        for character in reference where !isAllowed(character) {
            let isInvisible = character.unicodeScalars.contains {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                    || $0.properties.isWhitespace
            }
            let what = isInvisible ? "a tab, a line break or another invisible character" : "'\(character)'"
            return .failure(Problem(description: "a client reference cannot hold \(what): use letters, digits, spaces and \(allowedMarks.map(String.init).joined(separator: " "))"))
        }
        if reference.hasPrefix(" ") || reference.hasSuffix(" ") {
            return .failure(Problem(description: "a client reference cannot start or end with a space"))
        }
        return .success(reference)
    }

    /// Whether two references name the same client: the same characters,
    /// upper or lower case alike ("a-17" finds "A-17").
    public static func same(_ first: String, _ second: String) -> Bool {
        first.lowercased() == second.lowercased()
    }

    private static func isAllowed(_ character: Character) -> Bool {
        if character == " " || allowedMarks.contains(character) { return true }
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                true
            default:
                false
            }
        }
    }
}
