/// How surely a JSON file is of one of intake's formats, from its top-level
/// keys, so `validate` can check each file given as what it is.
public enum FileRecognition: Sendable, Comparable {
    /// None of the format's keys.
    case no
    /// Keys the format has, but not the one that names it: a slip in that
    /// key ("node" for "nodes"), which the loader then names.
    case likely
    /// The key that names the format ("nodes", "rules", "classes").
    case surely
}
