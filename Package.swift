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
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        .target(name: "QuestionnaireModel"),
        .target(
            name: "InterviewEngine",
            dependencies: ["QuestionnaireModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Scoring", dependencies: ["QuestionnaireModel"]),
        .target(name: "Reports", dependencies: ["Scoring", "QuestionnaireModel"]),
        // FHIR R4: Questionnaire in, QuestionnaireResponse out, FHIRPath for the
        // expressions forms carry. Core: bytes in, values or diagnostics out.
        .target(
            name: "FHIR",
            dependencies: ["QuestionnaireModel", "InterviewEngine", "Scoring", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(name: "embed-text"),
        .plugin(
            name: "EmbedQuestionnaires",
            capability: .buildTool(),
            dependencies: ["embed-text"]
        ),
        .executableTarget(
            name: "intake",
            dependencies: [
                "LineEditing",
                "QuestionnaireModel",
                "InterviewEngine",
                "Scoring",
                "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedQuestionnaires"]
        ),
        .testTarget(name: "QuestionnaireModelTests", dependencies: ["QuestionnaireModel"]),
        .testTarget(name: "InterviewEngineTests", dependencies: ["InterviewEngine", "QuestionnaireModel"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "InterviewEngine", "QuestionnaireModel"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Scoring", "QuestionnaireModel"]),
        .testTarget(
            name: "FHIRTests",
            dependencies: ["FHIR", "InterviewEngine", "Scoring", "QuestionnaireModel"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "intakeTests",
            dependencies: ["intake", "QuestionnaireModel"],
            exclude: ["Fixtures"]
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
