import QuestionnaireModel

/// How headings and emphasis look in text output: plain for files, pipes and
/// screen readers; the terminal passes escape codes.
public struct TextStyle: Sendable {
    public var heading: @Sendable (String) -> String
    public var strong: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    /// The category title, given its rank (0 is the most urgent).
    public var category: @Sendable (String, Int) -> String

    public init(
        heading: @escaping @Sendable (String) -> String, strong: @escaping @Sendable (String) -> String,
        dim: @escaping @Sendable (String) -> String, category: @escaping @Sendable (String, Int) -> String
    ) {
        self.heading = heading
        self.strong = strong
        self.dim = dim
        self.category = category
    }

    /// No styling at all.
    public static let plain = TextStyle(heading: { $0 }, strong: { $0 }, dim: { $0 }, category: { text, _ in text })
}
