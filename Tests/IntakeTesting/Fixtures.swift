import Foundation

/// Where the test material is: the package's own files, found from this
/// file's path.
public enum Fixtures {
    /// The package root.
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A path from the package root.
    public static func path(_ relative: String) -> String {
        (packageRoot as NSString).appendingPathComponent(relative)
    }

    /// The bytes of a file of the package.
    public static func bytes(_ relative: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path(relative)) ?? Data())
    }

    /// The text of a file of the package.
    public static func text(_ relative: String) -> String {
        String(decoding: bytes(relative), as: UTF8.self)
    }
}

/// A temporary folder removed when the value goes away, private (0700) like
/// any folder intake saves sessions to.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("intake-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        path = base.path
    }

    /// Writes `contents` to `name` in the folder; returns its path.
    @discardableResult
    public func file(_ name: String, _ contents: String) throws -> String {
        let target = (path as NSString).appendingPathComponent(name)
        try contents.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
