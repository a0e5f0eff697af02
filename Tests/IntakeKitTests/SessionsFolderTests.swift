import Foundation
import IntakeKit
import IntakeTesting
import LineEditing
import Testing

/// Where sessions go when nobody says: the per-user data folder, never the
/// folder intake was started in; where the welcome says they go; and the
/// commands printed to carry on, as typed where the person is.
@Suite("Where sessions go")
struct SessionsFolderTests {
    typealias Text = SessionText

    /// An intake with no sessions folder set, as a person has it.
    static func unset(_ environment: [String: String] = [:]) -> InProcessIntake {
        InProcessIntake(environment: ["INTAKE_TRANSCRIPTS": ""].merging(environment) { $1 })
    }

    @Test func byDefaultSessionsGoToTheUsersDataFolder() throws {
        let intake = Self.unset(["HOME": "/memory/alex"])
        let result = intake.run(typing: Array(Text.straight.prefix(2)) + [":quit"])
        #expect(result.status == 0, "\(result.error)")
        let folder = "/memory/alex/.local/share/intake/sessions"
        let saved = try #require(intake.files.transcripts(in: folder).first)
        #expect(result.output.contains("Answers are saved as you go, to \(folder)/"), "\(result.output)")
        #expect(result.output.contains("intake run --resume \(saved)"))
        // Nothing is left in the folder intake was started in.
        #expect(intake.files.transcripts(in: "Transcripts/sessions").isEmpty)
    }

    @Test func xdgDataHomeComesBeforeHomeAndMustBeAFullPath() throws {
        let xdg = Self.unset(["HOME": "/memory/alex", "XDG_DATA_HOME": "/memory/data"])
        _ = xdg.run(typing: [":quit"])
        #expect(xdg.files.transcripts(in: "/memory/data/intake/sessions").count == 1)
        // A relative XDG_DATA_HOME is ignored, as the XDG spec says.
        let relative = Self.unset(["HOME": "/memory/alex", "XDG_DATA_HOME": "data"])
        _ = relative.run(typing: [":quit"])
        #expect(relative.files.transcripts(in: "/memory/alex/.local/share/intake/sessions").count == 1)
    }

    @Test func transcriptsOptionAndVariableComeFirst() throws {
        let variable = Self.unset(["HOME": "/memory/alex", "INTAKE_TRANSCRIPTS": "/memory/desk"])
        _ = variable.run(typing: [":quit"])
        #expect(variable.files.transcripts(in: "/memory/desk").count == 1)
        _ = variable.run(SessionOptions(transcripts: "/memory/chosen"), typing: [":quit"])
        #expect(variable.files.transcripts(in: "/memory/chosen").count == 1)
    }

    @Test func withoutAHomeFolderItSaysHowToChooseOne() throws {
        let intake = Self.unset(["HOME": ""])
        let result = intake.run(typing: ["over 50"])
        #expect(result.status == 2)
        #expect(result.error.contains("neither HOME nor XDG_DATA_HOME is set"), "\(result.error)")
        #expect(result.error.contains("--transcripts DIR"))
    }

    /// `--plain` at a terminal (a screen reader) saves sessions too, so it
    /// is told where, like every other way of answering.
    @Test func theWelcomeSaysWhereInEveryMode() throws {
        let intake = InProcessIntake()
        let reader = ScriptedLineReader(lines: [":quit"])
        intake.keyboard = Keyboard(reader: reader, isInteractive: false, isTerminal: true, takeSignal: reader.takeSignal)
        let plain = intake.command { ports in
            var runner = try SessionRunner(options: SessionOptions(plain: true), ports: ports)
            try runner.run()
        }
        #expect(plain.output.contains("Answers are saved as you go, to \(InProcessIntake.sessions)/"), "\(plain.output)")
        for result in [
            intake.run(typing: [":quit"]),
            intake.run(SessionOptions(), reader: ScriptedLineReader(lines: [":quit"]), interactive: true),
        ] {
            #expect(result.output.contains("Answers are saved as you go, to \(InProcessIntake.sessions)/"), "\(result.output)")
        }
        // At reception the staff member reads it: it speaks of no "you".
        let reception = intake.run(SessionOptions(mode: .reception), typing: ["", ":quit", ":quit"])
        #expect(reception.output.contains("Answers are saved as the interview goes, to \(InProcessIntake.sessions)/"), "\(reception.output)")
        let stopped = try #require(intake.transcripts.first)
        let resumed = intake.run(SessionOptions(resume: stopped), typing: [":quit"])
        #expect(resumed.output.contains("Answers are saved as you go, to \(stopped)"), "\(resumed.output)")
    }

    /// Started by `make run`, the command to carry on is `make run` too,
    /// which works where the person typed it (the binary's path would too,
    /// but is not what they typed).
    @Test func startedByMakeTheResumeCommandIsMakeRun() throws {
        let intake = InProcessIntake(environment: ["INTAKE_MAKE_RUN": "1"])
        let result = intake.run(typing: ["over 50", ":quit"])
        let saved = try #require(intake.transcripts.first)
        #expect(result.output.contains("  make run ARGS=\"run --resume \(saved)\"\n"), "\(result.output)")
        let again = intake.run(SessionOptions(questionnaire: "Questionnaires/massage-intake.json", resume: saved), typing: [":quit"])
        #expect(again.output.contains(
            "  make run ARGS=\"run --resume \(saved) --questionnaire \(Fixtures.path("Questionnaires/massage-intake.json"))\"\n"), "\(again.output)")
    }

    /// `intake replay` with no path looks where `intake run` saves.
    @Test func replayWithoutAPathSummarisesTheSessionsFolder() throws {
        let intake = Self.unset(["HOME": "/memory/alex"])
        let nothingYet = intake.replay(.init(path: nil))
        #expect(nothingYet.status == 2)
        #expect(nothingYet.error.contains("/memory/alex/.local/share/intake/sessions: no sessions have been saved here yet"), "\(nothingYet.error)")
        _ = intake.run(typing: Array(Text.straight.prefix(2)) + [":quit"])
        let summary = intake.replay(.init(path: nil))
        #expect(summary.status == 0, "\(summary.error)")
        #expect(Text.words(summary.output).contains("1 session"), "\(summary.output)")
    }
}
