/// Deterministic choices drawn from a fuzz input: the same input always
/// makes the same choices, so a crash found by the fuzzer reproduces.
struct ChoiceStream {
    private var state: UInt64

    /// Seeds the stream with the FNV-1a hash of `bytes`.
    init(seed bytes: some Sequence<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        state = hash
    }

    /// A number in `0..<bound` (0 when `bound` is not positive); SplitMix64.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return bound > 0 ? Int(z % UInt64(bound)) : 0
    }

    /// True about once in `odds` calls.
    mutating func oneIn(_ odds: Int) -> Bool { next(odds) == 0 }

    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[next(items.count)]
    }
}
