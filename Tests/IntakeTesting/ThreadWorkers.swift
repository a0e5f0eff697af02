import Dispatch
import IntakeKit

/// Several threads at once, as the binary's `CoreWorkers` runs a long job on
/// the machine's cores: in-process tests of folder replays run on them, so
/// the application's pieces meet real concurrency.
public struct ThreadWorkers: Workers {
    public init() {}

    public func each(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
