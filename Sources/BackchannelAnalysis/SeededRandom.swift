/// SplitMix64: a small, fast, seeded random number generator, so sampled measures are reproducible.
///
/// - Reference: Steele, Lea & Flood (2014). Fast splittable pseudorandom number generators. OOPSLA.
///   doi:10.1145/2660193.2660195
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `k` distinct values from `0..<n` (partial Fisher–Yates), in the order drawn; all of them when
    /// k ≥ n, none when k ≤ 0 or n ≤ 0.
    ///
    /// - Complexity: O(n).
    public mutating func sample(_ k: Int, from n: Int) -> [Int] {
        guard n > 0, k > 0 else { return [] }
        var pool = Array(0..<n)
        let k = min(k, n)
        for i in 0..<k {
            let j = Int.random(in: i..<n, using: &self)
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(k))
    }
}
