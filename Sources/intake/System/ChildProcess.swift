#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Runs another program (the browser, CUPS's `lp`): found on the `PATH`,
/// started without a shell (arguments are never parsed by one), standard
/// input empty, its output gathered, and stopped with all its children
/// when it takes longer than it may.
struct ChildProcess {
    /// What a finished program left.
    struct Result {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        /// Standard output and standard error together, at most 64 KB.
        var output: String
        var timedOut: Bool
    }

    /// The full path of `name` on `PATH`, when it is there and can be run.
    static func find(_ name: String, path: String? = ProcessEnvironment.variables["PATH"]) -> String? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Runs `program` with `arguments` and `environment`, waiting at most
    /// `timeout` seconds; throws a reason in words when it cannot start.
    static func run(_ program: String, _ arguments: [String], environment: [String: String], timeout: Int) throws(ChildProcessError) -> Result {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw ChildProcessError(reason: "cannot make a pipe: \(DiskFiles.reason(errno))") }
        // Not inherited by anything else this process starts.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        defer { close(pipeEnds[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own, so a browser that hangs is stopped with every
        // process it started; default signal handling, whatever intake set.
        var defaults = sigset_t()
        sigfillset(&defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        close(pipeEnds[1])
        guard spawned == 0 else { throw ChildProcessError(reason: "cannot start \(program): \(DiskFiles.reason(spawned))") }

        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = monotonicSeconds() + Double(timeout)
        var status: Int32 = 0
        var exited = false
        var timedOut = false
        var open = true
        while !exited {
            if open {
                var poller = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 100) > 0 {
                    let count = read(pipeEnds[0], &buffer, buffer.count)
                    if count > 0 {
                        if output.count < 1 << 16 { output.append(contentsOf: buffer[0..<count]) }
                    } else if count == 0 || errno != EINTR {
                        open = false
                    }
                }
            } else {
                usleep(50_000)
            }
            var raw: Int32 = 0
            let waited = waitpid(pid, &raw, WNOHANG)
            if waited == pid {
                exited = true
                status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
            } else if waited < 0, errno != EINTR {
                exited = true
                status = 1
            } else if monotonicSeconds() > deadline {
                kill(-pid, SIGKILL)
                timedOut = true
            }
        }
        // Its children may still hold the pipe: stop them too.
        kill(-pid, SIGKILL)
        return Result(status: status, output: String(decoding: output, as: UTF8.self), timedOut: timedOut)
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

/// Why a program could not be run, in words.
struct ChildProcessError: Error {
    var reason: String
}
