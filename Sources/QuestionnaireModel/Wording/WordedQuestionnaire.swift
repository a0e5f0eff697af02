/// The one place a questionnaire's words are chosen for an audience and a
/// language: every view (the interview, the review page, replay, reports)
/// is given the worded questionnaire and reads its fields as they are.
extension Questionnaire {
    /// The fields a node's texts may be overridden in, as the file names them.
    public static let nodeTextFields = ["text", "label", "hint", "help", "why", "minLabel", "maxLabel", "unit"]
    /// The fields of an option, a section and the questionnaire itself.
    public static let optionTextFields = ["label"]
    public static let sectionTextFields = ["title"]
    public static let fileTextFields = ["title"]

    /// This questionnaire with every text in the words of `variant`: each
    /// field looked up in `texts` along the variant's lookup order, the
    /// file's own words where none is found. Ids, codes, flow and what an
    /// answer may be typed as do not change (an option's aliases and its
    /// own label still match), so a session replays the same in every
    /// variant.
    public func worded(_ variant: TextVariant) -> Questionnaire {
        guard variant != .original, !texts.isEmpty else { return self }
        var worded = self
        worded.language = variant.language
        let look = { (key: TextKey, own: String) -> String in texts.text(key, for: variant) ?? own }
        let lookOptional = { (key: TextKey, own: String?) -> String? in own.map { look(key, $0) } }
        worded.title = look(TextKey(.file, "title"), title)
        worded.sections = sections.map { section in
            var section = section
            section.title = look(TextKey(.section(section.id), "title"), section.title)
            return section
        }
        worded.mapNodes { node in
            let id = node.id
            node.text = look(TextKey(.node(id), "text"), node.text)
            node.label = lookOptional(TextKey(.node(id), "label"), node.label)
            node.hint = lookOptional(TextKey(.node(id), "hint"), node.hint)
            node.help = lookOptional(TextKey(.node(id), "help"), node.help)
            node.why = lookOptional(TextKey(.node(id), "why"), node.why)
            if !node.points.isEmpty, let points = texts.text(TextKey(.node(id), "points"), for: variant)?.split(separator: Translation.listSeparator, omittingEmptySubsequences: false),
               points.count == node.points.count {
                node.points = points.map(String.init)
            }
            switch node.spec {
            case .scale(let min, let max, let minLabel, let maxLabel):
                node.spec = .scale(
                    min: min, max: max, minLabel: lookOptional(TextKey(.node(id), "minLabel"), minLabel),
                    maxLabel: lookOptional(TextKey(.node(id), "maxLabel"), maxLabel))
            case .number(let min, let max, let integer, let unit):
                node.spec = .number(min: min, max: max, integer: integer, unit: lookOptional(TextKey(.node(id), "unit"), unit))
            case .single(.fixed(let options)):
                node.spec = .single(.fixed(options.map { wordedOption($0, of: id, look) }))
            case .multi(.fixed(let options)):
                node.spec = .multi(.fixed(options.map { wordedOption($0, of: id, look) }))
            default:
                break
            }
        }
        return worded
    }

    /// The option with its label in other words; its matching forms stay
    /// those of the file's own label.
    private func wordedOption(_ option: Option, of node: String, _ look: (TextKey, String) -> String) -> Option {
        var option = option
        option.label = look(TextKey(.option(node: node, code: option.code), "label"), option.label)
        return option
    }

    /// Every text of the file's own words with its key and the JSON path it
    /// is written at, for checks such as validate's reception warnings;
    /// with `keep`, only the texts it keeps (each path is made only then).
    public func ownTexts(where keep: (String) -> Bool = { _ in true }) -> [(key: TextKey, text: String, path: JSONPath)] {
        var found: [(key: TextKey, text: String, path: JSONPath)] = []
        forEachOwnText { key, text, path in
            if keep(text) { found.append((key, text, path())) }
        }
        return found
    }

    /// Calls `body` with every text of the file's own words, its key and how
    /// to make the JSON path it is written at (made only when asked: a file
    /// of 100,000 nodes has half a million texts).
    public func forEachOwnText(_ body: (TextKey, String, () -> JSONPath) -> Void) {
        body(TextKey(.file, "title"), title) { JSONPath.root.appending("title") }
        for index in sections.indices {
            body(TextKey(.section(sections[index].id), "title"), sections[index].title) {
                JSONPath.root.appending("sections").appending(index).appending("title")
            }
        }
        // Read in place: copying each node would retain every one of its
        // fields, which at 100,000 nodes costs more than the reading.
        for index in nodes.indices {
            let id = nodes[index].id
            func path() -> JSONPath { JSONPath.root.appending("nodes").appending(index) }
            func field(_ name: String, _ text: String?) {
                if let text { body(TextKey(.node(id), name), text) { path().appending(name) } }
            }
            field("text", nodes[index].text)
            field("label", nodes[index].label)
            field("hint", nodes[index].hint)
            field("help", nodes[index].help)
            field("why", nodes[index].why)
            switch nodes[index].spec {
            case .scale(_, _, let minLabel, let maxLabel):
                field("minLabel", minLabel)
                field("maxLabel", maxLabel)
            case .number(_, _, _, let unit):
                field("unit", unit)
            default:
                break
            }
            if case .fixed(let options)? = nodes[index].spec.choiceSource {
                for position in options.indices {
                    body(TextKey(.option(node: id, code: options[position].code), "label"), options[position].label) {
                        path().appending("options").appending(position).appending("label")
                    }
                }
            }
        }
    }
}
