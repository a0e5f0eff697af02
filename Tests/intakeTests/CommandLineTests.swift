import Foundation
import IntakeTesting
import Testing

/// What only the binary shows: help, the version, completion scripts,
/// `intake` with no arguments, usage errors and their exit code, and that
/// the graph command prints what the library draws. Interviews, answer
/// files and validation run in-process in `IntakeKitTests`.
@Suite("The command line")
struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try IntakeProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        let help = try IntakeProcess.run(["run", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--answers <file>"))
        #expect(help.output.contains("--questionnaire <file>"))
        let completion = try IntakeProcess.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.output.contains("_intake"))
    }

    /// `intake` alone, as a front desk starts it all day, runs the interview
    /// (without the argument parser); `intake --help` lists the commands.
    @Test func intakeAloneRunsTheInterview() throws {
        let result = try IntakeProcess.run([], input: "over 50\n")
        #expect(result.status == 0)
        #expect(result.output.contains("How old are you?"))
        #expect(result.output.contains("Answer: Over 50"))
        #expect(result.output.contains("intake run --resume "))
        let help = try IntakeProcess.run(["--help"])
        #expect(help.output.contains("SUBCOMMANDS:"))
    }

    @Test func usageErrorsExitTwoNotSixtyFour() throws {
        let result = try IntakeProcess.run(["run", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.error.contains("--no-such-option"))
    }

    /// `run` is the default command, so a mistyped command used to get the
    /// run command's usage. It is named, with the command it is closest
    /// to; options alone still start the interview.
    @Test func aMistypedCommandIsNamedWithTheNearestOne() throws {
        let mistyped = try IntakeProcess.run(["reprot", "x.jsonl"])
        #expect(mistyped.status == 2)
        #expect(mistyped.error.contains("'reprot' is not an intake command: did you mean 'report'?"), "\(mistyped.error)")
        #expect(!mistyped.error.contains("--answers"), "not the run command's usage")
        #expect(mistyped.error.split(separator: "\n").count == 1)
        let unknown = try IntakeProcess.run(["answers.json"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("'answers.json' is not an intake command (the commands are run, score, replay, sessions, report"), "\(unknown.error)")
        let reception = try IntakeProcess.run(["--mode", "reception"], input: "A-1\nover 50\n")
        #expect(reception.status == 0, "\(reception.error)")
        #expect(reception.output.contains("How old is the client?") || reception.output.contains("Answer: Over 50"), "\(reception.output)")
    }

    /// `intake graph` prints what `InProcessIntake.graph` draws, in both
    /// formats, so the in-process authoring tests hold for the command.
    @Test func graphPrintsWhatTheLibraryDraws() throws {
        let intake = InProcessIntake()
        for (name, format) in [("dot", InProcessIntake.GraphFormat.dot), ("mermaid", .mermaid)] {
            let command = try IntakeProcess.run(["graph", "--format", name])
            #expect(command.status == 0)
            #expect(command.output == intake.graph(format: format).output, "\(name)")
        }
    }
}
