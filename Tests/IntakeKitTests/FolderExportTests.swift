import Foundation
import IntakeKit
import IntakeTesting
import QuestionnaireModel
import Testing

/// `intake export FOLDER`: every session of a folder as FHIR, one resource
/// a line (NDJSON, as FHIR Bulk Data files are), oldest first; a session
/// that does not check out is named on standard error and left out.
@Suite("Exporting a folder of sessions")
struct FolderExportTests {
    /// Three sessions in the memory sessions folder: two persons' answer
    /// files, then one stopped after two answers; the second then altered.
    static func folder() throws -> (intake: InProcessIntake, transcripts: [String]) {
        let intake = InProcessIntake()
        for persona in ["01-desk-worker-neck.json", "05-knee-oa-apixaban-firm.json"] {
            let run = intake.run(SessionOptions(answers: Fixtures.path("Tests/Personas/\(persona)")), typing: [])
            #expect(run.status == 0, "\(run.error)")
            intake.clock.now += 60_000
        }
        let stopped = intake.run(SessionOptions(), typing: ["", "2", "2 years", ":quit"])
        #expect(stopped.status == 0, "\(stopped.error)")
        return (intake, intake.transcripts)
    }

    @Test func everySessionIsOneLineOfValidFHIROldestFirst() throws {
        let (intake, transcripts) = try Self.folder()
        #expect(transcripts.count == 3)
        let export = intake.export(Export.Options(transcript: InProcessIntake.sessions))
        #expect(export.status == 0, "\(export.error)")
        #expect(export.error == "Exported 3 sessions.\n")
        let lines = export.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let resources = try lines.map { try JSONParser.parse(Array($0.utf8)) }
        #expect(resources.map { $0["status"]?.stringValue } == ["completed", "completed", "in-progress"])
        // Each line is what exporting that session alone gives, compact.
        for (line, transcript) in zip(lines, transcripts) {
            let alone = intake.export(Export.Options(transcript: transcript))
            #expect(try JSONParser.parse(Array(alone.output.utf8)).serialized() == line)
        }
        #expect(try FHIRCheck.validate(resources) == [nil, nil, nil])

        let bundles = intake.export(Export.Options(transcript: InProcessIntake.sessions, format: .fhirBundle, output: "/memory/all.ndjson"))
        #expect(bundles.status == 0, "\(bundles.error)")
        #expect(bundles.output.isEmpty)
        #expect(bundles.error == "Exported 3 sessions to /memory/all.ndjson.\n")
        let written = try #require(intake.files.text("/memory/all.ndjson")).split(separator: "\n")
        #expect(written.count == 3)
        let bundle = try JSONParser.parse(Array(written[1].utf8))
        #expect(bundle["resourceType"]?.stringValue == "Bundle")
        #expect(try FHIRCheck.validate(written.map { try JSONParser.parse(Array($0.utf8)) }) == [nil, nil, nil])
    }

    @Test func anAlteredSessionIsNamedAndLeftOutAndTheRestAreWritten() throws {
        let (intake, transcripts) = try Self.folder()
        let altered = transcripts[1]
        let text = intake.text(altered).replacingOccurrences(of: "\"raw\":\"3\"", with: "\"raw\":\"4\"")
        #expect(text != intake.text(altered), "the test alters an answer")
        intake.files.place(Array(text.utf8), at: altered)
        intake.files.place(Array("not a transcript\n".utf8), at: InProcessIntake.sessions + "/zz-notes.jsonl")
        let export = intake.export(Export.Options(transcript: InProcessIntake.sessions))
        #expect(export.status == 1)
        let said = export.error.split(separator: "\n").map(String.init)
        #expect(said.count == 3, "\(export.error)")
        #expect(said[0].hasPrefix(altered + ": "))
        #expect(said[0].contains("is not exported"))
        #expect(said[1].hasPrefix(InProcessIntake.sessions + "/zz-notes.jsonl: not an intake transcript (line 1: not valid JSON"))
        #expect(said[2] == "Exported 2 sessions; 2 not exported (said above).")
        #expect(export.output.split(separator: "\n").count == 2)
    }
}

/// A folder replay runs its sessions on several threads (the binary on the
/// machine's cores); the summary must be what one thread gives.
@Suite("A folder replayed on several threads")
struct ParallelFolderReplayTests {
    @Test func theSummaryIsTheSameOnOneThreadAndOnSeveral() throws {
        let (intake, transcripts) = try FolderExportTests.folder()
        // More sessions than one batch holds, with one altered and one torn.
        let folder = "/memory/many"
        try intake.files.prepareFolder(folder)
        for copy in 0..<50 {
            for (index, transcript) in transcripts.enumerated() {
                var text = intake.text(transcript)
                if copy == 7, index == 1 { text = text.replacingOccurrences(of: "\"raw\":\"3\"", with: "\"raw\":\"4\"") }
                if copy == 31, index == 0 { text = String(text.dropLast(9)) }
                intake.files.place(Array(text.utf8), at: "\(folder)/2026\(String(format: "%04d", copy))-\(index).jsonl")
            }
        }
        intake.workers = OneWorker()
        let one = intake.replay(Replay.Options(path: folder, check: true, json: true))
        intake.workers = ThreadWorkers()
        let several = intake.replay(Replay.Options(path: folder, check: true, json: true))
        #expect(one.status == 1)
        #expect(several.status == one.status)
        #expect(several.output == one.output)
        let summary = try JSONParser.parse(Array(one.output.utf8))
        #expect(summary["sessions"]?.numberValue?.integer == 150)
        #expect(one.output.contains("20260007-1.jsonl"))
        #expect(one.output.contains("20260031-0.jsonl"))
    }
}
