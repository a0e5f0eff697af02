import InterviewEngine
import QuestionnaireModel
import Scoring
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A whole folder of transcripts in one summary. Files are read one at a
/// time as the folder is listed, so memory does not grow with the number of
/// sessions; only the names of files with problems are kept.
struct FolderSummary {
    var folder: String
    var sessions = 0
    var completed = 0
    var unfinished = 0
    /// Completed sessions by the category recorded.
    var byCategory: [String: Int] = [:]
    var mismatched: [(file: String, reason: String)] = []
    var damaged: [(file: String, reason: String)] = []
    var tampered: [(file: String, reason: String)] = []
    var otherQuestionnaire: [String] = []
    var unreadable: [(file: String, reason: String)] = []

    /// Files that make `--check` fail.
    var failures: Int { mismatched.count + damaged.count + tampered.count + unreadable.count }

    static func scan(_ folder: String, content: Content) throws -> FolderSummary {
        guard let directory = opendir(folder) else {
            throw UserFacingError("\(folder): cannot read the folder: \(Files.reason(errno))")
        }
        defer { closedir(directory) }
        var summary = FolderSummary(folder: folder)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".jsonl"), !name.hasPrefix(".") else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            summary.add(name: name, path: path, content: content)
        }
        summary.sortProblems()
        return summary
    }

    private mutating func add(name: String, path: String, content: Content) {
        let bytes: [UInt8]
        do {
            bytes = try Files.read(path, limit: TranscriptDocument.maxBytes)
        } catch {
            unreadable.append((name, error.message))
            return
        }
        let result = TranscriptCheck(path: path, bytes: bytes, content: content)
        if result.isForAnotherQuestionnaire {
            otherQuestionnaire.append(name)
            return
        }
        sessions += 1
        if let problem = result.document.problems.first(where: { $0.kind == .tampered }) {
            tampered.append((name, problem.description))
        }
        if let problem = result.document.problems.first(where: { $0.kind == .damaged || $0.kind == .torn }) {
            damaged.append((name, problem.description))
        }
        if result.document.header == nil { return }
        if let step = result.stepMismatches.first {
            mismatched.append((name, "line \(step.entry.line): \(step.mismatch ?? "")"))
        } else if result.outcomeDiffers, let recorded = result.recorded, let fresh = result.fresh {
            mismatched.append((name, "outcome was \(recorded.category), is now \(fresh.category.code)"))
        }
        if result.isCompleted {
            completed += 1
            byCategory[result.recorded?.category ?? "none", default: 0] += 1
        } else {
            unfinished += 1
        }
    }

    private mutating func sortProblems() {
        mismatched.sort { $0.file < $1.file }
        damaged.sort { $0.file < $1.file }
        tampered.sort { $0.file < $1.file }
        unreadable.sort { $0.file < $1.file }
        otherQuestionnaire.sort()
    }

    func show(on console: Console) {
        console.line(console.paint("Sessions in \(folder)", .heading))
        console.line("  \(sessions) session\(sessions == 1 ? "" : "s"): \(completed) completed, \(unfinished) unfinished")
        for (category, count) in byCategory.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            console.line("    \(category.padding(to: 26)) \(count)")
        }
        func list(_ title: String, _ items: [(file: String, reason: String)]) {
            guard !items.isEmpty else { return }
            console.line()
            console.line(console.paint("\(title) (\(items.count))", .bold))
            for item in items { console.paragraph("\(item.file): \(item.reason)", indent: 2) }
        }
        list("Outcome or replay mismatches", mismatched)
        list("Tampered (hash chain broken)", tampered)
        list("Damaged", damaged)
        list("Unreadable", unreadable)
        if !otherQuestionnaire.isEmpty {
            console.line()
            console.line("Sessions of other questionnaires, not checked: \(otherQuestionnaire.count)")
        }
        if failures == 0 {
            console.line()
            console.line("Every session replays as recorded.")
        }
    }

    var json: JSONValue {
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
            "categories": .object(categories),
            "mismatched": list(mismatched),
            "tampered": list(tampered),
            "damaged": list(damaged),
            "unreadable": list(unreadable),
            "otherQuestionnaires": .array(otherQuestionnaire.map(JSONValue.string)),
        ])
    }
}
