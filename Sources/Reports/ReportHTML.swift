import QuestionnaireModel
import Scoring
import TerminalText

extension ReportRenderer {
    /// The report as one self-contained, printable HTML5 page: inline style
    /// sheet, inline SVG body outline, no scripts and no external resources.
    ///
    /// The markup is XHTML-compatible (every element closed, every attribute
    /// quoted, only the five XML entities), so the page also parses as XML.
    public static func html(_ data: ReportData) -> String {
        html(reports: [data])
    }

    /// Several reports in one document (a client's sessions, newest
    /// first), each starting on a new sheet and laid out as on its own.
    public static func html(reports: [ReportData]) -> String {
        let e = XML.escape
        guard let first = reports.first else { return "" }
        var out = ""
        out += "<!DOCTYPE html>\n"
        out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(first.language.rawValue)\">\n"
        out += "<head>\n"
        out += "<meta charset=\"utf-8\"/>\n"
        // Nothing is loaded from anywhere, and nothing runs.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"intake\"/>\n"
        out += "<title>\(e(documentTitle(first)))</title>\n"
        out += "<style>\n\(pageRules(reports))\(styleSheet)</style>\n"
        out += "</head>\n"
        out += "<body>\n"
        for (index, data) in reports.enumerated() {
            out += page(data, number: index + 1)
        }
        out += "</body>\n"
        out += "</html>\n"
        return out
    }

    /// One report, on as many sheets as it takes: who and when, the lines
    /// to fill in by hand, what to note before the session, the outcome and
    /// what to discuss beside the body map and the reasons, then every
    /// answer for reference and the disclaimer.
    static func page(_ data: ReportData, number: Int) -> String {
        let e = XML.escape
        var out = "<main class=\"page\" style=\"page: report-\(number)\" data-status=\"\(data.status.rawValue)\">\n"

        // MARK: Who, when, how; then the lines to fill in by hand
        out += "<header class=\"masthead\">\n"
        out += "<h1>\(e(data.title))</h1>\n"
        out += "<div class=\"masthead-side\">\n"
        out += "<p class=\"subtitle\">\(e(data.words(data.audience == .self ? "Your summary to take to your massage therapist" : "Intake summary for the massage therapist")))</p>\n"
        if let client = data.client, !client.isEmpty {
            out += "<p class=\"client-ref\"><span class=\"client-label\">\(e(data.words.word("Client")))</span> <span class=\"client-value\">\(e(client))</span></p>\n"
        }
        out += "</div>\n"
        out += "</header>\n"
        out += "<dl class=\"meta\">\n"
        for item in metadata(data, questionnaire: false) where item.label != "Client" {
            let itemClass: String = switch item.label {
            case "Status": " class=\"meta-status status-\(data.status.rawValue)\""
            case "Consent": data.notes.consent?.given == true ? "" : " class=\"meta-warning\""
            default: ""
            }
            out += "<div\(itemClass)><dt>\(e(data.words(item.label)))</dt><dd>\(e(item.value))</dd></div>\n"
        }
        out += "</dl>\n"
        out += "<section class=\"by-hand\" aria-label=\"\(e(data.words("To fill in by hand")))\">\n"
        for field in byHandFields(data) {
            out += "<div class=\"field field-\(String(field.lowercased().replacing(" ", with: "-").filter { $0.isLetter || $0 == "-" }))\"><span class=\"field-label\">\(e(data.words(field)))</span><span class=\"field-line\"></span></div>\n"
        }
        out += "</section>\n"
        for (index, notice) in notices(data).enumerated() {
            let kind = index == 0 && !data.recordProblems.isEmpty ? "record" : data.status.rawValue
            out += "<div class=\"notice notice-\(kind)\" role=\"note\"><p><strong>\(e(data.words(notice.title))).</strong> \(e(data.words(notice.text)))</p></div>\n"
        }

        let top = atTop(data)
        if !top.isEmpty {
            out += "<section class=\"notes\" aria-labelledby=\"top-heading-\(number)\">\n<h2 id=\"top-heading-\(number)\">\(e(data.words(atTopHeading)))</h2>\n<dl class=\"meta\">\n"
            for item in top { out += "<div><dt>\(e(item.label))</dt><dd>\(e(item.value))</dd></div>\n" }
            out += "</dl>\n</section>\n"
        }

        out += "<div class=\"summary\">\n"
        // MARK: The body map and its key, with the text flowing beside and below it
        out += "<figure class=\"bodymap-figure\" aria-labelledby=\"bodymap-caption-\(number)\">\n"
        out += BodyMap.svg(data.body, words: data.words) + "\n"
        out += "<figcaption id=\"bodymap-caption-\(number)\">\n"
        out += BodyMap.legend(data.body, words: data.words) + "\n"
        out += "<p class=\"areas\">\(painSummary(data.body, words: data.words))</p>\n"
        out += "<p class=\"hint\">\(e(data.words(data.audience == .self ? "Left and right are your own." : "Left and right are the client's own.")))</p>\n"
        out += "</figcaption>\n"
        out += "</figure>\n"

        // MARK: Before the session: own words, positions, areas to avoid
        out += "<section class=\"before\" aria-labelledby=\"before-heading-\(number)\">\n"
        out += "<h2 id=\"before-heading-\(number)\">\(e(data.words(notesHeading)))</h2>\n"
        let notes = data.notes
        let avoided = avoidedText(data.body, words: data.words)
        for words in notes.ownWords {
            out += "<p class=\"own-words\"><span class=\"note-label\">\(e(data.words(ownWordsLabel(data.audience)))) (\(e(words.label.lowercased()))):</span> <q>\(e(words.text))</q></p>\n"
        }
        if !notes.positions.isEmpty {
            out += "<p class=\"positions\"><span class=\"note-label\">\(e(data.words(positionsLabel))):</span> \(e(notes.positions.map(\.label).joined(separator: "; ")))</p>\n"
        }
        if !avoided.isEmpty {
            out += "<p class=\"avoid\"><span class=\"note-label\">\(e(data.words(avoidLabel))):</span> \(e(avoided.joined(separator: "; ")))</p>\n"
        }
        if notes.ownWords.isEmpty, notes.positions.isEmpty, avoided.isEmpty {
            out += "<p class=\"nothing-noted\">\(e(data.words(nothingNoted(data.audience))))</p>\n"
        }
        out += "</section>\n"

        // MARK: Outcome and what to discuss
        out += "<section class=\"outcome-section\" aria-labelledby=\"outcome-heading-\(number)\">\n"
        if let assessment = data.assessment {
            let tone = outcomeTone(assessment, rules: data.rules)
            for point in assessment.firstPoints {
                out += "<div class=\"notice notice-first\" role=\"note\"><p><strong>First:</strong> \(e(point))</p></div>\n"
            }
            out += "<div class=\"outcome outcome-\(tone)\" data-category=\"\(e(assessment.category.code))\">\n"
            out += "<h2 id=\"outcome-heading-\(number)\" class=\"in-box\">\(e(data.words("What this suggests")))</h2>\n"
            out += "<p class=\"category\"><span class=\"category-mark\" aria-hidden=\"true\">\(outcomeMark(tone))</span> \(e(assessment.category.title))\(assessment.isProvisional ? e(data.words(" (provisional)")) : "")</p>\n"
            if assessment.isProvisional {
                out += "<p><strong>\(e(data.words.word("Provisional:"))) \(e(provisionalNote(assessment, words: data.words)))</strong></p>\n"
            }
            out += "<p>\(e(headline(assessment, data.audience)))</p>\n"
            let last = (data.rules?.categories.count ?? 0) - 1
            if data.rules?.rank(of: assessment.category.code) == last, !assessment.headlineNotes.isEmpty {
                out += "<ul>\n" + assessment.headlineNotes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            }
            for assumed in assessment.assumptions {
                out += "<p>Assumed, not answered: \(e(assumed.label)): \(e(assumed.value))</p>\n"
            }
            out += "</div>\n"
            for (index, section) in pointSections(assessment, data.audience).enumerated() {
                out += "<h3 id=\"discuss-heading-\(number)-\(index)\">\(e(data.words(section.heading)))</h3>\n"
                out += "<ol class=\"points\" aria-labelledby=\"discuss-heading-\(number)-\(index)\">\n"
                for point in section.points { out += "<li>\(e(point))</li>\n" }
                out += "</ol>\n"
            }
        } else {
            out += "<div class=\"outcome outcome-none\"><h2 id=\"outcome-heading-\(number)\" class=\"in-box\">\(e(data.words("What this suggests")))</h2><p>\(e(data.words(noRules)))</p></div>\n"
        }
        out += "</section>\n"

        if let assessment = data.assessment {
            // Rule ids are kept as data, and listed in the footer.
            let groups: [(String, [Assessment.FiredRule])] = [
                ("Why", assessment.precautions), ("Also worth knowing", worthKnowing(assessment)),
                ("In favour of massage", inFavour(assessment)),
            ].filter { !$0.1.isEmpty }
            if !groups.isEmpty {
                out += "<section class=\"rules\" aria-labelledby=\"rules-heading-\(number)\">\n"
                out += "<h2 id=\"rules-heading-\(number)\">\(e(data.words("The reasons")))</h2>\n"
                for (heading, fired) in groups {
                    // One paragraph a group: the group's name, then each reason.
                    out += "<p class=\"rule-group\"><strong class=\"group-name\">\(e(data.words(heading))):</strong> "
                    out += fired.map { rule in
                        var item = "<span class=\"rule\" data-rule=\"\(e(rule.id))\"><strong>\(e(rule.title))</strong>"
                        if !rule.reasons.isEmpty {
                            let reasons = rule.reasons.map { "<span class=\"reason-label\">\(e($0.label))</span>: \(e($0.value))" }
                            item += "<span class=\"reasons\"> (\(reasons.joined(separator: "; ")))</span>"
                        }
                        if rule.cautiousBecauseUnknown { item += " <span class=\"cautious\">(\(e(cautiousNote)))</span>" }
                        return item + "</span>"
                    }.joined(separator: ". ")
                    out += ".</p>\n"
                }
                out += "</section>\n"
            }
            if !assessment.medicines.unrecognised.isEmpty {
                let names = unrecognisedNames(assessment, words: data.words).map { e($0) }.joined(separator: ", ")
                out += "<section class=\"notes\" aria-labelledby=\"notes-heading-\(number)\">\n"
                out += "<h2 id=\"notes-heading-\(number)\">\(e(data.words("Check these")))</h2>\n"
                out += "<p><strong>\(e(data.words("Medicines not recognised"))):</strong> \(names). \(e(data.words(unrecognisedNote(data.audience))))</p>\n"
                out += "</section>\n"
            }
        }

        // MARK: Scores
        if !data.scores.isEmpty {
            out += "<section class=\"scores\" aria-labelledby=\"scores-heading-\(number)\">\n"
            out += "<h2 id=\"scores-heading-\(number)\">\(scoresHeading)</h2>\n"
            for score in data.scores {
                out += "<p class=\"score\"><strong>\(e(score.label)): \(e(score.value))</strong></p>\n"
                guard !score.parts.isEmpty else { continue }
                out += "<table>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Answer</th><th scope=\"col\">Weight</th></tr></thead>\n<tbody>\n"
                for part in score.parts {
                    out += "<tr><td>\(e(part.question))</td><td>\(e(part.answer))</td><td>\(e(part.weight))</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            out += "</section>\n"
        }
        out += "</div>\n"

        if let assessment = data.assessment, !assessment.unchecked.isEmpty {
            // Long when a session stopped early, so it gets the full width.
            out += "<section class=\"unchecked\" aria-labelledby=\"unchecked-heading-\(number)\">\n"
            out += "<h2 id=\"unchecked-heading-\(number)\">\(e(data.words("Not checked, because answers were missing")))</h2>\n<ul>\n"
            for rule in assessment.unchecked {
                out += "<li data-rule=\"\(e(rule.id))\">\(e(rule.title)): \(e(data.words.word("missing"))) \(e(rule.missing.joined(separator: ", ")))</li>\n"
            }
            out += "</ul>\n</section>\n"
        }

        // MARK: Every answer, for reference
        out += answers(data, number: number)

        // MARK: Footer
        out += "<footer class=\"foot\">\n"
        if let assessment = data.assessment {
            out += "<blockquote class=\"disclaimer\"><p>\(e(assessment.disclaimer))</p></blockquote>\n"
        }
        out += "<p class=\"provenance\">\(e(data.words(byHandFooter(data)))) · \(e(data.questionnaireID)) \(e(data.words.word("version"))) \(e(data.questionnaireVersion))"
        if let rules = data.rules { out += " · \(e(data.words.word("rules version"))) \(e(rules.version))" }
        if let assessment = data.assessment, let line = ruleIDsLine(assessment, words: data.words) { out += " · \(e(line))" }
        out += "</p>\n"
        out += "</footer>\n"
        out += "</main>\n"
        return out
    }

    /// The answers section by section, in three columns. Answers shown in
    /// full above (the person's own words, positions, the areas on the map)
    /// are not repeated; questions answered "none" share one line.
    static func answers(_ data: ReportData, number: Int) -> String {
        let e = XML.escape
        let shownAbove = Set(data.notes.questions + data.body.questions)
        var out = "<section class=\"answers\" aria-labelledby=\"answers-heading-\(number)\">\n"
        out += "<h2 id=\"answers-heading-\(number)\">\(e(data.words(answersHeading(data.audience))))</h2>\n"
        if data.sections.allSatisfy(\.items.isEmpty) {
            out += "<p>\(e(data.words(noAnswers)))</p>\n"
        }
        var none: [String] = []
        var above: [String] = []
        for section in data.sections {
            let items = section.items.filter { item in
                if shownAbove.contains(item.question) {
                    above.append(item.label)
                    return false
                }
                if item.value.stringValue == "none" || item.value.arrayValue?.compactMap(\.stringValue) == ["none"] {
                    none.append(item.label)
                    return false
                }
                return true
            }
            guard !items.isEmpty else { continue }
            out += "<div class=\"answer-section\">\n"
            if let title = section.title { out += "<h3>\(e(title))</h3>\n" }
            out += "<dl>\n"
            for item in items {
                out += "<div data-question=\"\(e(item.question))\"><dt>\(e(item.label))</dt><dd>\(e(item.answer))</dd></div>\n"
            }
            out += "</dl>\n</div>\n"
        }
        if !none.isEmpty {
            out += "<div class=\"answer-section none\">\n<h3>\(e(data.words("None of these")))</h3>\n<p>\(none.map(e).joined(separator: "; "))</p>\n</div>\n"
        }
        if !data.skipped.isEmpty {
            out += "<div class=\"answer-section skipped\">\n<h3>\(e(data.words(skippedHeading(data.audience))))</h3>\n<p>\(data.skipped.map(e).joined(separator: "; "))</p>\n</div>\n"
        }
        if !above.isEmpty {
            out += "<p class=\"shown-above\">\(e(data.words.word("Shown above:"))) \(above.map(e).joined(separator: "; ")).</p>\n"
        }
        out += "</section>\n"
        return out
    }

    /// The paper size, and each report's running line at the foot of its
    /// sheets (who and when, and the page), so a sheet that comes loose
    /// still says whose it is, and no browser header or footer is needed.
    static func pageRules(_ reports: [ReportData]) -> String {
        var out = "@page { size: \((reports.first?.paper ?? .a4).css) portrait; margin: 8mm 10mm 10mm; }\n"
        for (index, data) in reports.enumerated() {
            var running = [String]()
            if let client = data.client, !client.isEmpty { running.append("\(data.words.word("Client")) \(client)") }
            running.append(startedText(data))
            let pages = reports.count == 1 ? "\"Page \" counter(page) \" of \" counter(pages)" : "\"Page \" counter(page)"
            out += "@page report-\(index + 1) { @bottom-left { content: \(cssString(running.joined(separator: " \u{00B7} "))); font-size: 9pt; color: #444444; }"
            out += " @bottom-right { content: \(pages); font-size: 9pt; color: #444444; } }\n"
        }
        return out
    }

    /// `text` as a CSS string that is also safe inside the page's XML:
    /// everything but ASCII letters, digits and spaces written as an escape.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                let safe = Printable.isUnsafe(scalar) ? 0xFFFD : scalar.value
                out += "\\\(String(safe, radix: 16)) "
            }
        }
        return out + "\""
    }

    // MARK: - Pieces

    static func documentTitle(_ data: ReportData) -> String {
        var parts = [data.title]
        if let client = data.client, !client.isEmpty { parts.append(client) }
        if data.started != nil || data.startedLocal != nil { parts.append(startedText(data)) }
        return parts.joined(separator: " – ")
    }

    /// "urgent", "check", "caution" or "good", from the category's rank.
    static func outcomeTone(_ assessment: Assessment, rules: RuleSet?) -> String {
        if let rules, let rank = rules.rank(of: assessment.category.code) {
            let last = rules.categories.count - 1
            if rank == 0 && last > 0 { return "urgent" }
            if rank == last { return "good" }
            return rank == 1 ? "check" : "caution"
        }
        switch assessment.category.code {
        case "seek-care-now": return "urgent"
        case "check-with-doctor-first": return "check"
        case "fit-with-precautions": return "caution"
        default: return "good"
        }
    }

    /// A symbol beside the category, so the outcome does not rely on colour.
    static func outcomeMark(_ tone: String) -> String {
        switch tone {
        case "urgent": "\u{26A0}\u{FE0E}"
        case "check": "!"
        case "caution": "\u{25B2}"
        default: "\u{2713}"
        }
    }

    /// The painful areas in words, the main one first and marked.
    static func painSummary(_ body: BodyAreas, words: ProgramWords = ProgramWords()) -> String {
        func label(_ code: String) -> String { XML.escape(body.labels[code] ?? code) }
        var parts: [String] = []
        if let primary = body.primary {
            parts.append("<strong>\(XML.escape(words.word("Main area:")))</strong> \(label(primary))")
        }
        let others = body.painful.filter { $0 != body.primary }
        if !others.isEmpty {
            parts.append("<strong>\(XML.escape(words.word(body.primary == nil ? "Painful:" : "Also painful:")))</strong> \(others.map(label).joined(separator: ", "))")
        }
        if parts.isEmpty { return XML.escape(words.word("No painful areas were marked.")) }
        return parts.joined(separator: ". ") + "."
    }

    // MARK: - Style sheet

    /// Laid out to fit both A4 and US Letter with the margins of
    /// `pageRules`: no wider than A4's printable area, no taller than
    /// Letter's. What a therapist reads to prepare is 11 pt (the heading
    /// and the client's reference larger); the key to the map and the
    /// answers kept for reference are 10 pt, the disclaimer 10 pt, and only
    /// the running line and the provenance smaller.
    static let styleSheet = """
    :root {
      --ink: #1d1c1a; --muted: #57524b; --rule: #cfc9c0; --paper: #ffffff; --avoid: #4a2a8c;
      --urgent: #a3191d; --check: #8a5200; --caution: #1f5c99; --good: #2d6a2e;
    }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    html { background: #e9e6e1; }
    body {
      margin: 0; color: var(--ink);
      font-family: "Source Sans 3", "Source Sans Pro", "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
      font-size: 11pt; line-height: 1.1; font-kerning: normal;
    }
    /* Korean breaks between words, never inside one. */
    :lang(ko) body, body:lang(ko) { word-break: keep-all; overflow-wrap: break-word; }
    .page {
      max-width: 186mm; margin: 8mm auto; padding: 10mm 12mm; background: var(--paper);
      box-shadow: 0 1px 5px rgba(0, 0, 0, 0.18);
    }
    .page + .page { break-before: page; page-break-before: always; }
    h1, h2, h3 { line-height: 1.15; break-after: avoid; page-break-after: avoid; }
    h1 { font-size: 15pt; margin: 0; font-weight: 700; letter-spacing: -0.01em; }
    h2 {
      font-size: 10pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted);
      margin: 5pt 0 2pt; padding-bottom: 1pt; border-bottom: 0.75pt solid var(--rule);
    }
    h3 { font-size: 11pt; margin: 4pt 0 1.5pt; }
    p { margin: 0 0 2.5pt; }
    ul, ol { margin: 0; padding-left: 1.3em; }
    li { margin: 0 0 2pt; }
    q { quotes: "\\201C" "\\201D"; }

    /* Who, when, how */
    .masthead { display: flex; justify-content: space-between; align-items: flex-end; gap: 5mm; }
    .masthead-side { text-align: right; }
    .subtitle { margin: 0; color: var(--muted); font-size: 10pt; white-space: nowrap; }
    .client-ref { margin: 0; white-space: nowrap; }
    .client-label { color: var(--muted); }
    .client-value { font-size: 16pt; font-weight: 700; }
    .meta {
      display: flex; flex-wrap: wrap; column-gap: 5mm; row-gap: 0; margin: 3pt 0 0; padding: 2.5pt 0;
      border-top: 2pt solid var(--ink); border-bottom: 0.75pt solid var(--rule);
    }
    .meta div { display: flex; gap: 1.5mm; }
    .meta dt { color: var(--muted); }
    .meta dd { margin: 0; font-weight: 600; }
    .status-unfinished dd, .status-ended-urgently dd, .meta-warning dd { color: var(--urgent); }

    /* Filled in by hand, never stored */
    .by-hand { display: flex; flex-wrap: wrap; align-items: flex-end; column-gap: 5mm; margin: 2pt 0 0; }
    .field { display: flex; align-items: flex-end; gap: 2mm; flex: 1 1 40mm; }
    .field-signature { flex-basis: 56mm; }
    .by-hand:has(.field-consent-initials) .field { flex-basis: 30mm; }
    .by-hand:has(.field-consent-initials) .field-signature { flex-basis: 44mm; }
    .field-label { color: var(--muted); white-space: nowrap; }
    .field-line { flex: 1; min-width: 16mm; border-bottom: 0.9pt solid var(--ink); height: 6.5mm; }
    .by-hand-note { flex-basis: 100%; margin: 1pt 0 0; color: var(--muted); font-size: 8pt; }

    .notice {
      margin: 5pt 0 0; padding: 3pt 7pt; border: 1.5pt solid var(--ink); border-left-width: 5pt;
      background: #fff4d6; break-inside: avoid;
    }
    .notice p { margin: 0; }
    .notice-ended-urgently, .notice-record { background: #fbe3e1; border-color: var(--urgent); }

    /* What to know and do, beside the body map and the reasons */
    /* The map floats right; the text runs beside it, then under it at full width. */
    .summary { display: flow-root; }
    /* Run-in headings: the first line of the section starts beside them. */
    .before h2, .rules h2 { float: left; margin: 0.5pt 2.5mm 0 0; padding: 0; border: none; line-height: 1.3; }
    .before, .rules { margin-top: 5pt; padding-top: 2pt; border-top: 0.75pt solid var(--rule); }
    .before p, .rules p { margin-bottom: 1.5pt; }
    .before .note-label { font-weight: 700; }
    .own-words q { font-weight: 600; }
    .avoid .note-label, .positions .note-label { color: var(--avoid); }
    .outcome-section { margin-top: 5pt; }
    /* The outcome box speaks for itself; its heading is for screen readers. */
    h2.in-box { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); margin: 0; padding: 0; border: 0; }
    .outcome {
      position: relative; display: flow-root; padding: 3pt 7pt 3pt 8pt; border: 0.75pt solid var(--rule); border-left: 5pt solid var(--muted);
      background: #f7f5f1; break-inside: avoid;
    }
    .outcome p:last-child { margin-bottom: 0; }
    .outcome .category { font-size: 13pt; font-weight: 700; line-height: 1.2; margin-bottom: 2pt; }
    .category-mark {
      display: inline-block; min-width: 1.4em; padding: 0 0.2em; margin-right: 0.15em; text-align: center;
      border: 1.2pt solid currentColor; border-radius: 3pt; font-size: 11pt; line-height: 1.3; vertical-align: 1pt;
    }
    .outcome-urgent { border-left-color: var(--urgent); background: #fcecea; }
    .outcome-urgent .category { color: var(--urgent); }
    .outcome-check { border-left-color: var(--check); background: #fdf3e2; }
    .outcome-check .category { color: var(--check); }
    .outcome-caution { border-left-color: var(--caution); background: #edf3fa; }
    .outcome-caution .category { color: var(--caution); }
    .outcome-good { border-left-color: var(--good); background: #eef6ec; }
    .outcome-good .category { color: var(--good); }
    .points { padding-left: 1.4em; }
    .points li { padding-left: 0.1em; margin-bottom: 1pt; }
    .points li::marker { font-weight: 700; }
    .rule-group { margin-bottom: 2pt; }
    .reasons { color: #3a3733; }
    .reason-label, .cautious { font-style: italic; }

    /* The body map and its key */
    .bodymap-figure {
      float: right; width: 48mm; margin: 4pt 0 3pt 5mm; background: var(--paper);
      break-inside: avoid; page-break-inside: avoid;
    }
    .bodymap-figure svg.bodymap { display: block; width: 100%; height: auto; }
    .bodymap-figure figcaption { margin-top: 2pt; }
    .bodymap-legend {
      list-style: none; padding: 0; margin: 0 0 2pt; display: grid; grid-template-columns: 1fr 1fr; column-gap: 2mm;
      font-size: 10pt; line-height: 1.15;
    }
    .bodymap-legend li { display: flex; align-items: flex-start; gap: 1.2mm; margin: 0 0 1.5pt; }
    .bodymap-legend li:nth-child(6) { grid-column: 1 / -1; }
    .bodymap-legend li:nth-child(-n+5) { white-space: nowrap; }
    .bodymap-legend .swatch { flex: none; width: 10pt; height: 10pt; }
    .bodymap-figure .areas { margin-bottom: 1pt; }
    .bodymap-figure .hint { color: var(--muted); font-size: 10pt; }
    .unchecked ul { columns: 2; column-gap: 6mm; list-style: none; padding-left: 0; }
    .unchecked li { break-inside: avoid; }

    /* Every answer, for reference */
    .answers { columns: 4; column-gap: 4mm; font-size: 9pt; line-height: 1.12; }
    .answers > h2 { column-span: all; }
    .answer-section h3 { font-size: 9pt; margin: 0 0 1pt; break-after: avoid; page-break-after: avoid; }
    .answer-section + .answer-section h3 { margin-top: 3pt; }
    .answer-section dl { margin: 0; }
    .answer-section dl div { break-inside: avoid; padding: 0.5pt 0; border-top: 0.5pt solid #e4e0da; }
    .answer-section dt { display: inline; color: var(--muted); }
    .answer-section dt::after { content: ":"; }
    .answer-section dd { display: inline; margin: 0 0 0 0.3em; overflow-wrap: anywhere; }
    .answer-section p { margin: 0; }
    .shown-above { color: var(--muted); margin: 3pt 0 0; }

    /* The small print */
    .foot { margin-top: 4pt; break-inside: avoid; page-break-inside: avoid; }
    .disclaimer { margin: 0; padding: 2.5pt 6pt; border-left: 2.5pt solid var(--ink); background: #f4f2ee; font-size: 9pt; line-height: 1.15; }
    .disclaimer p { margin: 0; }
    .provenance { margin: 2pt 0 0; color: var(--muted); font-size: 7.5pt; }

    @media print {
      html { background: none; }
      .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
    }
    @media screen and (max-width: 160mm) {
      .bodymap-figure { float: none; width: auto; max-width: 110mm; margin: 6pt 0; }
      .answers { columns: 1; }
      .masthead { flex-direction: column; align-items: flex-start; }
    }

    """
}
