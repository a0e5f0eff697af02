/// A language a text is written in, by its BCP 47 tag ("en", "ko").
public struct Language: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The language the questionnaire, rules and program are written in.
    public static let english: Language = "en"
    /// Korean, the one other language intake speaks so far.
    public static let korean: Language = "ko"

    public var description: String { rawValue }
}

/// Which words a text is shown in: a language and an audience. A file's own
/// texts are English for the person themselves (`english`, `self`); every
/// other variant overlays them.
public struct TextVariant: Hashable, Sendable, CustomStringConvertible {
    public var language: Language
    public var audience: Audience

    public init(language: Language = .english, audience: Audience) {
        self.language = language
        self.audience = audience
    }

    /// The file's own words: English, to the person themselves.
    public static let original = TextVariant(language: .english, audience: .self)

    /// Where a text is looked for, the most specific first, ending with the
    /// file's own words: this language and audience, this language to the
    /// person themselves, English for this audience, English to the person.
    /// So a text the language has no reception wording for is shown in that
    /// language's own words, and English only when it has none at all.
    public var lookupOrder: [TextVariant] {
        var order: [TextVariant] = []
        for variant in [
            self, TextVariant(language: language, audience: .self),
            TextVariant(language: .english, audience: audience), .original,
        ] where !order.contains(variant) {
            order.append(variant)
        }
        return order
    }

    public var description: String { "\(language.rawValue)/\(audience.rawValue)" }
}

/// Where a text sits in a questionnaire or rules file: whose field it is.
/// A translation file names its texts with these keys, so it survives a
/// reordering of the nodes.
public struct TextKey: Hashable, Sendable, CustomStringConvertible {
    public enum Owner: Hashable, Sendable {
        /// The questionnaire itself (its `title`), or the rules file's top
        /// level (`disclaimer`, `crisisText`).
        case file
        case section(String)
        case node(String)
        case option(node: String, code: String)
        /// A rule of the rules file, by id (`title`, `discuss`, `headline`).
        case rule(String)
        /// An outcome category of the rules file, by code: `title`, `text`
        /// (its `self` and `reception` words), `noted` (`selfNoted`,
        /// `receptionNoted`).
        case category(String)
        /// A derived value of the rules file, by name (`label`).
        case derived(String)
        /// A code of the rules' pressure scale (`levels`).
        case pressure(String)
    }

    public var owner: Owner
    /// The field, as the file names it: "text", "hint", "label", "title"...
    public var field: String

    public init(_ owner: Owner, _ field: String) {
        self.owner = owner
        self.field = field
    }

    public var description: String {
        switch owner {
        case .file: field
        case .section(let id): "section \(id).\(field)"
        case .node(let id): "\(id).\(field)"
        case .option(let node, let code): "\(node).options.\(code).\(field)"
        case .rule(let id): "rule \(id).\(field)"
        case .category(let code): "category \(code).\(field)"
        case .derived(let name): "derived \(name).\(field)"
        case .pressure(let code): "pressure \(code).\(field)"
        }
    }
}

/// The texts that overlay a file's own words, by variant and key: a
/// questionnaire's `reception` objects (English, reception) today, and
/// translation files (one per language, both audiences) when added.
///
/// A lookup walks `TextVariant.lookupOrder`, so a variant holds only the
/// texts that differ: a question that reads the same at the desk needs no
/// reception text, and a translation needs no entry for a code.
public struct TextCatalog<Text: Sendable>: Sendable {
    private var texts: [TextVariant: [TextKey: Text]] = [:]

    public init() {}

    /// Whether no variant holds any text.
    public var isEmpty: Bool { texts.values.allSatisfy(\.isEmpty) }

    /// The variants that hold texts.
    public var variants: [TextVariant] { texts.filter { !$0.value.isEmpty }.map(\.key) }

    /// Sets the text of `key` in `variant`.
    public mutating func set(_ text: Text, for key: TextKey, in variant: TextVariant) {
        texts[variant, default: [:]][key] = text
    }

    /// Adds every text of `other`, replacing those of the same key and variant
    /// (how a translation file joins the questionnaire's own reception texts).
    public mutating func merge(_ other: TextCatalog) {
        for (variant, entries) in other.texts {
            texts[variant, default: [:]].merge(entries) { _, new in new }
        }
    }

    /// The text held for `key` in exactly `variant`, without falling back.
    public func exact(_ key: TextKey, in variant: TextVariant) -> Text? {
        texts[variant]?[key]
    }

    /// The text of `key` for `variant`, falling back along its lookup order;
    /// nil when only the file's own words have it.
    public func text(_ key: TextKey, for variant: TextVariant) -> Text? {
        for candidate in variant.lookupOrder {
            if let found = texts[candidate]?[key] { return found }
        }
        return nil
    }

    /// The keys held in `variant`.
    public func keys(in variant: TextVariant) -> [TextKey] {
        texts[variant].map { Array($0.keys) } ?? []
    }
}
