import Foundation
import IntakeTesting
import Testing

/// The paper report made by the real binary and printed to PDF by a real
/// headless Chromium, then read back with poppler's `pdfinfo` and
/// `pdftotext`: the pages a therapist gets, and what is on them. These need
/// `chromium` and `poppler-utils` (scripts/setup.sh --test installs them).
/// Not serialized: each browser run has a scratch profile of its own and
/// each test its own folders, so they run beside the other tests (in a
/// chain they were the suite's last five seconds).
@Suite("Paper report, in a real browser")
struct PaperReportProcessTests {
    /// The full path of `name` on the PATH; a clear failure when it is missing.
    static func tool(_ name: String, package: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        Issue.record("\(name) is not installed: run scripts/setup.sh --test (apt-get install \(package))")
        throw CancellationError()
    }

    /// Runs another program; its standard output.
    static func output(of program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try IntakeProcess.run(arguments, input: [], environment: environment, timeout: 120, executable: program).output
    }

    /// A reception session of `answers` saved in `folder`; its transcript.
    static func session(_ answers: String, client: String, in folder: String) throws -> String {
        let result = try IntakeProcess.run(
            ["run", "--mode", "reception", "--client", client, "--answers", answers, "--transcripts", folder + "/sessions"])
        #expect(result.status == 0, "\(result.error)")
        return try #require(TranscriptCLITests.transcripts(in: folder + "/sessions").last)
    }

    /// The pages of a PDF and the words on them, whitespace and ligatures
    /// made plain so lines broken by the layout still match.
    static func read(_ pdf: String) throws -> (pages: Int, size: String, text: String) {
        let info = try output(of: try tool("pdfinfo", package: "poppler-utils"), [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        // In the order the page was written (the text beside the map stays whole).
        let text = try output(of: try tool("pdftotext", package: "poppler-utils"), ["-raw", pdf, "-"])
        // The page never hyphenates words itself: a line that ends in a hyphen
        // broke a compound ("oncology-" / "trained") and goes on without a space.
        return (pages, size, flat(text.replacing("-\n", with: "-")))
    }

    static func flat(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What the report says, from its JSON: the category and the points.
    static func assessment(_ transcript: String) throws -> (title: String, points: [String], disclaimer: String) {
        let json = try IntakeProcess.run(["report", transcript, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let assessment = try #require(object["assessment"] as? [String: Any])
        let category = try #require(assessment["title"] as? String)
        return (category, assessment["discussionPoints"] as? [String] ?? [], assessment["disclaimer"] as? String ?? "")
    }

    /// Makes the PDF of `transcript` with the binary, as a person would.
    static func pdf(_ transcript: String, in folder: String, paper: String = "a4", environment: [String: String] = [:]) throws -> String {
        _ = try tool("chromium", package: "chromium")
        let pdf = folder + "/report-\(paper).pdf"
        let result = try IntakeProcess.run(
            ["report", transcript, "--format", "pdf", "--paper", paper, "--output", pdf], input: [], environment: environment, timeout: 120)
        #expect(result.status == 0, "\(result.error)")
        let mode = try FileManager.default.attributesOfItem(atPath: pdf)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the PDF is health information")
        return pdf
    }

    @Test func aTypicalSessionIsOneSheetWithEverythingATherapistNeeds() throws {
        let folder = try TemporaryFolder()
        // Over 50, on a blood thinner, pain for 90 days: precautions and six
        // points, as many sessions have. (With version 2's longer points, a
        // few personas take a second sheet: 05, with seven points, does.)
        let transcript = try Self.session(Fixtures.path("Tests/Personas/07-over-50-at-90-days-rivaroxaban.json"), client: "A-17", in: folder.path)
        let (pages, size, text) = try Self.read(try Self.pdf(transcript, in: folder.path))
        #expect(pages == 1)
        #expect(size.contains("(A4)"))
        let expected = try Self.assessment(transcript)
        #expect(text.contains("Client A-17"))
        #expect(text.contains(Self.flat(expected.title)), "the category headline")
        #expect(expected.points.count == 6)
        for point in expected.points { #expect(text.contains(Self.flat(point)), "missing point: \(point)") }
        #expect(text.contains(Self.flat(expected.disclaimer)))
        for words in ["Name", "Date of birth", "Signature", "BEFORE THE SESSION", "Page 1 of 1"] {
            #expect(text.contains(words), "\(words)")
        }
        // The browser's own header and footer (the date, the file's address) are not printed.
        #expect(!text.contains("file://"))
        #expect(!text.contains(".html"))
    }

    /// On letter paper too. The browser is given a scratch folder of its
    /// own as its home: the person's HOME stays as it was, and the scratch
    /// folder is gone after (one browser run shows both).
    @Test func onLetterPaperTooAndTheBrowserLeavesNoTrace() throws {
        let folder = try TemporaryFolder()
        let transcript = try Self.session(Fixtures.path("Tests/Personas/01-desk-worker-neck.json"), client: "L-1", in: folder.path)
        let home = try TemporaryFolder()
        let scratch = try TemporaryFolder()
        let pdf = try Self.pdf(transcript, in: folder.path, paper: "letter", environment: ["HOME": home.path, "TMPDIR": scratch.path])
        let (pages, size, text) = try Self.read(pdf)
        #expect(size.contains("(letter)"))
        #expect(pages == 1)
        #expect(text.contains("Client L-1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "HOME untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "the scratch folder is removed")
    }

    @Test func theLongestSessionTakesAtMostTwoSheets() throws {
        let folder = try TemporaryFolder()
        // The persona with the most points, with the longest note allowed and
        // both positions: as long as a report gets.
        let persona = try #require(try JSONSerialization.jsonObject(
            with: Data(Fixtures.bytes("Tests/Personas/13-cancer-treatment-port.json"))) as? [String: Any])
        var answers = persona.filter { !$0.key.hasPrefix("$") }
        answers["areas_to_avoid"] = String(repeating: "Please keep away from the port on my right chest and the scar on my left knee. ", count: 7).prefix(500).description
        answers["positioning_limits"] = ["cannot-lie-face-down", "cannot-lie-flat"]
        let file = try folder.file("longest.json", String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self))
        let transcript = try Self.session(file, client: "LONG-1", in: folder.path)
        let (pages, _, text) = try Self.read(try Self.pdf(transcript, in: folder.path))
        #expect((1...2).contains(pages), "\(pages) pages")
        let expected = try Self.assessment(transcript)
        #expect(expected.points.count >= 7)
        #expect(text.contains("Client LONG-1"))
        #expect(text.contains(Self.flat(expected.title)))
        for point in expected.points { #expect(text.contains(Self.flat(point)), "missing point: \(point)") }
        #expect(text.contains(Self.flat(expected.disclaimer)))
        #expect(text.contains("Not face down") && text.contains("Not flat on back"), "both positions crossed out on the map")
        if pages == 2 { #expect(text.contains("Page 2 of 2") && text.contains("Client LONG-1 · ")) }
    }

    /// A picture of the page as the browser draws it, to look at:
    /// INTAKE_REPORT_PREVIEW=/some/dir keeps it there.
    @Test func aScreenshotOfThePage() throws {
        let chromium = try Self.tool("chromium", package: "chromium")
        let folder = try TemporaryFolder()
        let answers = try folder.file("noted.json", #"""
            {"age_band": "over-50", "pain_duration": "3 years", "pain_frequency": "most-days",
             "pain_locations": ["knee-right", "lower-back", "shoulder-left"], "pain_primary": "knee-right",
             "red_flags": ["none"], "today_unwell": ["none"], "pain_intensity": 5, "pain_enjoyment": 4, "pain_activity": 5,
             "pain_causes": ["osteoarthritis"], "conditions": ["none"], "recent_events": ["surgery-last-3-months"],
             "recent_event_site": ["shoulder-left"], "medications": "Eliquis 5 mg twice daily",
             "stress_level": 3, "pss_1": 1, "pss_2": 3, "pss_3": 3, "pss_4": 1, "stress_worsens_pain": "a-little",
             "phq_1": 0, "phq_2": 0, "phq_3": 0, "phq_4": 0, "sleep_quality": "fair", "goals": ["reduce-pain"],
             "other_care": ["exercise-or-physio"], "prior_massage": "helped", "pressure_preference": "firm",
             "positioning_limits": ["cannot-lie-face-down"], "areas_to_avoid": "No feet please; scar on my right knee.",
             "allergies": ["none"], "consent": "yes"}
            """#)
        let transcript = try Self.session(answers, client: "A-17", in: folder.path)
        let page = folder.path + "/report.html"
        #expect(try IntakeProcess.run(["report", transcript, "--format", "html", "--output", page]).status == 0)
        let png = folder.path + "/report.png"
        let home = try TemporaryFolder()
        _ = try IntakeProcess.run(
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(home.path)/profile", "--hide-scrollbars",
             "--window-size=900,1400", "--screenshot=\(png)", "file://\(page)"],
            input: [], environment: ["HOME": home.path], timeout: 120, executable: chromium)
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(bytes.count > 50_000, "a page with something on it")
        if let keep = ProcessInfo.processInfo.environment["INTAKE_REPORT_PREVIEW"] {
            try? FileManager.default.removeItem(atPath: keep + "/report.png")
            try FileManager.default.copyItem(atPath: png, toPath: keep + "/report.png")
            try? FileManager.default.removeItem(atPath: keep + "/report.pdf")
            try FileManager.default.copyItem(atPath: try Self.pdf(transcript, in: folder.path), toPath: keep + "/report.pdf")
        }
    }

    @Test func withoutABrowserTheMessageNamesThePackage() throws {
        let folder = try TemporaryFolder()
        let transcript = try Self.session(Fixtures.path("Tests/Personas/01-desk-worker-neck.json"), client: "N-1", in: folder.path)
        let result = try IntakeProcess.run(
            ["report", transcript, "--format", "pdf", "--output", folder.path + "/r.pdf"], input: [], environment: ["PATH": folder.path + "/nothing-here"])
        #expect(result.status == 2)
        #expect(result.error == "making a PDF needs the Chromium browser, which is not installed: install it with: sudo apt-get install chromium (or use --format html and print the page from any browser)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/r.pdf"))
    }
}

/// The reception desk through the binary: real file modes, the print
/// system called as CUPS's `lp` is, `sessions` with the system's time zone.
@Suite("Reception desk, end to end")
struct ReceptionDeskProcessTests {
    @Test func reportsArePrivateFilesInAPrivateFolderNamedWithoutTheClient() throws {
        let folder = try TemporaryFolder()
        let result = try IntakeProcess.run(
            ["run", "--mode", "reception", "--client", "Jane Doe", "--answers", Fixtures.path("Tests/Fixtures/complete-answers.json"),
             "--transcripts", folder.path + "/desk/sessions"])
        #expect(result.status == 0)
        let reports = folder.path + "/desk/reports"
        #expect(try FileManager.default.attributesOfItem(atPath: reports)[.posixPermissions] as? Int == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(names.count == 2)
        for name in names {
            #expect(name.range(of: #"^\d{8}T\d{6}Z-[0-9a-f]{16}\.(html|txt)$"#, options: .regularExpression) != nil, "\(name)")
            #expect(try FileManager.default.attributesOfItem(atPath: reports + "/" + name)[.posixPermissions] as? Int == 0o600)
        }
        #expect(result.output.contains("The therapist's report is saved in \(reports):"))
        #expect(!result.error.contains("Jane"))
    }

    /// `lp` stands in for CUPS here: a script that records how it was
    /// called, where a real one would queue the job.
    @Test func printingCallsLPWithThePrinterAndTheReportAndNeverTheClientsName() throws {
        _ = try PaperReportProcessTests.tool("chromium", package: "chromium")
        let folder = try TemporaryFolder()
        let bin = folder.path + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let log = folder.path + "/lp.log"
        let lp = try folder.file("bin/lp", """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(log)'
            for last; do :; done
            head -c 4 "$last" >> '\(log)'
            echo "request id is front-desk-7 (1 file(s))"
            """)
        chmod(lp, 0o755)
        let lines = ["Jane Doe"] + TranscriptCLITests.straight + ["", "p", ":quit"]
        let result = try IntakeProcess.run(
            ["run", "--mode", "reception", "--transcripts", folder.path + "/sessions", "--printer", "front-desk"],
            input: lines.joined(separator: "\n") + "\n",
            environment: ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")], timeout: 120)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Sent to 'front-desk': request id is front-desk-7 (1 file(s))."))
        let called = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(Array(called.prefix(5)) == ["-d", "front-desk", "-t", "intake report", "--"])
        let printed = try #require(called.dropFirst(5).first)
        #expect(printed.hasPrefix(folder.path + "/reports/") && printed.hasSuffix(".pdf"), "the page, as a PDF")
        #expect(called.last == "%PDF")
        #expect(!called.joined().contains("Jane"), "the job's title and file never carry the client's name")
    }

    @Test func sessionsShowsTheSystemsLocalTime() throws {
        let folder = try TemporaryFolder()
        _ = try IntakeProcess.run(["run", "--mode", "reception", "--client", "T-1", "--answers", Fixtures.path("Tests/Fixtures/complete-answers.json"),
                                   "--transcripts", folder.path])
        let newYork = try IntakeProcess.run(["sessions", folder.path], environment: ["TZ": "America/New_York"])
        #expect(newYork.status == 0)
        let utc = try IntakeProcess.run(["sessions", "--transcripts", folder.path], environment: ["TZ": "UTC"])
        func started(_ output: String) -> String? {
            output.split(separator: "\n").first { $0.hasPrefix("T-1") }.map { String($0.split(separator: /\s{2,}/)[1]) }
        }
        let local = try #require(started(newYork.output))
        let universal = try #require(started(utc.output))
        #expect(local.hasSuffix(" EST") || local.hasSuffix(" EDT"))
        #expect(universal.hasSuffix(" UTC"))
        #expect(local != universal)
        let bad = try IntakeProcess.run(["sessions", folder.path, "--status", "lost"])
        #expect(bad.status == 2)
        #expect(bad.error.contains("'completed', 'unfinished' or 'urgent-stop'"))
        let report = try IntakeProcess.run(["report", "--client", "t-1", "--transcripts", folder.path], environment: ["TZ": "UTC"])
        #expect(report.status == 0)
        #expect(report.output.contains("Client: T-1"))
    }
}
