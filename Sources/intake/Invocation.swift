#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Commands printed for the user to paste (the resume command, "see what
/// changed with: ..."): they must work when pasted as they are, from any
/// folder.
enum Invocation {
    /// intake as the user started it: `intake` when it was found on the
    /// `PATH`, otherwise the full path of the binary (`make run` starts
    /// `.build/debug/intake`, which no other folder would find).
    static let program: String = {
        let typed = CommandLine.arguments.first ?? "intake"
        guard typed.contains("/") else { return typed }
        return shellQuoted(absolute(typed))
    }()

    /// `path` from the root, with `.`, `..` and links resolved, or as given
    /// when it cannot be resolved (it no longer exists).
    static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A command line of intake, its paths quoted for a POSIX shell.
    static func command(_ words: String...) -> String {
        ([program] + words).joined(separator: " ")
    }
}
