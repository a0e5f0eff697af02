import Dispatch
import IntakeKit

/// The machine's cores, for the long jobs (a folder of sessions replayed):
/// Dispatch runs as many pieces at once as there are cores.
struct CoreWorkers: Workers {
    func each(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
