/// HTML character references (`&#104;`, `&#x68;`, `&colon;`) decoded as a browser does before it uses an
/// attribute value, so `&#104;ttps&colon;//host` is judged as `https://host`.
enum HTMLCharacterReferences {
    /// Every named reference that stands for ASCII characters (from the WHATWG list). Only these can form a
    /// scheme, a slash or a character the URL parser drops; other names are left as written.
    static let asciiNames: [String: String] = [
        "Tab;": "\t", "NewLine;": "\n", "excl;": "!", "quot;": "\"", "QUOT;": "\"", "num;": "#", "dollar;": "$",
        "percnt;": "%", "amp;": "&", "AMP;": "&", "apos;": "'", "lpar;": "(", "rpar;": ")", "ast;": "*", "midast;": "*",
        "plus;": "+", "comma;": ",", "period;": ".", "sol;": "/", "colon;": ":", "semi;": ";", "lt;": "<", "LT;": "<",
        "equals;": "=", "gt;": ">", "GT;": ">", "quest;": "?", "commat;": "@", "lsqb;": "[", "lbrack;": "[",
        "bsol;": "\\", "rsqb;": "]", "rbrack;": "]", "Hat;": "^", "lowbar;": "_", "UnderBar;": "_", "grave;": "`",
        "DiacriticalGrave;": "`", "lcub;": "{", "lbrace;": "{", "verbar;": "|", "vert;": "|", "VerticalLine;": "|",
        "rcub;": "}", "rbrace;": "}", "fjlig;": "fj", "nbsp;": "\u{A0}",
        // Old names browsers still accept without the semicolon.
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"", "nbsp": "\u{A0}",
    ]
    /// The longest name above, so a run of letters is never read further than this.
    private static let longestName = 18

    /// Numeric references to 0x80–0x9F mean the Windows-1252 characters, as in browsers.
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02C6,
        0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C,
        0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
        0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// The decoded text of `range`. In attribute values (`inAttribute`) a name without semicolon followed by a
    /// letter, digit or `=` stays as written, as browsers keep `?a=1&ampx=2`. With `cdata`, `<![CDATA[…]]>`
    /// sections (SVG) are copied as they are, without their markers.
    static func decode(_ text: ScannedText, _ range: Range<Int>, inAttribute: Bool, cdata: Bool = false) -> ScannedText {
        var builder = ScannedTextBuilder(capacity: range.count)
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let scalar = text[index]
            if cdata, scalar == "<", text.hasPrefix("<![CDATA[", at: index) {
                var inner = index + 9
                while inner < end, !text.hasPrefix("]]>", at: inner) {
                    builder.append(text[inner], from: text.fileOffset(inner))
                    inner += 1
                }
                index = min(end, inner + 3)
                continue
            }
            guard scalar == "&", let reference = reference(in: text, at: index, end: end, inAttribute: inAttribute) else {
                builder.append(scalar, from: text.fileOffset(index))
                index += 1
                continue
            }
            for decoded in reference.scalars { builder.append(decoded, from: text.fileOffset(index)) }
            index = reference.end
        }
        return builder.build(end: text.fileOffset(end))
    }

    /// The reference starting with `&` at `start`: what it stands for and where it ends.
    private static func reference(in text: ScannedText, at start: Int, end: Int, inAttribute: Bool)
        -> (scalars: [Unicode.Scalar], end: Int)?
    {
        var index = start + 1
        guard index < end else { return nil }
        if text[index] == "#" {
            index += 1
            let hex = index < end && (text[index] == "x" || text[index] == "X")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < end, let digit = hex ? text[index].hexValue : (text[index].isASCIIDigit ? text[index].value - 0x30 : nil) {
                // Any number of digits is read; a value past Unicode stays past it.
                value = min(0x110000, value * (hex ? 16 : 10) + digit)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < end, text[index] == ";" { index += 1 }
            let mapped = windows1252[value] ?? value
            let scalar = (mapped == 0 ? nil : Unicode.Scalar(mapped)) ?? "\u{FFFD}"
            return ([scalar], index)
        }
        // The longest name in the list that the letters and digits here start with.
        var name = ""
        var best: (scalars: [Unicode.Scalar], end: Int)?
        while index < end, name.unicodeScalars.count < longestName, text[index].isASCIIAlphanumeric || text[index] == ";" {
            name.unicodeScalars.append(text[index])
            index += 1
            if let decoded = asciiNames[name] {
                let terminated = name.hasSuffix(";")
                let next = text.at(index)
                if !terminated, inAttribute, let next, next.isASCIIAlphanumeric || next == "=" {
                    // Kept as written; a longer name may still match.
                } else {
                    best = (Array(decoded.unicodeScalars), index)
                }
            }
            if name.hasSuffix(";") { break }
        }
        return best
    }
}
