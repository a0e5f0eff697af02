#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit
import QuestionnaireModel
import SystemPackage

/// PDFs made by a headless Chromium (`Browser`): the page is printed with
/// `--print-to-pdf --no-pdf-header-footer`, at the paper size its
/// `@page` rule names.
///
/// The browser reads the page from a file, so the page (health
/// information) is written to a private scratch folder (0700, the file
/// 0600) made for this one PDF and removed with everything the browser
/// put there, whatever happens. The browser is given that folder as its
/// home and profile, so nothing of it lands in the person's `HOME`.
struct HeadlessChromium: Browser {
    /// Debian's package, and the names the browser goes by elsewhere.
    static let package = "chromium"
    static let names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]
    /// A report takes a few seconds; a browser that takes this long is stuck.
    static let timeout = 90

    func pdf(fromHTML html: [UInt8]) throws(BrowserError) -> [UInt8] {
        guard let program = Self.names.lazy.compactMap({ ChildProcess.find($0) }).first else {
            throw .notInstalled(package: Self.package)
        }
        let scratch: ScratchFolder
        do {
            scratch = try ScratchFolder()
        } catch {
            throw .failed(error.reason)
        }
        defer { scratch.remove() }
        let page = scratch.path + "/report.html"
        let pdf = scratch.path + "/report.pdf"
        do {
            try scratch.write(html, to: page)
        } catch {
            throw .failed(error.reason)
        }
        var environment = ProcessEnvironment.variables
        for variable in ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"] { environment[variable] = scratch.path }
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-sync", "--disable-background-networking", "--disable-component-update", "--disable-breakpad",
            "--user-data-dir=\(scratch.path)/profile", "--print-to-pdf=\(pdf)", "--no-pdf-header-footer",
        ]
        // Chromium's sandbox cannot run as root, nor where the system gives
        // it no namespaces (many containers): then it runs without one. The
        // page is intake's own, with no scripts and nothing to load.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        let url = "file://" + page
        var result: ChildProcess.Result
        do {
            result = try ChildProcess.run(program, arguments + [url], environment: environment, timeout: Self.timeout)
            if result.status != 0, !arguments.contains("--no-sandbox"), result.output.contains("sandbox") {
                result = try ChildProcess.run(program, arguments + ["--no-sandbox", url], environment: environment, timeout: Self.timeout)
            }
        } catch {
            throw .failed(error.reason)
        }
        if result.timedOut { throw .failed("\(program) did not finish within \(Self.timeout) seconds") }
        guard let bytes = try? DiskFiles().read(pdf, limit: 64 << 20), bytes.starts(with: Array("%PDF".utf8)) else {
            throw .failed(Self.lastError(result.output) ?? "\(program) ended with status \(result.status) and wrote no PDF")
        }
        return bytes
    }

    /// The browser's last error line, without its process and time prefix.
    static func lastError(_ output: String) -> String? {
        let lines = output.split(separator: "\n").filter { $0.contains("ERROR") || $0.contains("FATAL") }
        guard let line = lines.last else { return output.split(separator: "\n").last.map(String.init) }
        if let end = line.firstIndex(of: "]") { return String(line[line.index(after: end)...]).trimmingSpaces() }
        return String(line)
    }
}

/// A private folder of its own under `TMPDIR` (or `/tmp`), removed with
/// all it holds.
struct ScratchFolder {
    let path: String

    init() throws(ChildProcessError) {
        let base = ProcessEnvironment.variables["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(((base.hasSuffix("/") ? base : base + "/") + "intake-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ChildProcessError(reason: "cannot make a private scratch folder in \(base): \(DiskFiles.reason(errno))")
        }
        path = String(cString: made)
    }

    /// Writes a new file readable by its owner only.
    func write(_ bytes: [UInt8], to file: String) throws(ChildProcessError) {
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(file), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec, .noFollow], permissions: [.ownerReadWrite])
            defer { try? descriptor.close() }
            try descriptor.writeAll(bytes)
        } catch {
            throw ChildProcessError(reason: "\(file): \(DiskFiles.reason(error))")
        }
    }

    /// Removes the folder and everything in it, never following a link out of it.
    func remove() {
        Self.removeTree(path)
    }

    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if let directory = opendir(path) {
                var names: [String] = []
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(directory)
                for name in names { removeTree(path + "/" + name) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
