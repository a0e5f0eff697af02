import Scoring

extension ReportRenderer {
    /// The report as one self-contained, printable HTML5 page: inline style
    /// sheet, inline SVG body outline, no scripts and no external resources.
    ///
    /// The markup is XHTML-compatible (every element closed, every attribute
    /// quoted, only the five XML entities), so the page also parses as XML.
    public static func html(_ data: ReportData) -> String {
        let e = XML.escape
        var out = ""
        out += "<!DOCTYPE html>\n"
        out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
        out += "<head>\n"
        out += "<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"intake\"/>\n"
        out += "<title>\(e(documentTitle(data)))</title>\n"
        out += "<style>\n\(styleSheet)</style>\n"
        out += "</head>\n"
        out += "<body>\n"
        out += "<main class=\"page\">\n"

        // MARK: Header
        out += "<header class=\"masthead\">\n"
        out += "<div class=\"masthead-title\">\n"
        out += "<h1>\(e(data.title))</h1>\n"
        out += "<p class=\"subtitle\">\(data.audience == .self ? "Your summary to take to your massage therapist" : "Intake summary for the massage therapist")</p>\n"
        out += "</div>\n"
        out += "<dl class=\"meta\">\n"
        for item in metadata(data) {
            let statusClass = item.label == "Status" ? " class=\"status status-\(data.status.rawValue)\"" : ""
            out += "<div><dt>\(e(item.label))</dt><dd\(statusClass)>\(e(item.value))</dd></div>\n"
        }
        out += "</dl>\n"
        out += "</header>\n"
        for (index, notice) in notices(data).enumerated() {
            let kind = index == 0 && !data.recordProblems.isEmpty ? "record" : data.status.rawValue
            out += "<div class=\"notice notice-\(kind)\" role=\"note\"><p><strong>\(e(notice.title)).</strong> \(e(notice.text))</p></div>\n"
        }

        let top = atTop(data)
        if !top.isEmpty {
            out += "<section class=\"notes\" aria-labelledby=\"top-heading\">\n<h2 id=\"top-heading\">\(e(atTopHeading))</h2>\n<dl class=\"meta\">\n"
            for item in top { out += "<div><dt>\(e(item.label))</dt><dd>\(e(item.value))</dd></div>\n" }
            out += "</dl>\n</section>\n"
        }

        // MARK: Outcome and body outline
        out += "<div class=\"summary\">\n"
        out += "<section class=\"outcome-column\" aria-labelledby=\"outcome-heading\">\n"
        out += "<h2 id=\"outcome-heading\">What this suggests</h2>\n"
        if let assessment = data.assessment {
            let tone = outcomeTone(assessment, rules: data.rules)
            for point in assessment.firstPoints {
                out += "<div class=\"notice notice-first\" role=\"note\"><p><strong>First:</strong> \(e(point))</p></div>\n"
            }
            out += "<div class=\"outcome outcome-\(tone)\">\n"
            out += "<p class=\"category\"><span class=\"category-mark\" aria-hidden=\"true\">\(outcomeMark(tone))</span> \(e(assessment.category.title))\(assessment.isProvisional ? " (provisional)" : "")</p>\n"
            if assessment.isProvisional {
                out += "<p><strong>Provisional: \(e(provisionalNote(assessment)))</strong></p>\n"
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
                out += "<h3 id=\"discuss-heading-\(index)\">\(e(section.heading))</h3>\n"
                out += "<ol class=\"points\" aria-labelledby=\"discuss-heading-\(index)\">\n"
                for point in section.points { out += "<li>\(e(point))</li>\n" }
                out += "</ol>\n"
            }
        } else {
            out += "<div class=\"outcome outcome-none\"><p>\(e(noRules))</p></div>\n"
        }
        out += "</section>\n"
        out += "<div class=\"side\">\n"
        out += "<figure class=\"bodymap-figure\" aria-labelledby=\"bodymap-caption\">\n"
        out += BodyMap.svg(data.body) + "\n"
        out += "<figcaption id=\"bodymap-caption\">\n"
        out += "<p class=\"areas\">\(painSummary(data.body))</p>\n"
        out += "<p class=\"hint\">Each area is drawn once: neck, shoulders, back and hips on the back view; the rest on the front. Left and right are the person\(e("'"))s own.</p>\n"
        out += "</figcaption>\n"
        out += "</figure>\n"
        if let assessment = data.assessment, !assessment.medicines.unrecognised.isEmpty {
            let names = unrecognisedNames(assessment).map { e($0) }.joined(separator: ", ")
            out += "<section class=\"notes\" aria-labelledby=\"notes-heading\">\n"
            out += "<h2 id=\"notes-heading\">Check these</h2>\n"
            out += "<p><strong>Medicines not recognised:</strong> \(names). \(e(unrecognisedNote(data.audience)))</p>\n"
            out += "</section>\n"
        }
        out += "</div>\n"
        out += "</div>\n"

        // MARK: Rules
        if let assessment = data.assessment {
            let groups: [(String, [Assessment.FiredRule])] = [
                ("Why", assessment.precautions), ("Also worth knowing", worthKnowing(assessment)),
                ("In favour of massage", inFavour(assessment)),
            ].filter { !$0.1.isEmpty }
            if !groups.isEmpty {
                out += "<section class=\"rules\" aria-labelledby=\"rules-heading\">\n"
                out += "<h2 id=\"rules-heading\">The reasons</h2>\n"
                out += "<div class=\"rule-groups\">\n"
                for (heading, fired) in groups {
                    out += "<div class=\"rule-group\">\n<h3>\(e(heading))</h3>\n<ul>\n"
                    for rule in fired {
                        out += "<li><strong>\(e(rule.title))</strong> <span class=\"rule-id\">\(e(rule.id))</span>"
                        if !rule.reasons.isEmpty {
                            let reasons = rule.reasons.map { "<span class=\"reason-label\">\(e($0.label))</span>: \(e($0.value))" }
                            out += "<br/><span class=\"reasons\">because \(reasons.joined(separator: "; "))</span>"
                        }
                        if rule.cautiousBecauseUnknown { out += "<br/><span class=\"cautious\">(\(e(cautiousNote)))</span>" }
                        out += "</li>\n"
                    }
                    out += "</ul>\n</div>\n"
                }
                out += "</div>\n"
                out += "</section>\n"
            }
            if !assessment.unchecked.isEmpty {
                // Long when a session stopped early, so it gets the full width.
                out += "<section class=\"unchecked\" aria-labelledby=\"unchecked-heading\">\n"
                out += "<h2 id=\"unchecked-heading\">Not checked, because answers were missing</h2>\n<ul>\n"
                for rule in assessment.unchecked {
                    out += "<li>\(e(rule.title)) <span class=\"rule-id\">\(e(rule.id))</span>: missing \(e(rule.missing.joined(separator: ", ")))</li>\n"
                }
                out += "</ul>\n</section>\n"
            }
        }

        // MARK: Scores
        if !data.scores.isEmpty {
            out += "<section class=\"scores\" aria-labelledby=\"scores-heading\">\n"
            out += "<h2 id=\"scores-heading\">\(scoresHeading)</h2>\n"
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

        // MARK: Answers
        out += "<section class=\"answers\" aria-labelledby=\"answers-heading\">\n"
        out += "<h2 id=\"answers-heading\">\(e(answersHeading(data.audience)))</h2>\n"
        out += "<div class=\"answer-columns\">\n"
        if data.sections.allSatisfy(\.items.isEmpty) {
            out += "<p>\(e(noAnswers))</p>\n"
        }
        for (index, section) in data.sections.enumerated() where !section.items.isEmpty {
            // Short sections stay in one column; longer ones may continue in
            // the next, but never leave their heading behind.
            out += "<div class=\"answer-section\(section.items.count <= 6 ? " keep" : "")\">\n"
            if let title = section.title {
                out += "<h3 id=\"answers-\(index + 1)\">\(e(title))</h3>\n"
                out += "<table aria-labelledby=\"answers-\(index + 1)\">\n"
            } else {
                out += "<table>\n"
            }
            out += "<tbody>\n"
            for item in section.items {
                out += "<tr><th scope=\"row\" title=\"\(e(item.question))\">\(e(item.label))</th><td>\(e(item.answer))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        if !data.skipped.isEmpty {
            out += "<div class=\"answer-section keep skipped\">\n<h3>\(e(skippedHeading(data.audience)))</h3>\n<p>\(data.skipped.map(e).joined(separator: "; "))</p>\n</div>\n"
        }
        out += "</div>\n"
        out += "</section>\n"

        // MARK: Footer
        out += "<footer class=\"foot\">\n"
        if let assessment = data.assessment {
            out += "<blockquote class=\"disclaimer\"><p>\(e(assessment.disclaimer))</p></blockquote>\n"
        }
        out += "<p class=\"provenance\">\(e(data.questionnaireID)) version \(e(data.questionnaireVersion))"
        if let rules = data.rules { out += " · rules version \(e(rules.version))" }
        out += "</p>\n"
        out += "</footer>\n"
        out += "</main>\n"
        out += "</body>\n"
        out += "</html>\n"
        return out
    }

    // MARK: - Pieces

    static func documentTitle(_ data: ReportData) -> String {
        var parts = [data.title]
        if let client = data.client, !client.isEmpty { parts.append(client) }
        if let started = startedText(data) { parts.append(started) }
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
    static func painSummary(_ body: BodyAreas) -> String {
        func label(_ code: String) -> String { XML.escape(body.labels[code] ?? code) }
        var parts: [String] = []
        if let primary = body.primary {
            parts.append("<strong>Main area:</strong> \(label(primary))")
        }
        let others = body.painful.filter { $0 != body.primary }
        if !others.isEmpty {
            parts.append("<strong>\(body.primary == nil ? "Painful" : "Also painful"):</strong> \(others.map(label).joined(separator: ", "))")
        }
        if !body.avoid.isEmpty {
            parts.append("<strong>Avoid (dashed blue outline):</strong> \(body.avoid.map(label).joined(separator: ", "))")
        }
        if parts.isEmpty { return "No painful areas were marked." }
        return parts.joined(separator: ". ") + "."
    }

    // MARK: - Style sheet

    /// Sized to fit A4 and US Letter: the printable area is no wider than
    /// Letter's and no taller than Letter's with these margins.
    static let styleSheet = """
    @page { margin: 10mm 11mm 11mm; }
    :root {
      --ink: #1d1c1a; --muted: #5d5851; --rule: #d3cec6; --paper: #ffffff;
      --urgent: #a3191d; --check: #8a5200; --caution: #1f5c99; --good: #2d6a2e;
    }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    html { background: #e9e6e1; }
    body {
      margin: 0; color: var(--ink);
      font-family: "Source Sans 3", "Source Sans Pro", "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
      font-size: 9.5pt; line-height: 1.32; font-kerning: normal;
    }
    .page {
      max-width: 194mm; margin: 8mm auto; padding: 10mm 11mm; background: var(--paper);
      box-shadow: 0 1px 5px rgba(0, 0, 0, 0.18);
    }
    h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
    h1 { font-size: 15pt; margin: 0; font-weight: 700; letter-spacing: -0.01em; }
    h2 {
      font-size: 8pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted);
      margin: 6pt 0 2.5pt; padding-bottom: 1.5pt; border-bottom: 0.75pt solid var(--rule);
    }
    h3 { font-size: 9pt; margin: 6pt 0 2pt; }
    p { margin: 0 0 3pt; }
    ul, ol { margin: 0; padding-left: 1.3em; }
    li { margin: 0 0 1.5pt; }

    /* Header */
    .masthead {
      display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm;
      padding-bottom: 4pt; border-bottom: 2pt solid var(--ink);
    }
    .subtitle { margin: 2pt 0 0; color: var(--muted); font-size: 9pt; }
    .meta {
      display: grid; grid-template-columns: auto auto; column-gap: 4mm; row-gap: 0;
      margin: 0; font-size: 8pt; line-height: 1.3;
    }
    .meta div { display: contents; }
    .meta dt { color: var(--muted); text-align: right; }
    .meta dd { margin: 0; font-weight: 600; }
    .status-unfinished, .status-ended-urgently { color: var(--urgent); }
    .notice {
      margin: 5pt 0 0; padding: 3.5pt 7pt; border: 1.5pt solid var(--ink); border-left-width: 5pt;
      background: #fff4d6; break-inside: avoid;
    }
    .notice p { margin: 0; }
    .notice-ended-urgently, .notice-record { background: #fbe3e1; border-color: var(--urgent); }

    /* Outcome beside the body outline */
    .summary { display: grid; grid-template-columns: minmax(0, 1fr) 56mm; column-gap: 6mm; align-items: start; }
    .outcome {
      padding: 4pt 8pt 4pt 9pt; border: 0.75pt solid var(--rule); border-left: 5pt solid var(--muted);
      background: #f7f5f1; break-inside: avoid;
    }
    .outcome p:last-child { margin-bottom: 0; }
    .outcome .category { font-size: 12.5pt; font-weight: 700; line-height: 1.2; margin-bottom: 2.5pt; }
    .category-mark {
      display: inline-block; min-width: 1.4em; padding: 0 0.2em; margin-right: 0.15em; text-align: center;
      border: 1.2pt solid currentColor; border-radius: 3pt; font-size: 10pt; line-height: 1.35; vertical-align: 1.5pt;
    }
    .outcome-urgent { border-left-color: var(--urgent); background: #fcecea; }
    .outcome-urgent .category { color: var(--urgent); }
    .outcome-check { border-left-color: var(--check); background: #fdf3e2; }
    .outcome-check .category { color: var(--check); }
    .outcome-caution { border-left-color: var(--caution); background: #edf3fa; }
    .outcome-caution .category { color: var(--caution); }
    .outcome-good { border-left-color: var(--good); background: #eef6ec; }
    .outcome-good .category { color: var(--good); }
    .outcome-column h3 { margin-top: 5pt; }
    .outcome p { font-size: 9pt; }
    .points { padding-left: 1.5em; font-size: 8.4pt; line-height: 1.25; }
    .points li { padding-left: 0.1em; margin-bottom: 1.5pt; break-inside: avoid; }
    .points li::marker { font-weight: 700; }
    .bodymap-figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
    .bodymap-figure svg { display: block; width: 100%; height: auto; }
    .bodymap-figure figcaption { font-size: 7.5pt; line-height: 1.25; color: var(--muted); margin-top: 2pt; }
    .bodymap-figure figcaption .areas { color: var(--ink); font-size: 8.5pt; line-height: 1.3; }
    .bodymap-figure figcaption p { margin-bottom: 2pt; }

    /* Reasons */
    .rule-groups { columns: 3; column-gap: 5mm; font-size: 7.8pt; line-height: 1.25; }
    .rule-group h3 { margin: 0 0 1.5pt; font-size: 8.5pt; }
    .rule-group + .rule-group h3 { margin-top: 4pt; }
    .rule-group > ul { list-style: none; padding-left: 0; }
    .rule-group > ul > li { margin-bottom: 2.5pt; break-inside: avoid; }
    .rule-id { color: var(--muted); font-size: 7pt; white-space: nowrap; }
    .reasons { color: #3a3733; }
    .reason-label, .cautious { font-style: italic; }
    .notes { font-size: 8pt; line-height: 1.28; }
    .notes h2 { margin-top: 6pt; }
    .unchecked ul { columns: 3; column-gap: 5mm; list-style: none; padding-left: 0; font-size: 7.6pt; line-height: 1.22; }
    .unchecked li { break-inside: avoid; margin-bottom: 1.5pt; }

    /* Answers */
    .answer-columns { columns: 3; column-gap: 5mm; font-size: 7.4pt; line-height: 1.18; }
    .answer-section { margin-bottom: 3pt; }
    .answer-section.keep { break-inside: avoid; page-break-inside: avoid; }
    .answer-section tr { break-inside: avoid; page-break-inside: avoid; }
    .answer-section table { width: 100%; border-collapse: collapse; }
    .answer-section th, .answer-section td {
      vertical-align: top; text-align: left; padding: 0.6pt 0; border-top: 0.5pt solid #e4e0da;
    }
    .answer-section th { width: 54%; padding-right: 3pt; font-weight: 400; color: var(--muted); }
    .answer-section td { overflow-wrap: anywhere; }
    .answer-section h3 { font-size: 8.2pt; margin: 0; padding: 0 0 1pt; break-after: avoid; page-break-after: avoid; }

    /* Footer */
    .foot { margin-top: 4pt; break-inside: avoid; page-break-inside: avoid; }
    .disclaimer {
      margin: 0; padding: 3.5pt 7pt; border-left: 2.5pt solid var(--ink); background: #f4f2ee;
      font-size: 7.2pt; line-height: 1.25;
    }
    .disclaimer p { margin: 0; }
    .provenance { margin: 2pt 0 0; color: var(--muted); font-size: 6.5pt; }

    @media print {
      html { background: none; }
      body { font-size: 9pt; }
      .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
    }
    @media screen and (max-width: 160mm) {
      .summary { grid-template-columns: 1fr; }
      .answer-columns { columns: 1; }
      .masthead { flex-direction: column; align-items: flex-start; }
    }

    """
}
