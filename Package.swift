// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "intake",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "intake", targets: ["intake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        // libedit's headers and library, found through pkg-config.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Non-variadic wrappers over libedit and the signal flag the REPL polls.
        .target(name: "CEditLine", dependencies: ["CLibEdit"]),
        // Terminal columns, wrapping and escaping to printable text: one
        // home for what the screen, the line editor and reports share.
        .target(name: "TerminalText"),
        .target(name: "LineEditing", dependencies: ["CEditLine", "TerminalText"]),
        .target(name: "QuestionnaireModel", dependencies: ["TerminalText"]),
        .target(
            name: "InterviewEngine",
            dependencies: ["QuestionnaireModel", "TerminalText", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Scoring", dependencies: ["QuestionnaireModel"]),
        .target(name: "Reports", dependencies: ["InterviewEngine", "Scoring", "QuestionnaireModel", "TerminalText"]),
        // FHIR R4: Questionnaire in, QuestionnaireResponse out, FHIRPath for the
        // expressions forms carry. Core: bytes in, values or diagnostics out.
        .target(
            name: "FHIR",
            dependencies: ["QuestionnaireModel", "InterviewEngine", "Scoring", .product(name: "Crypto", package: "swift-crypto")],
            // Swift 6.3.1's optimiser crashes ("Found outside of lifetime
            // use", in CopyPropagation) on this module's switches over
            // JSONValue in release builds; that one pass is turned off here.
            swiftSettings: [.unsafeFlags(["-Xllvm", "-sil-disable-pass=copy-propagation"], .when(configuration: .release))]
        ),
        .executableTarget(name: "embed-text"),
        .plugin(
            name: "EmbedQuestionnaires",
            capability: .buildTool(),
            dependencies: ["embed-text"]
        ),
        // The application: loading a questionnaire with its rules and
        // medicines, running sessions, checking and summing up transcripts,
        // reports and validation, over ports it is given (files, transcript
        // storage, a screen, a keyboard, a clock). No system calls, no
        // argument parsing: those are the executable's.
        .target(
            name: "IntakeKit",
            dependencies: ["LineEditing", "QuestionnaireModel", "InterviewEngine", "Scoring", "Reports", "FHIR", "TerminalText"],
            plugins: ["EmbedQuestionnaires"]
        ),
        // The command line: commands (Commands/), the terminal (Terminal/),
        // the disk, clock and process (System/), and exit codes.
        .executableTarget(
            name: "intake",
            dependencies: [
                "IntakeKit",
                "LineEditing",
                "QuestionnaireModel",
                "InterviewEngine",
                "Reports",
                "TerminalText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Test doubles for the ports (a scripted keyboard, a memory screen,
        // transcripts in memory, a manual clock), intake's commands run
        // in-process over them, the one runner for tests that need the
        // binary, and the schema check shared by the schema tests.
        .target(
            name: "IntakeTesting",
            dependencies: ["IntakeKit", "LineEditing", "QuestionnaireModel", "InterviewEngine", "Scoring", "Reports"],
            path: "Tests/IntakeTesting"
        ),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "QuestionnaireModelTests", dependencies: ["QuestionnaireModel", "IntakeTesting"]),
        .testTarget(name: "InterviewEngineTests", dependencies: ["InterviewEngine", "QuestionnaireModel"]),
        // A tiny REPL over LineEditing that LineEditingTests drive through a
        // pseudo-terminal; built for the tests, not shipped.
        .executableTarget(
            name: "line-editing-probe",
            dependencies: ["LineEditing"],
            path: "Tests/LineEditingProbe"
        ),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "TerminalText", "line-editing-probe", "IntakeTesting"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "InterviewEngine", "QuestionnaireModel", "IntakeTesting"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Scoring", "QuestionnaireModel", "InterviewEngine", "IntakeTesting"]),
        // The application in-process: sessions, answers, personas,
        // reception, resume, replay, reports, validation.
        .testTarget(
            name: "IntakeKitTests",
            dependencies: ["IntakeKit", "IntakeTesting", "LineEditing", "QuestionnaireModel", "InterviewEngine", "Scoring", "Reports", "FHIR"]
        ),
        .testTarget(
            name: "FHIRTests",
            dependencies: ["FHIR", "InterviewEngine", "Scoring", "QuestionnaireModel", "IntakeTesting"],
            exclude: ["Fixtures"]
        ),
        // The binary as a process: what only a process shows (exit codes,
        // signals, the terminal, file modes, kill -9, help).
        .testTarget(
            name: "intakeTests",
            dependencies: ["intake", "IntakeKit", "IntakeTesting", "QuestionnaireModel"]
        ),
        // Fuzzing (scripts/fuzz.sh, Fuzz/README.md): what each fuzz target does
        // with one input, shared with its tests, and one libFuzzer entry point
        // per target. Not products; a plain build links them as programs that
        // do nothing, and `--sanitize=fuzzer` gives them libFuzzer's main.
        .target(
            name: "FuzzTargets",
            dependencies: ["QuestionnaireModel", "InterviewEngine", "Scoring"],
            path: "Sources/Fuzz/FuzzTargets"
        ),
        .executableTarget(name: "fuzz-questionnaire", dependencies: ["FuzzTargets"], path: "Sources/Fuzz/FuzzQuestionnaire"),
        .executableTarget(name: "fuzz-rules", dependencies: ["FuzzTargets"], path: "Sources/Fuzz/FuzzRules"),
        .executableTarget(name: "fuzz-answers", dependencies: ["FuzzTargets"], path: "Sources/Fuzz/FuzzAnswers"),
        .executableTarget(name: "fuzz-transcript", dependencies: ["FuzzTargets"], path: "Sources/Fuzz/FuzzTranscript"),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
