import Foundation

/// The built `intake` binary run as a person would run it, for what only a
/// process shows: exit codes, signals, file modes, help, a kill. Every wait
/// has a timeout, after which the process is killed, so a hang fails the
/// test instead of freezing `swift test`; waits end as soon as the process
/// does (or its output arrives), never by polling.
public enum IntakeProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// A process that did not end in time, with what it printed so far.
    public struct TimedOut: Error, CustomStringConvertible {
        public var arguments: [String]
        public var output: String
        public var description: String { "\(arguments.joined(separator: " ")) did not finish in time; output so far:\n\(output)" }
    }

    /// The binary next to the test bundle in the build folder.
    public static let binary: String = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The test runner lives in `<build>/intakePackageTests.xctest` or beside it.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("intake").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("intake").path
    }()

    /// Where transcripts of processes that do not choose a folder go.
    public static let scratchTranscripts = FileManager.default.temporaryDirectory.appendingPathComponent("intake-test-sessions-\(getpid())").path

    /// Runs intake (or `launcher`, the whole command before intake's
    /// arguments, such as setpriv; or another `executable`) with `input` on
    /// standard input, which may be any bytes at all.
    public static func run(
        _ arguments: [String], input: [UInt8], environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 30, launcher: [String] = [], executable: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? executable ?? binary)
        process.arguments = Array(launcher.dropFirst()) + arguments
        process.environment = Self.environment(environment)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        // Only intake's own runs count (not pdftotext, chromium or sh).
        if executable == nil { SpawnCount.note(arguments) }
        let outputData = LockedData()
        let errorData = LockedData()
        let readers = DispatchGroup()
        for (pipe, sink) in [(stdout, outputData), (stderr, errorData)] {
            readers.enter()
            Thread {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                readers.leave()
            }.start()
        }
        Thread {
            // A process that exits without reading all of it closes the pipe: fine.
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
            try? stdin.fileHandleForWriting.close()
        }.start()
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = readers.wait(timeout: .now() + 5)
            throw TimedOut(arguments: arguments, output: String(decoding: outputData.get(), as: UTF8.self))
        }
        process.waitUntilExit()
        _ = readers.wait(timeout: .now() + 5)
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData.get(), as: UTF8.self),
            error: String(decoding: errorData.get(), as: UTF8.self))
    }

    /// Runs intake with `input` typed on standard input.
    public static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 30, launcher: [String] = []
    ) throws -> Result {
        try run(arguments, input: Array(input.utf8), environment: environment, directory: directory, timeout: timeout, launcher: launcher)
    }

    /// The test runner's environment without colour settings, sessions sent
    /// to a scratch folder (never into the repository), and `extra` on top.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["INTAKE_TRANSCRIPTS"] = scratchTranscripts
        for (key, value) in extra { env[key] = value }
        return env
    }
}

/// A running intake whose input is fed a line at a time and whose output is
/// watched as it comes, so a test can act (or kill it) at a chosen moment.
public final class LiveProcess {
    public let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    /// What the process printed, shared with the thread that reads it.
    private let collected = Collected()

    /// Output as it arrives, and a signal to waiters when more does or it ends.
    private final class Collected: @unchecked Sendable {
        let condition = NSCondition()
        var bytes = Data()
        var finished = false
    }

    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: IntakeProcess.binary)
        process.arguments = arguments
        process.environment = IntakeProcess.environment(environment)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let handle = output.fileHandleForReading
        try process.run()
        SpawnCount.note(arguments)
        Thread { [collected] in
            while true {
                let chunk = handle.availableData
                collected.condition.lock()
                if chunk.isEmpty { collected.finished = true } else { collected.bytes.append(chunk) }
                collected.condition.broadcast()
                collected.condition.unlock()
                if chunk.isEmpty { break }
            }
        }.start()
    }

    /// Everything printed so far.
    public var text: String {
        collected.condition.lock()
        defer { collected.condition.unlock() }
        return String(decoding: collected.bytes, as: UTF8.self)
    }

    public func send(_ lines: some Sequence<String>) {
        for line in lines { try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8)) }
    }

    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits until `condition` holds for the output (checked each time more
    /// arrives), the output ends, or the timeout passes.
    @discardableResult
    public func wait(timeout: TimeInterval = 20, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        collected.condition.lock()
        defer { collected.condition.unlock() }
        while true {
            if condition(String(decoding: collected.bytes, as: UTF8.self)) { return true }
            if collected.finished || !collected.condition.wait(until: deadline) {
                return condition(String(decoding: collected.bytes, as: UTF8.self))
            }
        }
    }

    /// SIGKILL, then waits for the process to be gone and all it printed
    /// before it died to be read (`text`).
    public func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        wait(timeout: 5) { _ in false }
    }

    /// The exit status, once the process has ended and all it printed has
    /// been read (so `text` holds its last words); nil when it did not end
    /// in time (it is killed).
    public func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        let ended = DispatchSemaphore(value: 0)
        let waiter = Thread { [process] in
            process.waitUntilExit()
            ended.signal()
        }
        waiter.start()
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            killHard()
            return nil
        }
        // The output ends with the process: wait for the reader to see its end.
        wait(timeout: max(0, deadline.timeIntervalSinceNow)) { _ in false }
        return process.terminationStatus
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

/// Counts the processes the tests start: with `INTAKE_TEST_SPAWN_LOG` set
/// to a file, each spawn appends a line naming its arguments there, so the
/// suite's number of spawns can be measured (`wc -l`).
public enum SpawnCount {
    public static func note(_ arguments: [String]) {
        guard let path = ProcessInfo.processInfo.environment["INTAKE_TEST_SPAWN_LOG"] else { return }
        // One write with O_APPEND: tests running in parallel cannot mix lines.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let line = Array((arguments.prefix(3).joined(separator: " ") + "\n").utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
