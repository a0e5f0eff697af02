import Synchronization

/// A value made the first time it is asked for, once, whichever thread
/// asks; copies of what holds it share it. For what most sessions never
/// need, such as the words of another language (`Questionnaire.reading(_:)`).
public final class Later<Value: Sendable>: Sendable {
    private let state: Mutex<Value?>
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) {
        state = Mutex(nil)
        self.make = make
    }

    public var value: Value {
        state.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
