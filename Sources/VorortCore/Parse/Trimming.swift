#if canImport(Glibc)
import Glibc
#endif
extension StringProtocol {
    /// Whether every character is ASCII. The bytes are or-ed together in one loop the compiler vectorises; a
    /// generic `allSatisfy` over the UTF-8 view went byte by byte (the link check asks it of every address).
    var isASCIIText: Bool {
        utf8.withContiguousStorageIfAvailable { $0.reduce(0, |) < 0x80 } ?? utf8.allSatisfy { $0 < 0x80 }
    }

    /// The text's UTF-8 bytes, read in place where they are contiguous (nearly always) and from a copy otherwise:
    /// `String.withUTF8` needs a mutable string, and making one costs a retain and a release on every call.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return try copy.withUTF8(body)
    }
}

extension String {
    /// The first line feed at or after `start`, found with `memchr` (a generic search of the UTF-8 view went byte
    /// by byte).
    func lineFeed(from start: String.Index) -> String.Index? {
        let bytes = utf8
        let offset = bytes.distance(from: bytes.startIndex, to: start)
        let found: Int?? = bytes.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress, offset < buffer.count else { return nil }
            return memchr(base + offset, 0x0A, buffer.count - offset).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        }
        guard let found else { return bytes[start...].firstIndex(of: 0x0A) }
        return found.map { bytes.index(bytes.startIndex, offsetBy: $0) }
    }

    /// The text without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString and was the biggest cost of parsing.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isUnicodeWhitespace }),
            let last = scalars.lastIndex(where: { !$0.isUnicodeWhitespace })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered for ASCII without the property look-up (tab to carriage return, space).
    var isUnicodeWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The lines of the text (split at `\n`, empty lines kept), found on the UTF-8 bytes:
    /// splitting by `Character` runs grapheme breaking over every byte and was a hot spot.
    var lines: [Substring] {
        var result: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        // The line ends found with memchr on the contiguous bytes (a generic `firstIndex(of:)` over the UTF-8 view
        // went byte by byte and was 2–3 % of a build), then turned into indices walking forward from the last one.
        let ends: [Int]? = bytes.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var ends: [Int] = []
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                ends.append(position)
                offset = position + 1
            }
            return ends
        }
        if let ends {
            var previous = 0
            for end in ends {
                let newline = bytes.index(start, offsetBy: end - previous)
                result.append(self[start..<newline])
                start = bytes.index(after: newline)
                previous = end + 1
            }
        } else {
            while let newline = bytes[start...].firstIndex(of: 0x0A) {
                result.append(self[start..<newline])
                start = bytes.index(after: newline)
            }
        }
        result.append(self[start...])
        return result
    }
}

extension Substring {
    /// Only spaces and tabs (or nothing), tested on the bytes.
    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

    var trimmed: String { String(self).trimmed }
}

extension StringProtocol where SubSequence == Substring {
    /// `split(separator:maxSplits:omittingEmptySubsequences:)` for an ASCII separator other than CR and LF. In
    /// ASCII text every character is one byte (CR LF, the one pair that makes one Character, holds no other
    /// separator), so the pieces are found among the bytes; splitting by `Character` breaks graphemes and cost a
    /// file name about as much as its file's front matter.
    func split(ascii separator: Unicode.Scalar, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        precondition(separator.isASCII && separator != "\r" && separator != "\n")
        guard isASCIIText else {
            return split(separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
        }
        return utf8.split(separator: UInt8(separator.value), maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
            .map { self[$0.startIndex..<$0.endIndex] }
    }
}
