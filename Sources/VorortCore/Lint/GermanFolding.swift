/// Folds German text to the form rules are written in: lowercase, `ä → ae`, `ö → oe`, `ü → ue`, `ß → ss`,
/// other accents dropped. Precomposed (NFC) and decomposed (NFD) input fold alike.
enum GermanFolding {
    /// Appends the folded form of one scalar to `out`, where the current word starts at `wordStart`: a combining
    /// diaeresis (NFD) looks at the word's last folded letter, never at the word before.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, into out: inout [UInt8], wordStart: Int = 0) {
        fold(scalar, previous: out.count > wordStart ? out.last : nil) { out.append($0) }
    }

    /// Hands the folded form of one scalar to `append`, byte by byte. `previous` is the last folded letter of
    /// the word (nil at its start), needed for a combining diaeresis after a base letter (NFD).
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, previous: UInt8?, _ append: (UInt8) -> Void) {
        let value = scalar.value
        if let ascii = asciiLetterOrDigit(value) {
            append(ascii)
            return
        }
        switch value {
        case 0xC4, 0xE4: append(0x61); append(0x65)  // Ä ä → ae
        case 0xD6, 0xF6: append(0x6F); append(0x65)  // Ö ö → oe
        case 0xDC, 0xFC: append(0x75); append(0x65)  // Ü ü → ue
        case 0xDF, 0x1E9E: append(0x73); append(0x73)  // ß ẞ → ss
        case 0xC0...0xC3, 0xC5, 0xE0...0xE3, 0xE5: append(0x61)
        case 0xC7, 0xE7: append(0x63)
        case 0xC8...0xCB, 0xE8...0xEB: append(0x65)
        case 0xCC...0xCF, 0xEC...0xEF: append(0x69)
        case 0xD1, 0xF1: append(0x6E)
        case 0xD2...0xD5, 0xF2...0xF5, 0xD8, 0xF8: append(0x6F)
        case 0xD9...0xDB, 0xF9...0xFB: append(0x75)
        case 0x308:
            // Combining diaeresis (NFD): a + ̈ is ä, which folds to ae.
            if let last = previous, last == 0x61 || last == 0x6F || last == 0x75 { append(0x65) }
        case 0x300...0x36F:
            break  // other combining accents are dropped, as for precomposed letters
        default:
            for byte in scalar.properties.lowercaseMapping.utf8 { append(byte) }
        }
    }

    /// Whether the scalar is an ASCII letter or digit (those `asciiLetterOrDigit` folds).
    @inline(__always)
    static func isASCIILetterOrDigit(_ value: UInt32) -> Bool {
        (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10
    }

    /// The folded form of an ASCII letter or digit (a letter in lowercase); nil for every other scalar.
    @inline(__always)
    static func asciiLetterOrDigit(_ value: UInt32) -> UInt8? {
        if value &- 0x61 < 26 || value &- 0x30 < 10 { return UInt8(truncatingIfNeeded: value) }
        if value &- 0x41 < 26 { return UInt8(truncatingIfNeeded: value + 32) }
        return nil
    }

    static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { fold(scalar, into: &out) }
        return out
    }

    static func foldedString(_ text: String) -> String {
        String(decoding: fold(text), as: UTF8.self)
    }
}

// MARK: - Disguised letters

/// Letters that look like Latin ones but are other code points, as used to slip a word past the lint:
/// compatibility forms (fullwidth `Ａ`, mathematical `𝐀`, letterlike `ℎ`) and Cyrillic or Greek look-alikes (`а`).
/// Only called for scalars above U+036F, so ASCII and Latin-1 text never reaches these tables.
extension GermanFolding {
    /// The ASCII letter (lowercase) or digit a compatibility form stands for, as NFKC would give it; nil otherwise.
    static func compatibilityLatin(_ value: UInt32) -> UInt8? {
        switch value {
        case 0xFF10...0xFF19: return UInt8(value - 0xFF10) + 0x30  // fullwidth digits
        case 0xFF21...0xFF3A: return UInt8(value - 0xFF21) + 0x61  // fullwidth capitals
        case 0xFF41...0xFF5A: return UInt8(value - 0xFF41) + 0x61  // fullwidth small letters
        case 0x1D400...0x1D6A3:
            // Thirteen mathematical alphabets of 52 letters each, A–Z then a–z (the few holes are unassigned).
            return UInt8((value - 0x1D400) % 26) + 0x61
        case 0x1D6A4: return 0x69  // mathematical italic dotless i
        case 0x1D6A5: return 0x6A  // mathematical italic dotless j
        case 0x1D7CE...0x1D7FF: return UInt8((value - 0x1D7CE) % 10) + 0x30  // mathematical digits
        case 0x2100...0x214F: return letterlike(value)
        default: return nil
        }
    }

    /// Letterlike symbols that stand in the holes of the mathematical alphabets (`ℎ` is italic h).
    private static func letterlike(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x2102, 0x212D: return 0x63  // ℂ ℭ
        case 0x210A: return 0x67  // ℊ
        case 0x210B...0x210E: return 0x68  // ℋ ℌ ℍ ℎ
        case 0x2110, 0x2111, 0x2139, 0x2148: return 0x69  // ℐ ℑ ℹ ⅈ
        case 0x2149: return 0x6A  // ⅉ
        case 0x212A: return 0x6B  // Kelvin sign
        case 0x2112, 0x2113: return 0x6C  // ℒ ℓ
        case 0x2133: return 0x6D  // ℳ
        case 0x2115: return 0x6E  // ℕ
        case 0x2134: return 0x6F  // ℴ
        case 0x2119: return 0x70  // ℙ
        case 0x211A: return 0x71  // ℚ
        case 0x211B...0x211D: return 0x72  // ℛ ℜ ℝ
        case 0x2124, 0x2128: return 0x7A  // ℤ ℨ
        case 0x212C: return 0x62  // ℬ
        case 0x212F, 0x2130, 0x2147: return 0x65  // ℯ ℰ ⅇ
        case 0x2131: return 0x66  // ℱ
        case 0x2145, 0x2146: return 0x64  // ⅅ ⅆ
        case 0x212B: return 0x61  // Angstrom sign (Å)
        default: return nil
        }
    }

    /// The Latin letter (lowercase) a Cyrillic or Greek letter cannot be told from in common fonts; nil otherwise.
    /// Used only inside words that are otherwise written in Latin letters: a Ukrainian word keeps its letters.
    static func latinLookalike(_ value: UInt32) -> UInt8? {
        switch value {
        // Cyrillic capitals А В Е К М Н О Р С Т У Х І Ј Ѕ Ё Ї Ү Һ Ӏ Ԛ Ԝ
        case 0x0410: return 0x61
        case 0x0412: return 0x62
        case 0x0415, 0x0401: return 0x65
        case 0x041A: return 0x6B
        case 0x041C: return 0x6D
        case 0x041D, 0x04BA: return 0x68
        case 0x041E: return 0x6F
        case 0x0420: return 0x70
        case 0x0421: return 0x63
        case 0x0422: return 0x74
        case 0x0423, 0x04AE: return 0x79
        case 0x0425: return 0x78
        case 0x0406, 0x0407: return 0x69
        case 0x0408: return 0x6A
        case 0x0405: return 0x73
        case 0x04C0: return 0x6C
        case 0x051A: return 0x71
        case 0x051C: return 0x77
        // Cyrillic small letters а е о р с у х і ј ѕ ԁ һ ӏ ԛ ԝ ё ї ү
        case 0x0430: return 0x61
        case 0x0435, 0x0451: return 0x65
        case 0x043E: return 0x6F
        case 0x0440: return 0x70
        case 0x0441: return 0x63
        case 0x0443, 0x04AF: return 0x79
        case 0x0445: return 0x78
        case 0x0456, 0x0457: return 0x69
        case 0x0458: return 0x6A
        case 0x0455: return 0x73
        case 0x0501: return 0x64
        case 0x04BB: return 0x68
        case 0x04CF: return 0x6C
        case 0x051B: return 0x71
        case 0x051D: return 0x77
        // Greek capitals Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ, lunate sigma Ϲ, yot Ϳ
        case 0x0391: return 0x61
        case 0x0392: return 0x62
        case 0x0395: return 0x65
        case 0x0396: return 0x7A
        case 0x0397: return 0x68
        case 0x0399: return 0x69
        case 0x039A: return 0x6B
        case 0x039C: return 0x6D
        case 0x039D: return 0x6E
        case 0x039F: return 0x6F
        case 0x03A1: return 0x70
        case 0x03A4: return 0x74
        case 0x03A5: return 0x79
        case 0x03A7: return 0x78
        case 0x03F9: return 0x63
        case 0x037F: return 0x6A
        // Greek small letters α ι κ ν ο ρ τ υ, with tonos ά ί ό ύ, lunate sigma ϲ, yot ϳ
        case 0x03B1, 0x03AC: return 0x61
        case 0x03B9, 0x03AF: return 0x69
        case 0x03BA: return 0x6B
        case 0x03BD: return 0x76
        case 0x03BF, 0x03CC: return 0x6F
        case 0x03C1: return 0x70
        case 0x03C4: return 0x74
        case 0x03C5, 0x03CD: return 0x75
        case 0x03F2: return 0x63
        case 0x03F3: return 0x6A
        default: return nil
        }
    }

    /// Cyrillic and Greek letters (the blocks `latinLookalike` draws from, with their supplements).
    static func isCyrillicOrGreek(_ value: UInt32) -> Bool {
        (0x0370...0x052F).contains(value) || (0x1C80...0x1C8F).contains(value) || (0x1F00...0x1FFF).contains(value)
            || (0x2DE0...0x2DFF).contains(value) || (0xA640...0xA69F).contains(value)
    }
}
