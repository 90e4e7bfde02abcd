/// A fast 64-bit hash of bytes, eight at a time, for telling whether content changed: the output manifest's pages,
/// a body's file between check and render. Both compare again before they rely on it (the manifest's files are
/// compared byte for byte before they are taken over). Values that are kept outside a build or shown — the offline
/// version, GitLab's fingerprints — use `FNV1a`, whose values must not change; it takes one multiplication per byte,
/// which over all pages of a build was 2 % of its time.
enum ContentHash {
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD
        func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* multiplier
            return mixed ^ (mixed >> 29)
        }
        let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var hash = seed
        var offset = 0
        // Four independent lanes of 32 bytes: one lane waits for each multiplication before the next (a page's
        // hash was 1.5 % of a build), four keep the multiplier busy.
        if bytes.count >= 32 {
            var lanes = (seed, seed ^ 0x2545_F491_4F6C_DD1D, seed ^ 0x1405_7B7E_F767_814F, seed ^ 0xD6E8_FEB8_6659_FD93)
            while offset + 32 <= bytes.count {
                lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            hash = mix(mix(mix(mix(seed, lanes.0), lanes.1), lanes.2), lanes.3)
        }
        while offset + 8 <= bytes.count {
            hash = mix(hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        hash = (hash ^ tail) &* multiplier
        // MurmurHash3's finaliser: every input bit reaches every output bit.
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
