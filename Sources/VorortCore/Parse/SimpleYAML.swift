import Yams

/// Reads the front matter most content files have — keys with one-line values, nested groups of keys and lists of
/// one-line values, indented with spaces — into the node tree libyaml and Yams would build for it, with the same
/// strings, styles, tags and positions. Anything else (flow lists, comments, tabs, empty values, escapes, values over
/// several lines, control characters, a key written twice …) returns nil, and `YAMLDocument` asks Yams, which also
/// reports what is wrong. Yams was a twentieth of a build's CPU time: an event per token through libyaml, a class per
/// event, a dictionary per mapping. A test compares both readers on many generated documents.
enum SimpleYAML {
    /// The tree of `yaml`, or nil when the text is not of the simple kind. Each node gets a tag of its own made with
    /// `resolver` and `constructor`, as Yams's parser gives it.
    static func parse(_ yaml: String, resolver: Resolver, constructor: Constructor) -> Node? {
        guard marksCanBeMade else { return nil }
        return yaml.withUTF8Bytes { bytes in
            guard let lines = Lines(bytes) else { return nil }
            var reader = Reader(bytes: bytes, lines: lines, resolver: resolver, constructor: constructor)
            guard let first = reader.nextContentLine(from: 0), lines.indent[first] == 0 else { return nil }
            var index = first
            guard let root = reader.mapping(at: &index, indent: 0), reader.nextContentLine(from: index) == nil else { return nil }
            return root
        }
    }

    /// The lines of the text, each with its indentation, after the whole text passed the character checks.
    private struct Lines {
        var start: [Int] = []
        var end: [Int] = []
        var indent: [Int] = []
        /// Only spaces on the line.
        var blank: [Bool] = []
        var count: Int { start.count }

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Room for the lines of most front matter at once.
            start.reserveCapacity(32)
            end.reserveCapacity(32)
            indent.reserveCapacity(32)
            blank.reserveCapacity(32)
            var lineStart = 0
            var index = 0
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == 0x0A {
                    guard add(bytes, lineStart, index) else { return nil }
                    lineStart = index + 1
                    index += 1
                    continue
                }
                let byte = bytes[index]
                // Tabs, carriage returns and other controls, DEL, and the characters libyaml reads as line breaks
                // or refuses (C1 controls, U+2028, U+2029, the byte-order mark, U+FFFE, U+FFFF).
                if byte < 0x20 || byte == 0x7F { return nil }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return nil }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return nil }
                if byte == 0xEF, index + 2 < bytes.count,
                   (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) { return nil }
                index += 1
            }
        }

        private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
            var first = from
            while first < to, bytes[first] == 0x20 { first += 1 }
            start.append(from)
            end.append(to)
            indent.append(first - from)
            blank.append(first == to)
            // Comments, directives and document markers are left to Yams.
            if first < to, bytes[first] == UInt8(ascii: "#") || (first == from && bytes[first] == UInt8(ascii: "%")) { return false }
            if to - from >= 3, bytes[from] == UInt8(ascii: "-") || bytes[from] == UInt8(ascii: "."),
               bytes[from + 1] == bytes[from], bytes[from + 2] == bytes[from] { return false }
            // ` #` starts a comment after a value.
            if first < to {
                for index in first + 1..<to where bytes[index] == UInt8(ascii: "#") && bytes[index - 1] == 0x20 { return false }
            }
            return true
        }
    }

    /// Yams makes its `Mark`s itself (the initializer is internal); a `Mark` is two integers, line then column.
    /// Checked once: should a later Yams lay it out otherwise, every text goes to Yams.
    private static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    private static let marksCanBeMade: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let probe = mark(line: 3, column: 17)
        return probe.line == 3 && probe.column == 17
    }()

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let lines: Lines
        let resolver: Resolver
        let constructor: Constructor

        /// What Yams stores: values and collections with the implicit tag; quoted values with `str` (libyaml calls
        /// them quoted-implicit); keys with the tag their resolution gave, as Yams resolves them in place when it looks
        /// for keys written twice (with the basic resolver every text is `str`).
        private func tag(_ name: Tag.Name = .implicit) -> Tag { Tag(name, resolver, constructor) }

        /// The first line at or after `index` that is not blank, if any.
        func nextContentLine(from index: Int) -> Int? {
            var index = index
            while index < lines.count, lines.blank[index] { index += 1 }
            return index < lines.count ? index : nil
        }

        private func mark(_ line: Int, _ offset: Int) -> Mark {
            SimpleYAML.mark(line: line + 1, column: offset - lines.start[line] + 1)
        }

        /// The position of the first byte after `key:` on line `line` (a key of letters, digits, `_` and `-`),
        /// nil when the line is no such key.
        private func keyEnd(_ line: Int) -> Int? {
            let first = lines.start[line] + lines.indent[line], end = lines.end[line]
            var index = first
            while index < end, Reader.isKeyByte(bytes[index]) { index += 1 }
            guard index > first, bytes[first] != UInt8(ascii: "-"), index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
            guard index + 1 == end || bytes[index + 1] == 0x20 else { return nil }
            return index
        }

        private static func isKeyByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        /// A list item's line: `- ` at the indentation.
        private func isItem(_ line: Int) -> Bool {
            let first = lines.start[line] + lines.indent[line]
            return first + 1 < lines.end[line] && bytes[first] == UInt8(ascii: "-") && bytes[first + 1] == 0x20
        }

        /// The keys at `indent` from line `index` on; `index` ends at the first line that is not part of them.
        mutating func mapping(at index: inout Int, indent: Int, depth: Int = 0) -> Node? {
            // Deeper groups than front matter needs are left to Yams, so a hostile file cannot exhaust the stack here.
            guard depth < 16 else { return nil }
            let mappingMark = mark(index, lines.start[index] + indent)
            var pairs: [(Node, Node)] = []
            pairs.reserveCapacity(16)
            // Where each key stands, to find one written twice by its bytes: front matter has a dozen keys, and a
            // hash set per mapping cost more than the rest of the reading.
            var keys: [Range<Int>] = []
            keys.reserveCapacity(16)
            while let line = nextContentLine(from: index), lines.indent[line] >= indent {
                guard lines.indent[line] == indent, let colon = keyEnd(line) else { return nil }
                let keyStart = lines.start[line] + indent
                let keyBytes = UnsafeBufferPointer(rebasing: bytes[keyStart..<colon])
                // Many keys are left to Yams, so the comparisons below stay few.
                guard keys.count < 64, !keys.contains(where: { bytes[$0].elementsEqual(keyBytes) }) else { return nil }
                keys.append(keyStart..<colon)
                let key = String(decoding: keyBytes, as: UTF8.self)
                let keyNode = Node.scalar(.init(key, tag(.str), .plain, mark(line, keyStart)))
                var valueStart = colon + 1
                while valueStart < lines.end[line], bytes[valueStart] == 0x20 { valueStart += 1 }
                index = line + 1
                if valueStart < lines.end[line] {
                    guard let value = scalar(line, from: valueStart) else { return nil }
                    pairs.append((keyNode, value))
                    continue
                }
                // No value on the line: a nested group or a list follows, or the value is empty (left to Yams).
                guard let next = nextContentLine(from: index) else { return nil }
                if isItem(next), lines.indent[next] >= indent {
                    guard let list = sequence(at: &index, indent: lines.indent[next]) else { return nil }
                    pairs.append((keyNode, list))
                } else if lines.indent[next] > indent {
                    index = next
                    guard let group = mapping(at: &index, indent: lines.indent[next], depth: depth + 1) else { return nil }
                    pairs.append((keyNode, group))
                } else {
                    return nil
                }
            }
            return .mapping(.init(pairs, tag(), .any, mappingMark))
        }

        /// The items `- value` at `indent` from line `index` on.
        mutating func sequence(at index: inout Int, indent: Int) -> Node? {
            guard let firstLine = nextContentLine(from: index) else { return nil }
            let sequenceMark = mark(firstLine, lines.start[firstLine] + indent)
            var items: [Node] = []
            while let line = nextContentLine(from: index), lines.indent[line] >= indent {
                // A list at its key's indentation ends at the next key.
                if lines.indent[line] == indent, !isItem(line) { break }
                guard lines.indent[line] == indent else { return nil }
                var valueStart = lines.start[line] + indent + 2
                while valueStart < lines.end[line], bytes[valueStart] == 0x20 { valueStart += 1 }
                guard valueStart < lines.end[line], let item = scalar(line, from: valueStart) else { return nil }
                items.append(item)
                index = line + 1
            }
            return .sequence(.init(items, tag(), .any, sequenceMark))
        }

        /// The value from `from` to the end of line `line`: plain, or in quotes without escapes. A value that goes on
        /// in a further indented line is left to Yams by `mapping` and `sequence`, which refuse such a line.
        private func scalar(_ line: Int, from: Int) -> Node? {
            var end = lines.end[line]
            while end > from, bytes[end - 1] == 0x20 { end -= 1 }
            let first = bytes[from]
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard end - from >= 2, bytes[end - 1] == first else { return nil }
                for index in from + 1..<end - 1 where bytes[index] == first || bytes[index] == UInt8(ascii: "\\") { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from + 1..<end - 1]), as: UTF8.self)
                return .scalar(.init(text, tag(.str), first == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted, mark(line, from)))
            }
            // Indicators that give a value's first character another meaning in YAML.
            switch first {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
                 UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
                 UInt8(ascii: "@"), UInt8(ascii: "`"):
                return nil
            default:
                break
            }
            // `: ` or a final `:` would make a key of the value.
            if bytes[end - 1] == UInt8(ascii: ":") { return nil }
            for index in from..<end - 1 where bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == 0x20 { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self)
            return .scalar(.init(text, tag(), .plain, mark(line, from)))
        }
    }
}
