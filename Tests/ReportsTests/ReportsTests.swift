import Foundation
import IntakeTesting
#if canImport(FoundationXML)
import FoundationXML
#endif
import QuestionnaireModel
import Reports
import Scoring
import Testing

/// What an XML parse of the HTML report found.
final class PageScan: NSObject, XMLParserDelegate {
    var elements = 0
    /// Each `data-region` value with the element's name and class.
    var regions: [(code: String, element: String, classes: String)] = []
    var elementNames: [String] = []
    var text = ""
    var inSVGTitle = false
    var error: Error?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements += 1
        elementNames.append(name)
        if let code = attributes["data-region"] {
            regions.append((code, name, attributes["class"] ?? ""))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }

    static func scan(_ page: String) -> (ok: Bool, scan: PageScan) {
        let parser = XMLParser(data: Data(page.utf8))
        let scan = PageScan()
        parser.delegate = scan
        let ok = parser.parse()
        return (ok, scan)
    }
}

@Suite struct HTMLReportTests {
    let page = ReportRenderer.html(report())

    @Test func parsesAsXML() {
        let (ok, scan) = PageScan.scan(page)
        #expect(ok, "XML parse failed: \(String(describing: scan.error))")
        #expect(scan.elements > 100)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
        #expect(page.contains("<meta charset=\"utf-8\"/>"))
    }

    @Test func isSelfContained() {
        let lower = page.lowercased()
        // The only URLs allowed are XML namespace names.
        // The page forbids itself to load anything (its security policy).
        let policy = "<meta http-equiv=\"content-security-policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>"
        #expect(lower.contains(policy))
        let withoutNamespaces = lower.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1999/xhtml\"", with: "")
            .replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            .replacingOccurrences(of: policy, with: "")
        #expect(!withoutNamespaces.contains("http"))
        for forbidden in ["src=", "<script", "<link", "@import", "href=", "javascript:", "onload", "onclick", "<img", "<iframe"] {
            #expect(!lower.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test func onlyTheFiveXMLEntities() {
        var rest = Substring(page)
        while let amp = rest.firstIndex(of: "&") {
            let after = rest[rest.index(after: amp)...]
            let entity = after.prefix { $0 != ";" }
            #expect(["amp", "lt", "gt", "quot", "apos"].contains(String(entity)) || entity.hasPrefix("#"), "entity &\(entity);")
            rest = after
        }
    }

    @Test func oneShapePerRegionCode() {
        let (_, scan) = PageScan.scan(page)
        let codes = scan.regions.map(\.code)
        #expect(codes.sorted() == BodyAreas.regionCodes.sorted())
        #expect(Set(codes).count == 25)
        #expect(scan.regions.allSatisfy { $0.element == "path" })
        for code in BodyAreas.regionCodes {
            #expect(BodyMap.view(of: code) != nil, "\(code) has no view")
        }
    }

    @Test func marksPainfulAndPrimaryRegions() {
        let (_, scan) = PageScan.scan(page)
        func classes(_ code: String) -> [Substring] {
            scan.regions.first { $0.code == code }?.classes.split(separator: " ") ?? []
        }
        for code in ["neck", "knee-left", "shoulder-right", "lower-back"] {
            #expect(classes(code).contains("painful"), "\(code) not painful")
        }
        #expect(classes("lower-back").contains("primary"))
        #expect(scan.regions.filter { $0.classes.split(separator: " ").contains("primary") }.map(\.code) == ["lower-back"])
        #expect(!classes("knee-right").contains("painful"))
        #expect(!classes("chest").contains("painful"))
        // The main area is marked by more than colour: a marker with a word.
        #expect(page.contains("data-marks=\"lower-back\""))
        #expect(page.contains(">main</text>"))
        #expect(page.contains("<title>Lower back (main area)</title>"))
        #expect(page.contains("<title>Left knee (painful)</title>"))
        #expect(page.contains("role=\"img\""))
    }

    @Test func sidesAreThePersonsOwn() throws {
        // Front view: the person's left is on the viewer's right (x > 90).
        let svg = BodyMap.svg(BodyAreas(painful: [], primary: nil, labels: [:]))
        func firstX(_ code: String) -> Double? {
            guard let range = svg.range(of: "data-region=\"\(code)\" d=\"M ") else { return nil }
            return Double(svg[range.upperBound...].prefix { $0 != " " })
        }
        #expect(BodyMap.view(of: "knee-left") == .front)
        #expect(BodyMap.view(of: "hip-left") == .back)
        #expect(try #require(firstX("knee-left")) > 90)
        #expect(try #require(firstX("knee-right")) < 90)
        #expect(try #require(firstX("hip-left")) < 90)
        #expect(try #require(firstX("hip-right")) > 90)
    }

    @Test func escapesHostileAnswers() {
        let (ok, scan) = PageScan.scan(page)
        #expect(ok)
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(scan.text.contains(hostile))
        #expect(!scan.elementNames.contains("script"))
    }

    @Test func escapesControlCharactersAndAttributes() {
        var data = report()
        data.client = "A\u{1B}[31m\"<b>'x'</b>"
        data.title = "Intake & <co>"
        let page = ReportRenderer.html(data)
        let (ok, scan) = PageScan.scan(page)
        #expect(ok, "\(String(describing: scan.error))")
        #expect(!page.contains("\u{1B}"))
        #expect(page.contains("<title>Intake &amp; &lt;co&gt; – A\u{FFFD}[31m&quot;&lt;b&gt;&#39;x&#39;&lt;/b&gt;"))
    }

    @Test func includesTheDisclaimerAndDiscussionPoints() throws {
        let data = report()
        let assessment = try #require(data.assessment)
        #expect(!assessment.discussionPoints.isEmpty)
        let (_, scan) = PageScan.scan(page)
        #expect(scan.text.contains(assessment.disclaimer))
        for point in assessment.discussionPoints {
            #expect(scan.text.contains(point), "missing point: \(point)")
        }
        #expect(page.contains("<ol class=\"points\""))
        #expect(scan.text.contains(assessment.category.title))
        #expect(scan.text.contains("Bleeding risk"))
        #expect(scan.text.contains("Zorblax"))
        #expect(page.contains("@page"))
        #expect(page.contains("@media print"))
    }

    @Test func receptionSpeaksAboutTheClient() {
        let page = ReportRenderer.html(report(audience: .reception))
        #expect(page.contains("To discuss with the client&#39;s massage therapist"))
        #expect(page.contains("The client&#39;s answers"))
        #expect(PageScan.scan(page).ok)
    }

    @Test func withoutRulesAndUnfinished() {
        let page = ReportRenderer.html(report(status: .unfinished, client: nil, withRules: false))
        let (ok, scan) = PageScan.scan(page)
        #expect(ok)
        #expect(scan.text.contains("no scoring rules"))
        #expect(scan.text.contains("This session was not finished: the assessment covers the answers given so far."))
        #expect(scan.regions.count == 25)
    }

    @Test func partialSessionsListWhatWasNotChecked() throws {
        let partial = ["age_band": "over-50", "pain_duration": "4 months", "pain_frequency": "every-day"]
        let data = report(partial, audience: .reception, status: .unfinished)
        let unchecked = try #require(data.assessment?.unchecked)
        #expect(!unchecked.isEmpty)
        let page = ReportRenderer.html(data)
        let (ok, scan) = PageScan.scan(page)
        #expect(ok)
        #expect(scan.text.contains("Not checked, because answers were missing"))
        for rule in unchecked { #expect(scan.text.contains(rule.title)) }
        #expect(scan.text.contains("No painful areas were marked."))
        #expect(ReportRenderer.text(data).contains("Not checked, because answers were missing"))
        #expect(ReportRenderer.markdown(data).contains("### Not checked, because answers were missing"))
    }

    @Test func writesPreviewsWhenAsked() throws {
        // INTAKE_REPORT_PREVIEW=/some/dir writes sample pages to look at.
        guard let folder = ProcessInfo.processInfo.environment["INTAKE_REPORT_PREVIEW"] else { return }
        let url = URL(fileURLWithPath: folder)
        try ReportRenderer.html(report()).write(to: url.appendingPathComponent("typical.html"), atomically: true, encoding: .utf8)
        var urgent = typical
        urgent["red_flags"] = "saddle-numbness"
        try ReportRenderer.html(report(urgent, audience: .reception, status: .endedUrgently))
            .write(to: url.appendingPathComponent("urgent.html"), atomically: true, encoding: .utf8)
        var many = typical
        many["pain_locations"] = "head, jaw, neck, chest, abdomen, upper-arm-left, lower-arm-right, hand-left, upper-leg-right, knee-right, lower-leg-left, foot-right, upper-back, hip-right, shoulder-left"
        many["pain_primary"] = "hip-right"
        many["areas_to_avoid"] = nil
        try ReportRenderer.html(report(many, status: .unfinished))
            .write(to: url.appendingPathComponent("many.html"), atomically: true, encoding: .utf8)
        try BodyMap.svg(BodyAreas(painful: BodyAreas.regionCodes, primary: "knee-left", labels: Shipped.regionLabels))
            .write(to: url.appendingPathComponent("all.svg"), atomically: true, encoding: .utf8)
        let partial = ["age_band": "over-50", "pain_duration": "4 months", "pain_frequency": "every-day"]
        try ReportRenderer.html(report(partial, audience: .reception, status: .unfinished))
            .write(to: url.appendingPathComponent("partial.html"), atomically: true, encoding: .utf8)
        try ReportRenderer.text(report(status: .unfinished)).write(to: url.appendingPathComponent("typical.txt"), atomically: true, encoding: .utf8)
        try ReportRenderer.markdown(report()).write(to: url.appendingPathComponent("typical.md"), atomically: true, encoding: .utf8)
        try ReportRenderer.json(report()).prettyPrinted().write(to: url.appendingPathComponent("typical.json"), atomically: true, encoding: .utf8)
    }
}

@Suite struct MarkdownReportTests {
    let markdown = ReportRenderer.markdown(report())

    @Test func escapesTableBreakingCharacters() throws {
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| Areas to avoid") })
        #expect(row == #"| Areas to avoid | \<script\>alert(1)\</script\> & "quotes" \| \*star\* \_under\_ \`tick\` |"#)
        // Exactly the three column pipes are unescaped.
        let unescaped = row.enumerated().filter { index, character in
            character == "|" && (index == 0 || row[row.index(row.startIndex, offsetBy: index - 1)] != "\\")
        }
        #expect(unescaped.count == 3)
        #expect(!markdown.contains("<script>"))
    }

    @Test func hasHeadingsTablesNumberedPointsAndDisclaimer() throws {
        let assessment = try #require(report().assessment)
        #expect(markdown.hasPrefix("# "))
        #expect(markdown.contains("\n## Your answers\n"))
        #expect(markdown.contains("\n### Your pain\n\n| Question | Answer |\n| --- | --- |\n"))
        #expect(markdown.contains("\n1. "))
        #expect(markdown.contains("\n\(assessment.discussionPoints.count). "))
        let lines = markdown.split(separator: "\n")
        // The disclaimer ends the report; only the rule ids, for review, come after it.
        #expect(lines.dropLast().last?.hasPrefix("> This summary is general information") == true)
        #expect(lines.last == "Rule ids, for review: bleeding-risk, areas-to-avoid, chronic, evidence-site, stress, frequency")
        #expect(!markdown.contains("(bleeding-risk)"))
        #expect(markdown.contains("**\(assessment.category.title)**"))
    }

    @Test func neutralisesBlockMarkersAndEntities() {
        var typed = typical
        typed["areas_to_avoid"] = "# not a heading &amp; 1. not a list"
        let markdown = ReportRenderer.markdown(report(typed))
        #expect(markdown.contains(##"| Areas to avoid | \# not a heading \&amp; 1. not a list |"##))
    }

    @Test func unfinishedAndReception() {
        let markdown = ReportRenderer.markdown(report(audience: .reception, status: .unfinished))
        #expect(markdown.contains("> **Not finished:** This session was not finished: the assessment covers the answers given so far."))
        #expect(markdown.contains("### To discuss with the client's massage therapist"))
    }
}

@Suite struct TextReportTests {
    @Test func headerAnswersSkippedThenAssessment() throws {
        var data = report()
        data.skipped = ["Weeks pregnant"]
        let text = ReportRenderer.text(data)
        let assessment = try #require(data.assessment)
        #expect(text.hasPrefix(data.title + "\n"))
        #expect(text.contains("Date: 26 November 2026, 20:55 CET"))
        #expect(text.contains("Client: Ref 0042"))
        #expect(text.contains("Status: Completed"))
        let order = ["Your answers", "  Your pain", "    Where it hurts: ", "Questions you skipped", "  - Weeks pregnant", "What this suggests",
                     "To discuss with your massage therapist", assessment.disclaimer.prefix(30).description]
        var last = text.startIndex
        for piece in order {
            let range = try #require(text.range(of: piece, range: last..<text.endIndex), "\(piece) out of order")
            last = range.upperBound
        }
        #expect(!text.contains("not finished"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func unfinishedSessionsSaySo() {
        let text = ReportRenderer.text(report(status: .unfinished))
        #expect(text.contains("*** NOT FINISHED ***\n"))
        let joined = text.split(separator: "\n").joined(separator: " ")
        #expect(joined.contains("This session was not finished: the assessment covers the answers given so far."))
    }

    @Test func receptionSaysTheClient() {
        let text = ReportRenderer.text(report(audience: .reception), width: 100)
        #expect(text.contains("The client's answers"))
        #expect(text.contains("To discuss with the client's massage therapist"))
        #expect(text.contains("Questions the client skipped") == false)
    }

    @Test func withoutRules() {
        let text = ReportRenderer.text(report(withRules: false))
        #expect(text.contains("There are no scoring rules for this questionnaire"))
    }

    @Test func controlCharactersAreRemoved() {
        // The interview refuses them, but a damaged transcript may hold them.
        var data = report()
        data.sections[0].items[0].answer = "left side\u{1B}[2J"
        let text = ReportRenderer.text(data)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("left side\u{FFFD}[2J"))
    }
}

@Suite struct JSONReportTests {
    @Test func hasTheDocumentedShape() throws {
        let json = ReportRenderer.json(report())
        let object = try #require(json.objectValue)
        #expect(object.keys == [
            "title", "questionnaire", "started", "startedLocal", "client", "status", "recordProblems", "audience", "answers", "sections", "skipped",
            "scores", "assessment", "painAreas", "notes",
        ])
        #expect(object["scores"]?.arrayValue?.isEmpty == true, "intake's own questionnaire computes no scores")
        #expect(object["startedLocal"]?.objectValue?["time"]?.stringValue == "2026-11-26T20:55:13+01:00")
        #expect(object["startedLocal"]?.objectValue?["zone"]?.stringValue == "CET")
        #expect(object["questionnaire"]?.objectValue?["id"]?.stringValue == "massage-intake")
        #expect(object["status"]?.stringValue == "completed")
        #expect(object["audience"]?.stringValue == "self")
        let assessment = try #require(object["assessment"]?.objectValue)
        #expect(assessment["category"]?.stringValue == "fit-with-precautions")
        let ruleIDs = assessment["rules"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } ?? []
        #expect(ruleIDs.contains("bleeding-risk"))
        let answers = try #require(object["answers"]?.arrayValue)
        let first = try #require(answers.first?.objectValue)
        #expect(first.keys == ["question", "label", "answer", "value"])
        #expect(first["value"]?.stringValue == "18-50")
        let where_ = try #require(answers.first { $0.objectValue?["label"]?.stringValue == "Where it hurts" }?.objectValue)
        #expect(where_["value"]?.arrayValue?.compactMap(\.stringValue) == ["neck", "lower-back", "shoulder-right", "knee-left"])
        let indexes = object["sections"]?.arrayValue?.flatMap { $0.objectValue?["answers"]?.arrayValue ?? [] }.compactMap { $0.numberValue?.integer }
        #expect(indexes == Array(0..<answers.count))
        let pain = try #require(object["painAreas"]?.objectValue)
        #expect(pain["primary"]?.stringValue == "lower-back")
        // Round trip through the serializer and parser.
        let text = json.serialized()
        #expect(text.contains(#""question":"areas_to_avoid""#))
        #expect(text.contains(#"\"quotes\""#))
    }

    @Test func nullsWhenUnknown() throws {
        var data = report(client: nil, withRules: false)
        data.started = nil
        data.body.primary = nil
        let object = try #require(ReportRenderer.json(data).objectValue)
        #expect(object["client"] == nil)
        #expect(object["started"]?.isNull == true)
        #expect(object["assessment"]?.isNull == true)
        #expect(object["painAreas"]?.objectValue?["primary"]?.isNull == true)
    }
}
