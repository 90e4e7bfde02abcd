/// Escaping for text and attribute values in the XML the build writes itself (sitemap, Atom feed, SVG charts,
/// the theme's words put into its templates),
/// so no editor's text can break out of its element or attribute.
enum XML {
    /// Works on the UTF-8 bytes, which come out as Unicode scalars would: every character it replaces is one
    /// scalar of its own (ASCII, or U+FFFE/U+FFFF as the three bytes EF BF BE/BF), so a combining mark after a quote
    /// cannot hide the quote as a `Character`-wise escaper would let it. Characters XML 1.0 forbids (C0 controls
    /// but tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD, so one bad character can never make a whole feed
    /// unreadable. Bytes, not scalars: the feed escapes every story's whole HTML (at 10,000 pages 4 % of a build
    /// went to a scalar-by-scalar loop).
    static func escape(_ s: String) -> String {
        s.withUTF8Bytes { bytes in
            guard let first = bytes.firstIndex(where: needsLook) else { return s }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
            out.append(contentsOf: bytes[..<first])
            var i = first
            // Bytes that need no look are copied a run at a time (one append per byte was most of the feed's time).
            var run = first
            while i < bytes.count {
                let byte = bytes[i]
                guard needsLook(byte) else {
                    i += 1
                    continue
                }
                out.append(contentsOf: bytes[run..<i])
                switch byte {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
                case 0x27: out.append(contentsOf: [0x26, 0x61, 0x70, 0x6F, 0x73, 0x3B]) // &apos;
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD]) // U+FFFE, U+FFFF → U+FFFD
                    i += 2
                case _ where isForbiddenControl(byte):
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                default: out.append(byte)
                }
                i += 1
                run = i
            }
            out.append(contentsOf: bytes[run..<bytes.count])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Bytes that may need replacing: the five markup characters, forbidden controls, and the lead byte of
    /// U+FFFE/U+FFFF.
    @inline(__always)
    private static func needsLook(_ byte: UInt8) -> Bool {
        isForbiddenControl(byte) || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
    }

    /// C0 controls but tab, LF and CR (XML 1.0 § 2.2 `Char`).
    @inline(__always)
    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }
}
