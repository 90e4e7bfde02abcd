/// One line decoded into Unicode scalars (whose positions are the columns of findings) and its mask, in memory
/// reused from line to line: a fresh array per line, filled through the generic scalar view, was the largest
/// part of the lint's time.
final class LintLineBuffer {
    private var storage: UnsafeMutablePointer<Unicode.Scalar>
    private var maskStorage: UnsafeMutablePointer<Bool>
    private var capacity: Int
    /// The scalars of the line last loaded.
    private(set) var count = 0

    /// What `load` saw in the line's bytes, so that the masking passes run only on the few lines that need them.
    struct Bytes {
        /// `` ` ``, `<` or `]`: code spans, HTML or link targets may stand in the line.
        var markup = false
        /// `@`, `://`, `www.`, `mailto:` or `tel:`: a URL or e-mail address may stand in the line.
        var address = false
        /// Only spaces, tabs and carriage returns, or nothing (`Substring.isBlank`).
        var blank = false
        /// The first byte that is not a space.
        var first: UInt8?
    }

    init(capacity: Int = 256) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
        maskStorage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
        maskStorage.deallocate()
    }

    var scalars: UnsafeBufferPointer<Unicode.Scalar> { UnsafeBufferPointer(start: storage, count: count) }

    /// The mask of the line last loaded, all false after `clearMask`.
    var mask: UnsafeMutableBufferPointer<Bool> { UnsafeMutableBufferPointer(start: maskStorage, count: count) }

    func clearMask() {
        maskStorage.update(repeating: false, count: count)
    }

    /// Decodes `line` into `scalars`.
    @discardableResult
    func load(_ line: Substring) -> Bytes {
        let utf8 = line.utf8
        // A line never has more scalars than bytes.
        reserve(utf8.count)
        if let bytes = utf8.withContiguousStorageIfAvailable({ decode($0) }) { return bytes }
        count = 0
        for scalar in line.unicodeScalars {
            storage[count] = scalar
            count += 1
        }
        return Bytes(markup: utf8.contains(0x60) || utf8.contains(0x3C) || utf8.contains(0x5D), address: LintSource.mayHoldAddress(utf8),
                     blank: line.isBlank, first: utf8.first { $0 != 0x20 })
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        storage.deallocate()
        maskStorage.deallocate()
        capacity = max(needed, capacity * 2)
        storage = .allocate(capacity: capacity)
        maskStorage = .allocate(capacity: capacity)
    }

    /// Bytes that `Bytes` looks at: `` ` `` `<` `]` `@` `/` `.` `:` (a bit per ASCII byte, so that the other bytes cost one test).
    private static let notable: (low: UInt64, high: UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in [0x60, 0x3C, 0x5D, 0x40, 0x2F, 0x2E, 0x3A] as [UInt8] {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        return (low, high)
    }()

    /// Decodes UTF-8, which a Swift string always holds valid (the continuation bytes are not checked).
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bytes {
        var result = Bytes()
        let (low, high) = LintLineBuffer.notable
        // In a local: a store through the pointer could otherwise change the property, which was read again per byte.
        let storage = self.storage
        var n = 0
        var i = 0
        let end = bytes.count
        // The white space the line begins with: whether that is all, and the first byte that is not a space.
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D {
            if result.first == nil, bytes[i] != 0x20 { result.first = bytes[i] }
            storage[n] = Unicode.Scalar(bytes[i])
            n += 1
            i += 1
        }
        result.blank = i == end
        if result.first == nil, i < end { result.first = bytes[i] }
        // Where eight bytes at a time are tried again: after a group that failed, its bytes go one by one first.
        var groupsFrom = i
        while i < end {
            // Eight bytes at a time while they are ASCII and none is one `note` looks at: most of a line.
            if i >= groupsFrom, i + 8 <= end, let base = bytes.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if word & 0x8080_8080_8080_8080 == 0, !LintLineBuffer.holdsNotable(word) {
                    for k in 0..<8 { storage[n + k] = Unicode.Scalar(UInt8(truncatingIfNeeded: word >> UInt64(8 * k))) }
                    n += 8
                    i += 8
                    continue
                }
                groupsFrom = i + 8
            }
            let byte = bytes[i]
            if byte < 0x80 {
                storage[n] = Unicode.Scalar(byte)
                n += 1
                let bits = byte < 64 ? low >> UInt64(byte) : high >> UInt64(byte - 64)
                if bits & 1 != 0 { LintLineBuffer.note(byte, at: i, in: bytes, &result) }
                i += 1
                continue
            }
            // A line of a Swift string ends at a character boundary; checked, as the reads below are unchecked.
            precondition(i + (byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4) <= end, "The line ends inside a UTF-8 sequence.")
            var value: UInt32
            if byte < 0xE0 {
                value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if byte < 0xF0 {
                value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                value = UInt32(byte & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            storage[n] = unsafeBitCast(value, to: Unicode.Scalar.self)
            n += 1
        }
        count = n
        return result
    }

    /// Whether one of the eight ASCII bytes of `word` is one of `notable`'s (the classic test for a zero byte,
    /// after an exclusive or with each one repeated; exact for ASCII bytes, which have no high bit to carry).
    @inline(__always)
    private static func holdsNotable(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func holds(_ byte: UInt8) -> Bool {
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & highs != 0
        }
        return holds(0x60) || holds(0x3C) || holds(0x5D) || holds(0x40) || holds(0x2F) || holds(0x2E) || holds(0x3A)
    }

    /// The byte tests of `LintSource.mayHoldAddress`, made only at the bytes they end with.
    @inline(__always)
    private static func note(_ byte: UInt8, at i: Int, in bytes: UnsafeBufferPointer<UInt8>, _ result: inout Bytes) {
        func before(_ distance: Int) -> UInt8 { i >= distance ? bytes[i - distance] : 0 }
        switch byte {
        case 0x60, 0x3C, 0x5D: result.markup = true  // ` < ]
        case 0x40: result.address = true  // @
        case 0x2F where before(2) == 0x3A && before(1) == 0x2F: result.address = true  // ://
        case 0x2E where before(3) == 0x77 && before(2) == 0x77 && before(1) == 0x77: result.address = true  // www.
        case 0x3A where (before(2) == 0x65 && before(1) == 0x6C) || before(1) == 0x6F: result.address = true  // tel: mailto:
        default: break
        }
    }
}
