import Foundation
import IntakeTesting
import Testing

/// What only the binary shows about FHIR: the time zone it runs in, the new
/// commands' exit codes and help.
@Suite("FHIR on the command line")
struct FHIRCommandLineTests {
    static let persona = Fixtures.path("Tests/Personas/05-knee-oa-apixaban-firm.json")

    /// `authored` carries the offset of the time zone intake runs in, summer
    /// or winter, as the system works it out.
    @Test func anExportIsAuthoredInTheLocalTimeZone() throws {
        let folder = try TemporaryFolder()
        let run = try IntakeProcess.run(["run", "--answers", Self.persona, "--transcripts", folder.path])
        #expect(run.status == 0, "\(run.error)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".jsonl") })
        let transcript = (folder.path as NSString).appendingPathComponent(name)
        let india = try IntakeProcess.run(["export", transcript, "--format", "fhir-bundle"], environment: ["TZ": "Asia/Kolkata"])
        #expect(india.status == 0, "\(india.error)")
        #expect(india.output.contains(#""authored": ""#) && india.output.contains(#"+05:30""#), "\(india.output.prefix(600))")
        let utc = try IntakeProcess.run(["export", transcript], environment: ["TZ": "UTC"])
        #expect(utc.output.contains(#"Z","#) || utc.output.contains(#"Z""#))
    }

    @Test func theNewCommandsExitTwoOnUsageAndOneOnARecordThatDoesNotCheckOut() throws {
        let usage = try IntakeProcess.run(["export", "missing.jsonl", "--format", "xml"])
        #expect(usage.status == 2)
        #expect(usage.error.contains("fhir-bundle"))
        let convert = try IntakeProcess.run(["convert", "--to", "csv"])
        #expect(convert.status == 2)
        let help = try IntakeProcess.run(["--help"])
        #expect(help.output.contains("export") && help.output.contains("convert"))
        let strict = try IntakeProcess.run(["validate", "--strict", Fixtures.path("Tests/FHIRTests/Fixtures/stanford-NumberExample.json")])
        #expect(strict.status == 1, "\(strict.output)")
    }
}
