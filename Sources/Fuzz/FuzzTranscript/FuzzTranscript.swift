import FuzzTargets

/// libFuzzer's entry point: one input is a transcript file.
/// Built with `--sanitize=fuzzer` (scripts/fuzz.sh), libFuzzer supplies `main`;
/// a plain build links a program that does nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = TranscriptFuzzing.fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
