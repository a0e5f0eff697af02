import Foundation
import IntakeTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Bad files as only the real disk makes them: a folder, a missing file, a
/// sparse 100 MB file, `/dev/zero`, a FIFO without a writer, a file without
/// read permission, and pipes with a writer. Each is refused by the binary
/// with exit 2 and one line on standard error naming the file and the
/// reason, in the disk's own words (what each command makes of a file's
/// bytes is tested in-process in `IntakeKitTests/HardeningFileTests.swift`).
/// One command per role: every command reads its files the same way.
@Suite("Bad files on the real disk")
struct DiskFileTests {
    enum Role: String, CaseIterable, Sendable {
        case questionnaire, rules, answers, transcript
    }

    enum Defect: String, CaseIterable, Sendable {
        case hundredMegabytes, folder, missing, devZero, fifo
    }

    /// A good file of each role.
    static func base(_ role: Role) -> [UInt8] {
        switch role {
        case .questionnaire: Fixtures.bytes("Questionnaires/massage-intake.json")
        case .rules: Fixtures.bytes("Questionnaires/massage-intake.rules.json")
        case .answers: Fixtures.bytes("Tests/Fixtures/complete-answers.json")
        case .transcript: Fixtures.bytes("Transcripts/examples/good-fit-neck.jsonl")
        }
    }

    /// The largest file of each role intake reads, in MB.
    static func limit(_ role: Role) -> Int {
        switch role {
        case .questionnaire: 64
        case .rules, .transcript: 4
        case .answers: 1
        }
    }

    /// What the one line must say, besides the file's name.
    static func expected(_ role: Role, _ defect: Defect) -> String {
        switch defect {
        case .hundredMegabytes: "the file is 100.0 MB, more than the \(limit(role)) MB limit"
        case .folder: "is a folder, not a file"
        case .missing: "no such file"
        case .devZero: "the file is larger than the \(limit(role)) MB limit"
        case .fifo: "a pipe with nothing written to it"
        }
    }

    /// A command that reads a file of `role` at `path`: sessions for two
    /// roles, the other commands for the other two.
    static func command(_ role: Role, _ path: String) -> [String] {
        switch role {
        case .questionnaire: ["run", "--questionnaire", path]
        case .rules: ["score", Fixtures.path("Tests/Fixtures/complete-answers.json"), "--rules", path]
        case .answers: ["run", "--answers", path]
        case .transcript: ["report", path]
        }
    }

    /// Makes the file for `defect` in `folder`; returns its path.
    static func make(_ role: Role, _ defect: Defect, in folder: TemporaryFolder) throws -> String {
        let path = (folder.path as NSString).appendingPathComponent(role == .transcript ? "bad.jsonl" : "bad.json")
        switch defect {
        case .hundredMegabytes:
            // Sparse: 100 MB long, nothing written. intake must refuse it by its size.
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 100 << 20)
            try handle.close()
        case .folder:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .missing:
            break
        case .devZero:
            return "/dev/zero"
        case .fifo:
            #expect(mkfifo(path, 0o600) == 0)
        }
        return path
    }

    @Test(arguments: Defect.allCases, Role.allCases)
    func aBadFileIsRefusedInOneLine(_ defect: Defect, _ role: Role) throws {
        let folder = try TemporaryFolder()
        let path = try Self.make(role, defect, in: folder)
        let arguments = Self.command(role, path)
        let started = Date()
        let result = try IntakeProcess.run(arguments, timeout: 30)
        let seconds = Date().timeIntervalSince(started)
        let command = "intake " + arguments.joined(separator: " ")
        #expect(result.status == 2, "\(command): \(result.error)")
        #expect(result.error.hasPrefix(path + ": "), "\(command): the line names the file: \(result.error)")
        let lines = result.error.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "\(command): one line on stderr, not:\n\(result.error)")
        #expect(result.error.contains(Self.expected(role, defect)), "\(command): \(result.error)")
        #expect(result.output.isEmpty, "\(command): nothing is asked from a bad file")
        #expect(seconds < 10, "\(command) took \(seconds) s")
    }

    /// Root reads any file, so under root (as CI runs) intake is started as
    /// the user nobody, for whom the file is as locked as for anyone.
    @Test(arguments: Role.allCases)
    func aFileWithoutReadPermissionIsRefused(_ role: Role) throws {
        let folder = try TemporaryFolder()
        let path = (folder.path as NSString).appendingPathComponent("locked.json")
        try Data(Self.base(role)).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0) == 0)
        var launcher: [String] = []
        if getuid() == 0 {
            // nobody must reach the file (and a copy of intake: the build
            // folder may be private) to be refused reading it.
            #expect(chmod(folder.path, 0o755) == 0)
            let copy = (folder.path as NSString).appendingPathComponent("intake")
            try FileManager.default.copyItem(atPath: IntakeProcess.binary, toPath: copy)
            #expect(chmod(copy, 0o755) == 0)
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", copy]
        }
        let arguments = Self.command(role, path)
        let result = try IntakeProcess.run(arguments, environment: ["INTAKE_TRANSCRIPTS": "/nonexistent/sessions"], timeout: 30, launcher: launcher)
        #expect(result.status == 2)
        #expect(result.error == "\(path): permission denied: check the name and the folder\n", "\(arguments)")
    }

    // MARK: - Pipes

    /// `--answers <(...)`: a pipe with a writer is read to its end.
    @Test func aPipeWithAWriterIsRead() throws {
        let answers = Fixtures.path("Tests/Fixtures/complete-answers.json")
        let script = "exec \"$0\" score <(cat \"$1\") --format json"
        let result = try IntakeProcess.run(["-c", script, IntakeProcess.binary, answers], input: [], timeout: 30, executable: "/bin/bash")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\"category\""))
    }

    /// A transcript handed over a pipe can only be read once, and is:
    /// `replay <(...)` and `report <(...)` work.
    @Test(arguments: ["replay", "report"])
    func aTranscriptOnAPipeIsRead(_ command: String) throws {
        let transcript = Fixtures.path("Transcripts/examples/good-fit-neck.jsonl")
        let script = "exec \"$0\" \(command) <(cat \"$1\")"
        let piped = try IntakeProcess.run(["-c", script, IntakeProcess.binary, transcript], input: [], timeout: 30, executable: "/bin/bash")
        let direct = try IntakeProcess.run([command, transcript], timeout: 30)
        #expect(piped.status == 0, "\(piped.error)")
        #expect(direct.status == 0, "\(direct.error)")
        #expect(!piped.output.isEmpty)
        #expect(piped.output == direct.output, "the same as from the file")
    }
}
