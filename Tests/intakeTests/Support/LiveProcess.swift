import Foundation

/// A running `intake` whose input is fed a line at a time and whose output
/// is watched as it comes, so a test can kill it at a chosen moment.
final class LiveProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let collected = LockedData()
    private let reader: Thread

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: IntakeProcess.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["INTAKE_TRANSCRIPTS"] = IntakeProcess.scratchTranscripts
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let handle = output.fileHandleForReading
        let sink = collected
        reader = Thread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                sink.append(chunk)
            }
        }
        try process.run()
        reader.start()
    }

    var text: String { String(decoding: collected.get(), as: UTF8.self) }

    func send(_ lines: some Sequence<String>) {
        for line in lines { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits until `condition` holds for the output, or the timeout passes.
    @discardableResult
    func wait(timeout: TimeInterval = 20, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(text) { return true }
            if !process.isRunning { return condition(text) }
            usleep(2_000)
        }
        return false
    }

    /// SIGKILL, then waits for the process to be gone.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
    }

    func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            killHard()
            return nil
        }
        return process.terminationStatus
    }
}

extension LockedData {
    func append(_ more: Data) {
        var current = get()
        current.append(more)
        set(current)
    }
}
