import InterviewEngine
import QuestionnaireModel
import Scoring
import Synchronization
import TerminalText

/// A whole folder of transcripts in one summary. Files are read one at a
/// time as the folder is listed, so memory does not grow with the number of
/// sessions; only the names of files with problems are kept, and the names
/// of the most recent unfinished sessions.
public struct FolderSummary {
    public internal(set) var folder: String
    /// Files whose first line is a transcript header.
    public internal(set) var sessions = 0
    public internal(set) var completed = 0
    public internal(set) var unfinished = 0
    /// The most recent unfinished sessions by name (names start with the
    /// UTC time), at most `unfinishedShown`.
    public internal(set) var unfinishedFiles: [String] = []
    static let unfinishedShown = 20
    /// Completed sessions by the category recorded.
    public internal(set) var byCategory: [String: Int] = [:]
    public internal(set) var mismatched: [(file: String, reason: String)] = []
    public internal(set) var damaged: [(file: String, reason: String)] = []
    public internal(set) var tampered: [(file: String, reason: String)] = []
    /// Sessions of a questionnaire no file was found for: their hash chains
    /// are checked, but they are not replayed.
    public internal(set) var otherQuestionnaire: [(file: String, reason: String)] = []
    public internal(set) var unreadable: [(file: String, reason: String)] = []
    /// What the signatures show (see `SignatureCounts`).
    public internal(set) var signatures = SignatureCounts()

    /// Sessions by what their signatures show. Without trusted keys nothing
    /// can be checked, so only counts are kept; with them, every session
    /// they did not sign is a problem, listed with its reason.
    public struct SignatureCounts {
        /// The folder or file of trusted public keys, when given.
        public internal(set) var trustedKeys: String?
        /// Sessions whose signatures checked out, by desk.
        public internal(set) var signedBy: [String: Int] = [:]
        /// Signed sessions not checked (no trusted keys given).
        public internal(set) var notVerified = 0
        public internal(set) var unsigned = 0
        public internal(set) var unknownKey = 0
        public internal(set) var altered = 0
        /// With trusted keys: each session they did not sign.
        public internal(set) var problems: [(file: String, status: SessionSignatures.Status, reason: String)] = []
    }

    /// Files that make `--check` fail.
    public var failures: Int { mismatched.count + damaged.count + tampered.count + unreadable.count + signatures.problems.count }

    /// Reads every `*.jsonl` file of `folder`, replaying each with its own
    /// questionnaire from `contents`, and checking its signatures with
    /// `trustedKeys` (where they came from, and the keys). Files are taken
    /// a few at a time as the folder is listed, each few shared among
    /// `workers` (the machine's cores), and what each shows is added in
    /// the order listed, so memory stays flat and the summary is the same
    /// however many workers there are.
    public static func scan(
        _ folder: String, contents: Content.Cache, files: FileSystem, clock: WallClock,
        trustedKeys: (source: String, keys: TrustedDeskKeys)? = nil, workers: Workers = OneWorker()
    ) throws -> FolderSummary {
        var summary = FolderSummary(folder: folder)
        summary.signatures.trustedKeys = trustedKeys?.source
        let keys = trustedKeys?.keys
        var batch: [String] = []
        func examineBatch() {
            let names = batch
            let findings = Mutex([Finding?](repeating: nil, count: names.count))
            workers.each(names.count) { index in
                let name = names[index]
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let finding = Finding(name: Printable.escaped(name, limit: 200), path: path, contents: contents, files: files, clock: clock, trustedKeys: keys)
                findings.withLock { $0[index] = finding }
            }
            for finding in findings.withLock({ $0 }) { if let finding { summary.add(finding) } }
            batch.removeAll(keepingCapacity: true)
        }
        try files.forEachName(in: folder) { name in
            guard name.hasSuffix(".jsonl"), !name.hasPrefix(".") else { return }
            batch.append(name)
            if batch.count == Self.batchSize { examineBatch() }
        }
        examineBatch()
        summary.sortProblems()
        return summary
    }

    /// How many files are read before what they show is added: enough to
    /// keep every core busy, few enough that memory stays small.
    static let batchSize = 64

    /// What one file shows, worked out on any thread.
    struct Finding: Sendable {
        var name: String
        var unreadable: String?
        var problems: [TranscriptDocument.Problem] = []
        var signatures: SessionSignatures?
        /// Whether the file is a session (its first line a transcript header).
        var isSession = false
        var otherQuestionnaire: String?
        var mismatch: String?
        var completed = false
        var category: String?

        init(name: String, path: String, contents: Content.Cache, files: FileSystem, clock: WallClock, trustedKeys: TrustedDeskKeys?) {
            self.name = name
            let bytes: [UInt8]
            do {
                bytes = try files.read(path, limit: TranscriptDocument.maxBytes)
            } catch {
                unreadable = error.message
                return
            }
            guard let content = contents.content(forTranscript: bytes) else {
                // No questionnaire to replay it with; the hash chain needs none.
                let document = TranscriptDocument(bytes)
                problems = document.problems
                guard let header = document.header else { return }
                signatures = SessionSignatures(document, trusted: trustedKeys)
                isSession = true
                otherQuestionnaire = "questionnaire '\(Printable.escaped(header.questionnaire.id ?? "?", limit: 200))'"
                return
            }
            let result = TranscriptCheck(path: path, bytes: bytes, content: content, clock: clock, trustedKeys: trustedKeys)
            problems = result.document.problems
            guard let header = result.document.header else { return }
            signatures = result.signatures
            isSession = true
            if result.isForAnotherQuestionnaire {
                otherQuestionnaire = "questionnaire '\(Printable.escaped(header.questionnaire.id ?? "?", limit: 200))'"
                return
            }
            if let step = result.stepMismatches.first {
                mismatch = "line \(step.entry.line): \(step.mismatch ?? "")"
            } else if result.outcomeDiffers, let recorded = result.recorded, let fresh = result.fresh {
                mismatch = "outcome was \(Printable.escaped(recorded.category, limit: 200)), is now \(fresh.category.code)"
            }
            completed = result.isCompleted
            if completed { category = result.recorded.map { Printable.escaped($0.category, limit: 200) } ?? "none" }
        }
    }

    private mutating func add(_ finding: Finding) {
        let name = finding.name
        if let reason = finding.unreadable {
            unreadable.append((name, reason))
            return
        }
        note(finding.problems, file: name)
        guard finding.isSession else { return }
        if let signatures = finding.signatures { note(signatures, file: name) }
        sessions += 1
        if let reason = finding.otherQuestionnaire {
            otherQuestionnaire.append((name, reason))
            return
        }
        if let mismatch = finding.mismatch { mismatched.append((name, mismatch)) }
        if finding.completed {
            completed += 1
            byCategory[finding.category ?? "none", default: 0] += 1
        } else {
            unfinished += 1
            keepUnfinished(name)
        }
    }

    private mutating func note(_ problems: [TranscriptDocument.Problem], file name: String) {
        if let problem = problems.first(where: { $0.kind == .tampered }) {
            tampered.append((name, problem.description))
        }
        if let problem = problems.first(where: { $0.kind == .damaged || $0.kind == .torn }) {
            damaged.append((name, problem.description))
        }
    }

    private mutating func note(_ signatures: SessionSignatures, file name: String) {
        switch signatures.status {
        case .signed: for desk in signatures.desks { self.signatures.signedBy[desk, default: 0] += 1 }
        case .notVerified: self.signatures.notVerified += 1
        case .unsigned: self.signatures.unsigned += 1
        case .unknownKey: self.signatures.unknownKey += 1
        case .altered: self.signatures.altered += 1
        }
        if signatures.fails {
            self.signatures.problems.append((name, signatures.status, signatures.reason))
        }
    }

    /// Keeps the name among the most recent unfinished sessions.
    private mutating func keepUnfinished(_ name: String) {
        if unfinishedFiles.count < Self.unfinishedShown {
            unfinishedFiles.append(name)
        } else if let oldest = unfinishedFiles.indices.min(by: { unfinishedFiles[$0] < unfinishedFiles[$1] }), unfinishedFiles[oldest] < name {
            unfinishedFiles[oldest] = name
        }
    }

    private mutating func sortProblems() {
        mismatched.sort { $0.file < $1.file }
        damaged.sort { $0.file < $1.file }
        tampered.sort { $0.file < $1.file }
        unreadable.sort { $0.file < $1.file }
        otherQuestionnaire.sort { $0.file < $1.file }
        signatures.problems.sort { $0.file < $1.file }
        unfinishedFiles.sort(by: >)
    }

    /// The summary in words; `invocation` names intake in the command to
    /// continue an unfinished session.
    public func show(on console: Console, invocation: Invocation) {
        console.line(console.paint("Sessions in \(Printable.escaped(folder, limit: 200))", .heading))
        let replayed = sessions - otherQuestionnaire.count
        console.line("  \(sessions) session\(sessions == 1 ? "" : "s"): \(completed) completed, \(unfinished) unfinished"
            + (otherQuestionnaire.isEmpty ? "" : ", \(otherQuestionnaire.count) of other questionnaires"))
        for (category, count) in byCategory.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            console.line("    \(category.padding(to: 26)) \(count)")
        }
        showSignatureCounts(on: console)
        func list(_ title: String, _ items: [(file: String, reason: String)]) {
            guard !items.isEmpty else { return }
            console.line()
            console.line(console.paint("\(title) (\(items.count))", .bold))
            for item in items { console.paragraph("\(item.file): \(item.reason)", indent: 2) }
        }
        func signatureProblems(_ status: SessionSignatures.Status) -> [(file: String, reason: String)] {
            signatures.problems.filter { $0.status == status }.map { ($0.file, $0.reason) }
        }
        list("Outcome or replay mismatches", mismatched)
        list("Altered after they were signed", signatureProblems(.altered))
        list("Signed by a key that is not trusted", signatureProblems(.unknownKey))
        list("Not signed by a trusted desk (to the end)", signatureProblems(.unsigned))
        list("Tampered (hash chain broken)", tampered)
        list("Damaged", damaged)
        list("Unreadable", unreadable)
        list("Not replayed: no questionnaire found for them (their hash chains were checked; pass --questionnaire)", otherQuestionnaire)
        if !unfinishedFiles.isEmpty {
            console.line()
            let more = unfinished - unfinishedFiles.count
            console.line(console.paint("Unfinished, most recent first (\(unfinished))", .bold))
            for name in unfinishedFiles { console.line("  \(name)") }
            if more > 0 { console.line("  and \(more) more") }
            console.line("  Continue one with: \(invocation.command("run", "--resume", invocation.path(folder) + "/NAME"))")
        }
        console.line()
        if failures > 0 {
            console.line("\(failures) file\(failures == 1 ? " needs" : "s need") a look.")
        } else if replayed == 0 {
            console.line("No session was replayed.")
        } else {
            console.line("Every session replayed\(otherQuestionnaire.isEmpty ? "" : " with its questionnaire") does what was recorded.")
        }
    }

    /// The sessions by signature: said when trusted keys were given or
    /// some session is signed, so a folder of unsigned sessions reads as before.
    private func showSignatureCounts(on console: Console) {
        let signedCount = signatures.signedBy.values.reduce(0, +) + signatures.notVerified
        guard signatures.trustedKeys != nil || signedCount > 0 else { return }
        console.line()
        guard let trustedKeys = signatures.trustedKeys else {
            console.line("  Signatures: \(signatures.notVerified) signed, \(signatures.unsigned) unsigned; not checked: give the desks' public key files with --trusted-keys DIR")
            return
        }
        console.line("  Signatures, checked with the trusted keys in \(Printable.escaped(trustedKeys, limit: 200)):")
        for (desk, count) in signatures.signedBy.sorted(by: { $0.key < $1.key }) {
            console.line("    \(("signed by \"" + Printable.escaped(desk, limit: 200) + "\"").padding(to: 40)) \(count)")
        }
        for (words, count) in [("altered after signing", signatures.altered), ("signed by a key not trusted", signatures.unknownKey), ("not signed", signatures.unsigned)] where count > 0 {
            console.line("    \(words.padding(to: 40)) \(count)")
        }
    }

    /// The summary for scripts (`replay DIR --json`).
    public var json: JSONValue {
        func list(_ items: [(file: String, reason: String)]) -> JSONValue {
            .array(items.map { .object(["file": .string($0.file), "reason": .string($0.reason)]) })
        }
        var categories = JSONObject()
        for (category, count) in byCategory.sorted(by: { $0.key < $1.key }) { categories.set(category, .number(count)) }
        return .object([
            "folder": .string(folder),
            "sessions": .number(sessions),
            "completed": .number(completed),
            "unfinished": .number(unfinished),
            "unfinishedRecent": .array(unfinishedFiles.map(JSONValue.string)),
            "categories": .object(categories),
            "mismatched": list(mismatched),
            "tampered": list(tampered),
            "damaged": list(damaged),
            "unreadable": list(unreadable),
            "otherQuestionnaires": list(otherQuestionnaire),
            "signatures": signatureJSON,
        ])
    }

    /// `signatures` in the JSON summary: the counts, and with trusted keys
    /// each session they did not sign.
    private var signatureJSON: JSONValue {
        var signedBy = JSONObject()
        for (desk, count) in signatures.signedBy.sorted(by: { $0.key < $1.key }) { signedBy.set(desk, .number(count)) }
        return .object([
            "trustedKeys": signatures.trustedKeys.map(JSONValue.string) ?? .null,
            "signedBy": .object(signedBy),
            "notVerified": .number(signatures.notVerified),
            "unsigned": .number(signatures.unsigned),
            "unknownKey": .number(signatures.unknownKey),
            "altered": .number(signatures.altered),
            "problems": .array(signatures.problems.map {
                .object(["file": .string($0.file), "status": .string($0.status.rawValue), "reason": .string($0.reason)])
            }),
        ])
    }
}
