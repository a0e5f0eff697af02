/// The version written in `--version` and in every transcript's header.
public enum IntakeVersion {
    public static let current = "0.1.0"

    /// How a transcript names the tool that wrote it.
    public static var tool: String { "intake \(current)" }
}
