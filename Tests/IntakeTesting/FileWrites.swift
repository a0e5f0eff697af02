import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells when a file is written to, as it happens, so a test can act at the
/// moment a process saves something: the kill -9 tests kill intake right
/// after an answer reaches its transcript, before it is acknowledged on
/// screen. Made before the writes it should see; no polling.
///
///     let writes = try FileWrites(path)
///     live.send(["2 years"])
///     #expect(writes.wait { answers(in: path) == 2 })
///     live.killHard()
public final class FileWrites {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    #if canImport(Glibc)
    /// An inotify instance watching the file for writes.
    private let descriptor: Int32

    public init(_ path: String) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "inotify_init1: errno \(errno)") }
        guard inotify_add_watch(descriptor, path, UInt32(IN_MODIFY)) >= 0 else {
            let error = errno
            close(descriptor)
            throw Failure(description: "\(path): cannot watch it: errno \(error)")
        }
    }

    deinit {
        close(descriptor)
    }

    /// Waits for the next write (or one since the last wait) until `deadline`.
    private func nextWrite(before deadline: Date) -> Bool {
        while true {
            let milliseconds = Int32(clamping: Int(max(0, deadline.timeIntervalSinceNow) * 1000))
            var watched = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&watched, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return false }
            // Take the events (writes not yet taken are merged into one).
            var events = [UInt8](repeating: 0, count: 4096)
            _ = read(descriptor, &events, events.count)
            return true
        }
    }
    #else
    private let source: DispatchSourceFileSystemObject
    private let written = DispatchSemaphore(value: 0)

    public init(_ path: String) throws {
        let descriptor = open(path, O_EVTONLY)
        guard descriptor >= 0 else { throw Failure(description: "\(path): cannot watch it: errno \(errno)") }
        source = DispatchSource.makeFileSystemObjectSource(fileDescriptor: descriptor, eventMask: .write, queue: .global())
        source.setEventHandler { [written] in written.signal() }
        source.setCancelHandler { close(descriptor) }
        source.resume()
    }

    deinit {
        source.cancel()
    }

    private func nextWrite(before deadline: Date) -> Bool {
        written.wait(timeout: .now() + max(0, deadline.timeIntervalSinceNow)) == .success
    }
    #endif

    /// Waits until `condition` holds, looking again each time the file is
    /// written to; whether it held before `timeout` passed. Writes are
    /// merged while nobody looks, so the condition reads the file rather
    /// than counting writes.
    @discardableResult
    public func wait(timeout: TimeInterval = 20, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard nextWrite(before: deadline) else { return condition() }
        }
        return true
    }
}
