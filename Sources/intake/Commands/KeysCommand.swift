import ArgumentParser
import IntakeKit

/// `intake keys`: the desk key that signs this desk's sessions.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make, show or export the desk key that signs this desk's sessions.",
        discussion: """
            A desk key is an Ed25519 key pair. The private key stays in your config folder \
            ($XDG_CONFIG_HOME/intake/, else ~/.config/intake/), readable by you only; once \
            it exists, every session you record is signed where it pauses or ends. A \
            supervisor checks the signatures with the public key file: intake replay \
            --check --trusted-keys DIR. A signature shows which desk key sealed a session \
            and that nothing it sealed changed since; it cannot tell who held the key.
            """,
        subcommands: [Init.self, Show.self, Export.self]
    )

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Make this desk's key pair; sessions are signed from then on.")

        @Option(name: .long, help: ArgumentHelp("The desk's name, shown when a supervisor checks its sessions (e.g. \"Front desk 1\").", valueName: "name"))
        var desk: String

        @Flag(name: .long, help: "Replace an existing desk key. Sessions it signed can then only be checked with its exported public key.")
        var force = false

        func run() throws {
            try DeskKeys.run(DeskKeys.Options(.create(desk: desk, replacing: force)), ports: Ports.process())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the desk's name, key id and public key.")

        func run() throws {
            try DeskKeys.run(DeskKeys.Options(.show), ports: Ports.process())
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the desk's public key file, for a supervisor's trusted keys folder.")

        @Argument(help: ArgumentHelp("The file to write (not replaced if it exists); name it DESK.pub.", valueName: "file"), completion: .file(extensions: ["pub"]))
        var file: String

        func run() throws {
            try DeskKeys.run(DeskKeys.Options(.export(path: file)), ports: Ports.process())
        }
    }
}
