import Testing

@testable import CivicPublish

/// Render keys are compared byte for byte with the ones in the cache, which older runs
/// wrote with string interpolation: the digits must be what `String(_:)` writes.
@Suite struct RenderKeyTests {
    @Test func decimalsAreWhatStringWrites() {
        var values = [0, 1, -1, 9, 10, -10, 99, 100, -360, 330, 1_700_000_000, -1_700_000_000, Int.max, Int.min, Int.max - 1]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<10_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int(truncatingIfNeeded: seed) >> Int(seed % 60))
        }
        var bytes: [UInt8] = []
        for value in values {
            bytes.removeAll(keepingCapacity: true)
            appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}
