/// FNV-1a, 64 bit: a fingerprint of bytes that is stable across runs (Swift's `Hasher` is seeded per process).
/// Notices changed bytes (an unchanged output file, a body edited during the build), but is no proof against bytes
/// made to collide on purpose.
enum FNV1a {
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
