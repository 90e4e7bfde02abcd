/// Control characters in text an editor wrote: invisible, they come along when text is copied from Word or PDF
/// (Word's manual line break is U+000B, its page break U+000C) or typed as YAML escapes (`"\0"`, `"\x01"`). They
/// make feeds invalid XML, cut pages at a NUL in cmark and can forge lines in calendars and logs, so each one is a
/// finding at its place, and the file is read on with a space in its stead: one message per character, no more.
enum ControlCharacters {
    /// C0 controls but tab, line feed and carriage return; DEL; C1 controls; the non-characters U+FFFE and U+FFFF.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// A fast test on the bytes, since nearly every file has none.
    static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            if byte == 0x7F { return true }
            // U+0080–U+009F are C2 80–C2 9F; U+FFFE/U+FFFF end in BF BE/BF after EF.
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if (byte == 0xBE || byte == 0xBF) && previous == 0xBF { return true }
            previous = byte
        }
        return false
    }

    /// `mayContain` on the bytes of a file before decoding, true also for a carriage return: whether the loader
    /// needs to look further. One pass, since nearly every file has neither.
    static func mayContain(orCarriageReturn bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let words = UnsafeRawPointer(base)
            var previous: UInt8 = 0
            var index = 0
            while index < buffer.count {
                // Eight bytes at a time while none of them is below 0x20, 0x7F, 0xC2 or 0xBF: only those begin what is
                // looked for (the masks are the usual tests for a byte below a value and for a zero byte). The byte
                // after a C2 or BF is looked at on its own.
                while previous != 0xC2, previous != 0xBF, index + 8 <= buffer.count {
                    let word = words.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- 0x0101_0101_0101_0101) & ~value }
                    let below = (word &- 0x2020_2020_2020_2020) & ~word
                    let found = below | hasZeroByte(word ^ 0x7F7F_7F7F_7F7F_7F7F) | hasZeroByte(word ^ 0xC2C2_C2C2_C2C2_C2C2)
                        | hasZeroByte(word ^ 0xBFBF_BFBF_BFBF_BFBF)
                    guard found & 0x8080_8080_8080_8080 == 0 else { break }
                    index += 8
                    previous = 0
                }
                guard index < buffer.count else { break }
                let byte = buffer[index]
                index += 1
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte >= 0x80 {
                    if previous == 0xC2 && byte <= 0x9F { return true }
                    if previous == 0xBF && (byte == 0xBE || byte == 0xBF) { return true }
                }
                previous = byte
            }
            return false
        }
    }

    /// A German name for the character, with what usually put it there.
    static func describe(_ scalar: Unicode.Scalar) -> (name: String, hint: String) {
        let code = Diagnostic.codePoint(scalar)
        switch scalar.value {
        case 0x0B:
            return ("den manuellen Zeilenumbruch aus Word (\(code))",
                    "Löschen Sie ihn (in Word: Umschalt+Eingabe). Für einen neuen Absatz lassen Sie eine Zeile frei; für einen Zeilenumbruch im Absatz enden Sie die Zeile mit `\\`.")
        case 0x0C:
            return ("einen Seitenumbruch aus Word (\(code))", "Löschen Sie ihn; Webseiten haben keine Seiten.")
        case 0x00:
            return ("ein Nullzeichen (\(code))",
                    "Löschen Sie es. Nullzeichen entstehen, wenn eine Datei in einem anderen Format (z. B. UTF-16) gespeichert wurde; speichern Sie sie als UTF-8.")
        case 0x1B:
            return ("ein Escape-Zeichen (\(code))", "Löschen Sie es; es kommt beim Kopieren aus einem Terminal mit.")
        default:
            return ("das unsichtbare Steuerzeichen \(code)", "Löschen Sie es; es kommt meist beim Kopieren aus Word, PDF oder einem anderen Programm mit.")
        }
    }

    /// Reports every forbidden character of a file at its line and column and returns the text with spaces in their places.
    static func clean(_ text: String, collector: DiagnosticCollector) -> String {
        guard mayContain(text) else { return text }
        var out = String.UnicodeScalarView()
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                let (name, hint) = describe(scalar)
                let at = SourceLocation(line: line, column: column, endColumn: column + 1)
                collector.error("control-character", at: at, "Hier steht \(name).", hint: hint)
                out.append(" ")
            } else {
                out.append(scalar)
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return String(out)
    }

    /// A value as YAML gave it (escapes such as `"\x01"` resolved): reported once at the value, returned cleaned.
    /// `location` is worked out only for a finding.
    static func clean(value: String, at location: @autoclosure () -> SourceLocation, collector: DiagnosticCollector) -> String {
        guard let bad = value.unicodeScalars.first(where: isForbidden) else { return value }
        let (name, hint) = describe(bad)
        collector.error("control-character", at: location(), "Der Wert enthält \(name).",
            hint: hint + " In Anführungszeichen schreibt YAML es als `\\x…`, `\\0` oder `\\e`; löschen Sie diese Schreibweise.")
        return ScalarRewriter.rewrite(value) { isForbidden($0) ? " " : nil }
    }
}
