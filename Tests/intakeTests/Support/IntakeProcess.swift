import Foundation

/// Runs the built `intake` binary as a user would, with a timeout so a hang
/// fails the test instead of freezing `swift test`.
struct IntakeProcess {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// The binary next to the test bundle in the build folder.
    static var binary: String {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The test runner lives in `<build>/intakePackageTests.xctest` or beside it.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("intake").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("intake").path
    }

    /// The package's root folder.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Where transcripts of tests that do not choose a folder go.
    static let scratchTranscripts = FileManager.default.temporaryDirectory.appendingPathComponent("intake-test-sessions-\(getpid())").path

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/intakeTests/Fixtures").appendingPathComponent(name).path
    }

    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        directory: String? = nil, timeout: TimeInterval = 30, launcher: [String] = []
    ) throws -> Result {
        let process = Process()
        // A launcher (such as setpriv running a copy of intake as another
        // user) is the whole command before intake's arguments.
        process.executableURL = URL(fileURLWithPath: launcher.first ?? binary)
        process.arguments = Array(launcher.dropFirst()) + arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        // Sessions of tests go to a scratch folder, never into the repository.
        env["INTAKE_TRANSCRIPTS"] = scratchTranscripts
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let outputData = LockedData()
        let errorData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(stdout, outputData), (stderr, errorData)] {
            group.enter()
            Thread {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }.start()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = group.wait(timeout: .now() + 5)
            throw TimedOut(arguments: arguments, output: String(decoding: outputData.get(), as: UTF8.self))
        }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 5)
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData.get(), as: UTF8.self),
            error: String(decoding: errorData.get(), as: UTF8.self))
    }

    struct TimedOut: Error, CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { "intake \(arguments.joined(separator: " ")) did not finish in time; output so far:\n\(output)" }
    }
}

/// Bytes shared between a reader thread and the test.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    func get() -> Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("intake-tests-\(UUID().uuidString)")
        // Private, like any folder intake will save sessions to.
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        path = base.path
    }

    func file(_ name: String, _ contents: String) throws -> String {
        let target = (path as NSString).appendingPathComponent(name)
        try contents.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
