/// The folded letters of all words of a text, one after the other. An append costs a comparison and a store;
/// an Array checks on every append that its storage is not shared, which was a tenth of the lint's time.
/// Noncopyable, so that no copy can share the storage it writes to.
struct LetterBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count)
        return base[index]
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        base[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        for byte in bytes { append(byte) }
    }

    /// Appends the folded form of `scalar`, a letter of the word whose letters begin at `wordStart`.
    @inline(__always)
    mutating func append(folding scalar: Unicode.Scalar, wordStart: Int) {
        GermanFolding.fold(scalar, previous: count > wordStart ? base[count - 1] : nil) { append($0) }
    }

    /// Appends the run of ASCII letters and digits that begins at `start` (one of them), lower-cased, up to the first
    /// scalar that is none or at which `stop` is true; returns the position after the run. One loop with the count in
    /// a register: an `append` per letter stored and loaded the count for each.
    @inline(__always)
    mutating func appendASCIIRun(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, stop: (Int) -> Bool) -> Int {
        // Room for the rest of the line, the longest the run can be.
        while count + (scalars.count - start) > capacity { grow() }
        let target = base + count - start
        var index = start
        repeat {
            // Digits and lower-case letters have the bit 0x20 already; upper-case letters become lower-case with it.
            target[index] = UInt8(truncatingIfNeeded: scalars[index].value) | 0x20
            index += 1
        } while index < scalars.count && GermanFolding.isASCIILetterOrDigit(scalars[index].value) && !stop(index)
        count += index - start
        return index
    }

    /// Replaces the letters from `start` on by `bytes`.
    mutating func replace(from start: Int, with bytes: [UInt8]) {
        precondition(start >= 0 && start <= count)
        count = start
        append(contentsOf: bytes)
    }

    func array(_ range: Range<Int>) -> [UInt8] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return Array(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Whether a letter from `start` on satisfies `predicate`.
    func contains(from start: Int, where predicate: (UInt8) -> Bool) -> Bool {
        UnsafeBufferPointer(start: base, count: count)[start...].contains(where: predicate)
    }

    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
