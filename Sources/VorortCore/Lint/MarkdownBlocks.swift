/// Code blocks and HTML blocks of a Markdown body, found line by line with CommonMark's block rules
/// (fenced code, indented code outside lists, HTML blocks). The lint reads neither; finding them itself
/// lets the lint run while cmark-gfm, which only one thread may use, renders the bodies.
enum MarkdownBlocks {
    struct Lines {
        /// Lines of fenced and indented code blocks: never linted, and suppression comments there do not count.
        var code = Set<Int>()
        /// Lines of HTML blocks: never linted, but may hold `<!-- vorort-lint: … -->` suppressions.
        var html = Set<Int>()
    }

    static func scan(_ lines: [Substring], range: ClosedRange<Int>) -> Lines {
        var result = Lines()
        var fence: (character: Character, length: Int)?
        var inHTML = false
        var htmlEndsWithComment = false
        var previousBlank = true
        var listContext = false  // the current paragraph belongs to a list item
        for number in range where number <= lines.count {
            let line = lines[number - 1]
            let indent = indentation(line)
            let blank = line.isBlank
            // Most lines are ordinary text: only lines that could open or close a block need a closer look.
            if !blank, fence == nil, !inHTML, indent < 4, let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
                first != 0x60, first != 0x7E, first != 0x3C  // ` ~ <
            {
                if isListItem(line.drop { $0 == " " || $0 == "\t" }) { listContext = true } else if indent == 0, previousBlank { listContext = false }
                previousBlank = false
                continue
            }
            let content = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                result.code.insert(number)
                let run = content.prefix { $0 == open.character }.count
                if indent < 4, run >= open.length, content.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
                continue
            }
            if inHTML {
                result.html.insert(number)
                if htmlEndsWithComment ? line.contains("-->") : blank { inHTML = false }
                previousBlank = blank
                continue
            }
            if indent < 4, let first = content.first, first == "`" || first == "~" {
                let run = content.prefix { $0 == first }.count
                if run >= 3, first == "~" || !content.dropFirst(run).contains("`") {
                    fence = (first, run)
                    result.code.insert(number)
                    continue
                }
            }
            if indent < 4, content.hasPrefix("<"), let second = content.dropFirst().first,
                second.isLetter || second == "/" || second == "!" || second == "?"
            {
                result.html.insert(number)
                htmlEndsWithComment = content.hasPrefix("<!--")
                inHTML = !(htmlEndsWithComment && content.contains("-->"))
                previousBlank = false
                continue
            }
            if indent >= 4, previousBlank || result.code.contains(number - 1), !listContext, !blank {
                result.code.insert(number)
                continue
            }
            if !blank {
                if isListItem(content) { listContext = true } else if indent == 0, previousBlank { listContext = false }
            }
            previousBlank = blank
        }
        return result
    }

    private static func indentation(_ line: Substring) -> Int {
        var width = 0
        for byte in line.utf8 {
            if byte == 0x20 { width += 1 } else if byte == 0x09 { width += 4 - width % 4 } else { break }
        }
        return width
    }

    private static func isListItem(_ content: Substring) -> Bool {
        // Most lines begin with an ASCII letter: no list marker, and no digit (Character.isNumber looks at the first scalar).
        if let byte = content.utf8.first, byte < 0x80, !(byte >= 0x30 && byte <= 0x39), byte != 0x2D, byte != 0x2A, byte != 0x2B {
            return false
        }
        if let first = content.first, "-*+".contains(first), content.dropFirst().first == " " { return true }
        let digits = content.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let rest = content.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " "
    }
}

import Foundation
