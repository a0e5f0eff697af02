import InterviewEngine
import QuestionnaireModel
import Scoring
import TerminalText

/// One saved session as a list shows it: whose, when, how it ended, and
/// the file. Only the transcript's first line (the header) and its last
/// lines (the ending) are parsed, not every answer (5,000 sessions list in
/// about 8 s with a debug build); checking every line and its hash is
/// `intake replay`'s work.
public struct SessionEntry: Sendable {
    /// The transcript, as the folder was given plus its name.
    public var path: String
    public var header: TranscriptHeader
    public var status: Status
    /// The category recorded at the end, when the session ended with one.
    public var category: String?
    /// Whether the last line cannot be read (a crash cut it short, or the
    /// file was damaged).
    public var damaged: Bool

    public enum Status: String, Sendable, CaseIterable {
        case completed
        case unfinished
        case urgentStop = "urgent-stop"

        /// In words, for the list.
        public var words: String {
            switch self {
            case .completed: "completed"
            case .unfinished: "unfinished"
            case .urgentStop: "urgent stop"
            }
        }
    }

    /// Reads the transcript in `bytes`; nil when it is not one (no header).
    public init?(path: String, bytes: [UInt8]) {
        func event(_ line: ArraySlice<UInt8>) -> TranscriptEvent? {
            guard let json = try? JSONParser.parse(Array(line), limits: JSONLimits(maxDepth: 64, maxBytes: TranscriptDocument.maxBytes)) else { return nil }
            return try? TranscriptCodec.event(from: json).event
        }
        let firstEnd = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
        guard case .header(let header)? = event(bytes[..<firstEnd]) else { return nil }
        self.path = path
        self.header = header
        status = .unfinished
        category = nil
        damaged = false
        // From the end: the seal, then the ending (or whatever the last step was).
        var end = bytes.endIndex
        var looked = 0
        while end > firstEnd, looked < 3 {
            if bytes[end - 1] == 0x0A { end -= 1 }
            let start = bytes[firstEnd..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? firstEnd
            defer { end = start }
            looked += 1
            guard let found = event(bytes[start..<end]) else {
                if looked == 1 { damaged = true }
                continue
            }
            if case .sealed = found { continue }
            if case .completed(let urgent, let assessment) = found {
                status = urgent ? .urgentStop : .completed
                category = AssessmentOutcome(json: assessment)?.category
            }
            break
        }
    }
}

/// Reads every transcript of a folder, one file at a time as the folder is
/// listed: memory does not grow with the number of sessions.
enum SessionFolder {
    /// Calls `body` with each session of `folder`; counts the `.jsonl`
    /// files that could not be read as sessions.
    static func forEach(in folder: String, files: FileSystem, _ body: (SessionEntry) -> Void) throws -> Int {
        if (try? files.entry(at: folder)) == nil {
            throw UserFacingError("\(folder): no such folder: no sessions have been saved there yet; name the folder they are in (intake sessions DIR, or --transcripts DIR)")
        }
        var unreadable = 0
        try files.forEachName(in: folder) { name in
            guard name.hasSuffix(".jsonl"), !name.hasPrefix(".") else { return }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let bytes = try? files.read(path, limit: TranscriptDocument.maxBytes),
                  let entry = SessionEntry(path: path, bytes: bytes)
            else {
                unreadable += 1
                return
            }
            body(entry)
        }
        return unreadable
    }
}

/// A client's sessions, found by the reference given at reception.
enum ClientSessions {
    /// The transcripts of `client` in `folder`, newest first: the latest
    /// only unless `all`.
    static func find(_ client: String, in folder: String, all: Bool, files: FileSystem) throws -> [String] {
        var found: [(started: Int64, path: String)] = []
        _ = try SessionFolder.forEach(in: folder, files: files) { entry in
            guard let reference = entry.header.client, ClientReference.same(reference, client) else { return }
            found.append((entry.header.startedMilliseconds, entry.path))
            found.sort { ($0.started, $0.path) > ($1.started, $1.path) }
            if !all, found.count > 1 { found.removeLast() }
        }
        guard !found.isEmpty else {
            // Searched all the same: a transcript from an older intake may
            // hold a reference today's rule refuses.
            if case .failure(let problem) = ClientReference.check(client) {
                throw UserFacingError("--client: \(problem); no session in \(folder) was saved under it")
            }
            throw UserFacingError("\(folder): no session of that client here (references match whole, upper or lower case alike): see every client's sessions with: intake sessions \(Invocation.shellQuoted(folder))")
        }
        return found.map(\.path)
    }
}

/// `intake sessions`: the saved sessions of a folder, newest first, one
/// line each (client, local start time, mode, how it ended, category,
/// file), to find a client's session without knowing file names.
public enum SessionList {
    public struct Options: Sendable {
        /// The folder; the one `intake run` uses when nil.
        public var folder: String?
        /// Only this client's sessions (upper or lower case alike).
        public var client: String?
        /// Only sessions started on or after this local date ("2026-11-26").
        public var since: String?
        /// Only sessions started today, on the local clock.
        public var today = false
        public var status: SessionEntry.Status?
        public var json = false
        /// At most this many, the most recent.
        public var limit = 200

        public init(
            folder: String? = nil, client: String? = nil, since: String? = nil, today: Bool = false, status: SessionEntry.Status? = nil,
            json: Bool = false, limit: Int = 200
        ) {
            self.folder = folder
            self.client = client
            self.since = since
            self.today = today
            self.status = status
            self.json = json
            self.limit = limit
        }
    }

    public static func run(_ options: Options, ports: Ports) throws {
        let folder = try options.folder ?? SessionOptions().transcriptFolder(environment: ports.environment)
        var from: Int64?
        if let since = options.since {
            guard let date = LocalTime.calendarDate(since) else {
                throw UserFacingError("--since: '\(Printable.escaped(since, limit: 40))' is not a date: write it as year-month-day, like 2026-11-26")
            }
            from = ports.timeZone.startOfDay(date)
        }
        if options.today {
            let now = ports.timeZone.local(ports.clock.milliseconds())
            let today = ports.timeZone.startOfDay((now.year, now.month, now.day))
            from = max(from ?? today, today)
        }
        var kept: [SessionEntry] = []
        var matched = 0
        let limit = max(1, options.limit)
        let unreadable = try SessionFolder.forEach(in: folder, files: ports.files) { entry in
            if let client = options.client, !(entry.header.client.map { ClientReference.same($0, client) } ?? false) { return }
            if let from, entry.header.startedMilliseconds < from { return }
            if let status = options.status, entry.status != status { return }
            matched += 1
            // The newest `limit`, kept in order as they come.
            let key = (entry.header.startedMilliseconds, entry.path)
            let index = kept.firstIndex { ($0.header.startedMilliseconds, $0.path) < key } ?? kept.endIndex
            if index < limit {
                kept.insert(entry, at: index)
                if kept.count > limit { kept.removeLast() }
            }
        }
        let console = Console(screen: ports.screen, plain: false, environment: ports.environment)
        if options.json {
            console.write(json(kept, folder: folder, matched: matched, unreadable: unreadable, zone: ports.timeZone).prettyPrinted())
        } else {
            show(kept, folder: folder, matched: matched, unreadable: unreadable, options: options, zone: ports.timeZone, program: ports.program, console: console)
        }
    }

    // MARK: - Showing

    static func show(
        _ entries: [SessionEntry], folder: String, matched: Int, unreadable: Int, options: Options, zone: LocalTimeZone, program: String, console: Console
    ) {
        console.line(console.paint("Sessions in \(Printable.escaped(folder, limit: 200)), newest first", .heading))
        if entries.isEmpty {
            console.line(matched == 0 && (options.client != nil || options.since != nil || options.today || options.status != nil)
                ? "No session matches." : "No sessions yet.")
        } else {
            let header = ["CLIENT", "STARTED", "MODE", "STATUS", "CATEGORY", "FILE"]
            let rows = entries.map { entry -> [String] in
                let local = zone.local(entry.header.startedMilliseconds)
                var status = entry.status.words
                if entry.damaged { status += " (last line damaged)" }
                return [
                    entry.header.client.map { Printable.escaped($0, limit: 64) } ?? "-",
                    "\(local.short) \(local.zoneName)", entry.header.mode.rawValue, status,
                    entry.category.map { Printable.escaped($0, limit: 40) } ?? "-",
                    Printable.escaped(entry.path, limit: 300),
                ]
            }
            var widths = header.map(ColumnWidth.of)
            for row in rows {
                for (index, cell) in row.enumerated() { widths[index] = max(widths[index], ColumnWidth.of(cell)) }
            }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { index, cell in index == cells.count - 1 ? cell : cell.padding(to: widths[index]) }
                    .joined(separator: "  ")
            }
            console.line(console.paint(line(header), .bold))
            for row in rows { console.line(line(row)) }
        }
        console.line()
        if matched > entries.count {
            console.paragraph("Showing the \(entries.count) most recent of \(matched) sessions that match: narrow the list with --client, --since or --today, or show more with --limit N.")
        } else if !entries.isEmpty {
            console.line("\(entries.count) session\(entries.count == 1 ? "" : "s").")
        }
        if unreadable > 0 {
            console.paragraph("\(unreadable) file\(unreadable == 1 ? " is" : "s are") not a session intake can read; see what is wrong with: \(program) replay \(Invocation.shellQuoted(folder))")
        }
        if !entries.isEmpty {
            let inFolder = options.folder.map { " --transcripts \(Invocation.shellQuoted($0))" } ?? ""
            console.paragraph("A client's report: \(program) report --client REF\(inFolder) (add --format html --output FILE for the page to print). This list reads each file's first and last lines; to check every line of every record:", style: .dim)
            console.line(console.paint("  \(program) replay \(Invocation.shellQuoted(folder)) --check", .dim))
        }
    }

    static func json(_ entries: [SessionEntry], folder: String, matched: Int, unreadable: Int, zone: LocalTimeZone) -> JSONValue {
        .object([
            "folder": .string(folder),
            "matched": .number(matched),
            "shown": .number(entries.count),
            "notSessions": .number(unreadable),
            "sessions": .array(entries.map { entry in
                let local = zone.local(entry.header.startedMilliseconds)
                var object = JSONObject()
                object.set("client", entry.header.client.map(JSONValue.string) ?? .null)
                object.set("started", .string(entry.header.started))
                object.set("startedLocal", .string("\(local.short) \(local.zoneName)"))
                object.set("mode", .string(entry.header.mode.rawValue))
                object.set("status", .string(entry.status.rawValue))
                object.set("category", entry.category.map(JSONValue.string) ?? .null)
                object.set("damaged", .bool(entry.damaged))
                object.set("file", .string(entry.path))
                return .object(object)
            }),
        ])
    }
}
