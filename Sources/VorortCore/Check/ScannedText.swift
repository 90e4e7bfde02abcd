/// Text as Unicode scalars that remembers where in the file each scalar came from. Decoding (HTML character
/// references, CSS and JavaScript escapes) makes text shorter than what is written, so a finding in decoded text
/// finds its way back to the file's line and column through this.
struct ScannedText {
    let scalars: [Unicode.Scalar]
    /// File offset of each scalar and, as last element, of the end; `nil` when the scalars are the file's own
    /// from offset `base` on (no copy of the positions then).
    private let offsets: [Int]?
    private let base: Int

    /// Scalars as they stand in the file, the first at file offset `base`.
    init(_ scalars: [Unicode.Scalar], base: Int = 0) {
        self.scalars = scalars
        self.offsets = nil
        self.base = base
    }

    /// Decoded scalars with the file offset of each and one more for the end.
    init(scalars: [Unicode.Scalar], offsets: [Int]) {
        precondition(offsets.count == scalars.count + 1)
        self.scalars = scalars
        self.offsets = offsets
        self.base = 0
    }

    var count: Int { scalars.count }

    subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    /// The scalar at `index`, or `nil` past the end: saves a bounds test at every look-ahead.
    func at(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// Where the scalar at `index` (or, for `count`, the end) stands in the file.
    func fileOffset(_ index: Int) -> Int { offsets?[index] ?? base + index }

    /// A part of the text that keeps its file positions.
    func slice(_ range: Range<Int>) -> ScannedText {
        if let offsets {
            return ScannedText(scalars: Array(scalars[range]), offsets: Array(offsets[range.lowerBound...range.upperBound]))
        }
        return ScannedText(Array(scalars[range]), base: base + range.lowerBound)
    }

    /// Whether the text at `index` starts with `prefix` (ASCII), ignoring ASCII case when asked.
    func hasPrefix(_ prefix: String, at index: Int, ignoringCase: Bool = false) -> Bool {
        var position = index
        for expected in prefix.unicodeScalars {
            guard let scalar = at(position) else { return false }
            if ignoringCase ? scalar.asciiLowercased != expected.asciiLowercased : scalar != expected { return false }
            position += 1
        }
        return true
    }
}

/// Collects decoded scalars with the file offset each came from.
struct ScannedTextBuilder {
    private(set) var scalars: [Unicode.Scalar] = []
    private var offsets: [Int] = []

    init(capacity: Int = 0) {
        scalars.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity + 1)
    }

    mutating func append(_ scalar: Unicode.Scalar, from offset: Int) {
        scalars.append(scalar)
        offsets.append(offset)
    }

    /// The text; `end` is the file offset just after the last scalar read.
    func build(end: Int) -> ScannedText {
        ScannedText(scalars: scalars, offsets: offsets + [end])
    }
}

/// Line and column of a file offset, counted in Unicode scalars as every finding is; lines end at `\n`.
struct SourceLines {
    /// File offset of the first scalar of each line.
    private let starts: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        self.starts = starts
    }

    /// The place of the text from `start` to `end`; a text that runs on to later lines is marked to the end of its first line.
    func location(from start: Int, to end: Int) -> SourceLocation {
        // Binary search: the last line starting at or before `start`.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= start { low = middle } else { high = middle - 1 }
        }
        let lineEnd = low + 1 < starts.count ? starts[low + 1] - 1 : Int.max
        let column = start - starts[low] + 1
        return SourceLocation(line: low + 1, column: column, endColumn: min(end, lineEnd) - starts[low] + 1)
    }
}

extension Unicode.Scalar {
    var asciiLowercased: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : self
    }

    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    var isASCIIHexDigit: Bool { isASCIIDigit || (0x41...0x46).contains(value) || (0x61...0x66).contains(value) }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }

    /// Tab, line feed, form feed, carriage return and space: what HTML and CSS count as white space.
    var isHTMLWhitespace: Bool { value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D }

    /// The value of a hexadecimal digit.
    var hexValue: UInt32? {
        switch value {
        case 0x30...0x39: value - 0x30
        case 0x41...0x46: value - 0x41 + 10
        case 0x61...0x66: value - 0x61 + 10
        default: nil
        }
    }
}

extension Collection where Element == Unicode.Scalar {
    /// The ASCII-lowercased text, for names that are compared without case.
    var asciiLowercasedString: String {
        var result = String.UnicodeScalarView()
        for scalar in self { result.append(scalar.asciiLowercased) }
        return String(result)
    }
}
