/// How much of a long job may run at once: the executable gives the
/// machine's cores, a test may give one worker or several. The application
/// splits work into pieces that share nothing but what is `Sendable`, and
/// puts their results together in order, so the answer never depends on
/// how many workers there were.
public protocol Workers: Sendable {
    /// Runs `body` for each of `0..<count`, on as many threads at once as
    /// there are workers, and returns when every one is done.
    func each(_ count: Int, _ body: @Sendable (Int) -> Void)
}

/// One piece after another, on the calling thread.
public struct OneWorker: Workers {
    public init() {}

    public func each(_ count: Int, _ body: @Sendable (Int) -> Void) {
        for index in 0..<count { body(index) }
    }
}
