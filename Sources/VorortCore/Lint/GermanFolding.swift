/// Folds German text to the form rules are written in: lowercase, `ä → ae`, `ö → oe`, `ü → ue`, `ß → ss`,
/// other accents dropped. Precomposed (NFC) and decomposed (NFD) input fold alike.
enum GermanFolding {
    /// Appends the folded form of one scalar to `out`; returns false for scalars that are not part of a word.
    /// `previous` is the last folded byte, needed for a combining diaeresis after a base letter (NFD).
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: out.append(UInt8(value + 32))
        case 0x61...0x7A: out.append(UInt8(value))
        case 0x30...0x39: out.append(UInt8(value))
        case 0xC4, 0xE4: out.append(0x61); out.append(0x65)  // Ä ä → ae
        case 0xD6, 0xF6: out.append(0x6F); out.append(0x65)  // Ö ö → oe
        case 0xDC, 0xFC: out.append(0x75); out.append(0x65)  // Ü ü → ue
        case 0xDF, 0x1E9E: out.append(0x73); out.append(0x73)  // ß ẞ → ss
        case 0xC0...0xC3, 0xC5, 0xE0...0xE3, 0xE5: out.append(0x61)
        case 0xC7, 0xE7: out.append(0x63)
        case 0xC8...0xCB, 0xE8...0xEB: out.append(0x65)
        case 0xCC...0xCF, 0xEC...0xEF: out.append(0x69)
        case 0xD1, 0xF1: out.append(0x6E)
        case 0xD2...0xD5, 0xF2...0xF5, 0xD8, 0xF8: out.append(0x6F)
        case 0xD9...0xDB, 0xF9...0xFB: out.append(0x75)
        case 0x308:
            // Combining diaeresis (NFD): a + ̈ is ä, which folds to ae.
            if let last = out.last, last == 0x61 || last == 0x6F || last == 0x75 { out.append(0x65) }
        case 0x300...0x36F:
            break  // other combining accents are dropped, as for precomposed letters
        default:
            let lower = scalar.properties.lowercaseMapping
            out.append(contentsOf: Array(lower.utf8))
        }
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
