import Foundation
import PackagePlugin

/// Compiles the default questionnaire and its companion files into the
/// `intake` binary, so it runs the interview from any folder and the binary
/// can be copied anywhere. The files in `Questionnaires/` stay the source of
/// truth: editing one rebuilds the embedded copy.
@main
struct EmbedQuestionnaires: BuildToolPlugin {
    /// The files embedded, relative to the package root.
    static let files = [
        "Questionnaires/massage-intake.json",
        "Questionnaires/medications.json",
        "Questionnaires/massage-intake.rules.json",
        // Korean words for its options and scales, and Korean medicine names.
        "Questionnaires/massage-intake.ko.aliases.json",
        "Questionnaires/medications.ko.json",
        // The follow-up check-in, so its sessions replay and report anywhere.
        "Questionnaires/follow-up.json",
        "Questionnaires/follow-up.rules.json",
        // Earlier versions of the default questionnaire, its rules and
        // medicines, kept so sessions recorded with them replay as they were.
        "Questionnaires/versions/1.0.0/massage-intake.json",
        "Questionnaires/versions/1.0.0/massage-intake.rules.json",
        "Questionnaires/versions/1.0.0/medications.json",
        // As they were while the default questionnaire was at 2.0.0: the
        // follow-up check-in of then (1.0.0) reads that medicines list too.
        "Questionnaires/versions/2.0.0/massage-intake.json",
        "Questionnaires/versions/2.0.0/massage-intake.rules.json",
        "Questionnaires/versions/2.0.0/medications.json",
        "Questionnaires/versions/2.0.0/follow-up.json",
        "Questionnaires/versions/2.0.0/follow-up.rules.json",
    ]

    /// Translations of the files above, embedded when they exist (a
    /// language may not have them yet): `NAME.LANG.json`.
    static let translations = [
        "Questionnaires/massage-intake.ko.json",
        "Questionnaires/massage-intake.rules.ko.json",
        "Questionnaires/follow-up.ko.json",
        "Questionnaires/follow-up.rules.ko.json",
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let present = Self.translations.filter { FileManager.default.fileExists(atPath: root.appending(path: $0).path()) }
        let files = Self.files + present
        let inputs = files.map { root.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default questionnaire",
                executable: try context.tool(named: "embed-text").url,
                arguments: [output.path()] + zip(files, inputs).map { "\($0.0)=\($0.1.path())" },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
