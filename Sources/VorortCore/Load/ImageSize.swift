import Foundation

/// A picture's size in pixels as a browser shows it (JPEG's EXIF rotation applied).
public struct PixelSize: Sendable, Hashable {
    public var width: Int
    public var height: Int
}

/// Reads the pixel size of a PNG, JPEG, GIF or WebP file from its header, so `<img>` can carry `width` and `height`
/// and the page does not jump while pictures load on a slow connection. No image library: only the few bytes that
/// hold the size are read. The files come from editors' phones and from anywhere else, so every read is bounds-checked,
/// every loop is capped, and anything unexpected gives nil (no size, no attributes), never a crash.
public enum ImageSize {
    /// Where the bytes come from: a file (read in pieces, never whole) or memory (tests).
    protocol Bytes {
        var count: Int { get }
        /// `length` bytes at `offset`, or nil when they are not all there.
        func read(_ offset: Int, _ length: Int) -> [UInt8]?
    }

    /// JPEG files are walked segment by segment; a real photo has a few dozen segments before its frame header.
    static let maximumJPEGSegments = 1_000
    /// The EXIF block is one APP1 segment, at most 64 KiB; IFD0 of a camera has a few dozen entries.
    static let maximumEXIFEntries = 500

    /// The size of the picture file at `url`; nil for other formats, unreadable, truncated or malformed files.
    public static func read(fileAt url: URL) -> PixelSize? {
        // O_NONBLOCK: a named pipe put in place of the picture must not block the build; O_NOFOLLOW: no links.
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return read(FileBytes(descriptor: descriptor, count: Int(info.st_size)))
    }

    /// The size of a picture held in memory.
    public static func read(_ data: [UInt8]) -> PixelSize? {
        read(MemoryBytes(bytes: data))
    }

    static func read(_ bytes: some Bytes) -> PixelSize? {
        guard let head = bytes.read(0, min(bytes.count, 30)), head.count >= 4 else { return nil }
        let size: PixelSize?
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            size = png(head)
        } else if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) {
            size = gif(head)
        } else if head.starts(with: Array("RIFF".utf8)), head.count >= 12, Array(head[8..<12]) == Array("WEBP".utf8) {
            size = webP(head)
        } else if head.starts(with: [0xFF, 0xD8]) {
            size = jpeg(bytes)
        } else {
            size = nil
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }

    // MARK: - Formats

    /// PNG: the IHDR chunk comes first, width and height as 32-bit big-endian numbers.
    private static func png(_ head: [UInt8]) -> PixelSize? {
        guard head.count >= 24, Array(head[12..<16]) == Array("IHDR".utf8) else { return nil }
        let width = bigEndian32(head, 16), height = bigEndian32(head, 20)
        // The format allows at most 2^31 - 1.
        guard width < 0x8000_0000, height < 0x8000_0000 else { return nil }
        return PixelSize(width: width, height: height)
    }

    /// GIF: the logical screen's width and height, 16-bit little-endian, after the signature.
    private static func gif(_ head: [UInt8]) -> PixelSize? {
        guard head.count >= 10 else { return nil }
        return PixelSize(width: littleEndian16(head, 6), height: littleEndian16(head, 8))
    }

    /// WebP: the first chunk says how the picture is stored; each kind keeps the size differently.
    private static func webP(_ head: [UInt8]) -> PixelSize? {
        let data = 20
        guard head.count >= data + 5 else { return nil }
        let chunk = String(decoding: head[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 ", "VP8X":
            guard head.count >= data + 10 else { return nil }
        default:
            break
        }
        switch chunk {
        case "VP8 ":
            // Lossy: a frame tag of 3 bytes, the start code 9D 01 2A, then 14-bit width and height.
            guard Array(head[data + 3..<data + 6]) == [0x9D, 0x01, 0x2A] else { return nil }
            return PixelSize(width: littleEndian16(head, data + 6) & 0x3FFF, height: littleEndian16(head, data + 8) & 0x3FFF)
        case "VP8L":
            // Lossless: the signature 0x2F, then width - 1 and height - 1 in 14 bits each.
            guard head[data] == 0x2F else { return nil }
            let bits = littleEndian32(head, data + 1)
            return PixelSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            // Extended: the canvas's width - 1 and height - 1 in 24 bits each, after 4 bytes of flags.
            return PixelSize(width: littleEndian24(head, data + 4) + 1, height: littleEndian24(head, data + 7) + 1)
        default:
            return nil
        }
    }

    /// JPEG: segments follow each other, each with a marker and a length; the frame header (SOF) holds the size.
    /// EXIF's orientation 5 to 8 turns the picture by a quarter, and browsers show it turned: width and height swap.
    private static func jpeg(_ bytes: some Bytes) -> PixelSize? {
        var offset = 2
        var orientation = 1
        for _ in 0..<maximumJPEGSegments {
            guard let marker = bytes.read(offset, 2), marker[0] == 0xFF else { return nil }
            let kind = marker[1]
            switch kind {
            case 0xFF:
                // A fill byte before the marker.
                offset += 1
                continue
            case 0x01, 0xD0...0xD8:
                // Markers without a length.
                offset += 2
                continue
            case 0xD9, 0xDA:
                // End of picture or start of the compressed data, and no frame header before it.
                return nil
            default:
                break
            }
            guard let lengthBytes = bytes.read(offset + 2, 2) else { return nil }
            let length = bigEndian16(lengthBytes, 0)
            guard length >= 2 else { return nil }
            let payload = offset + 4
            switch kind {
            case 0xC0...0xCF where kind != 0xC4 && kind != 0xC8 && kind != 0xCC:
                // Start of frame: precision, then height and width as 16-bit big-endian numbers.
                guard length >= 7, let frame = bytes.read(payload, 5) else { return nil }
                let height = bigEndian16(frame, 1), width = bigEndian16(frame, 3)
                return (5...8).contains(orientation) ? PixelSize(width: height, height: width) : PixelSize(width: width, height: height)
            case 0xE1 where orientation == 1:
                if let segment = bytes.read(payload, length - 2) { orientation = exifOrientation(segment) ?? orientation }
            default:
                break
            }
            offset += 2 + length
        }
        return nil
    }

    /// The orientation tag (0x0112) of IFD0 in an APP1 segment that starts with `Exif\0\0`.
    static func exifOrientation(_ segment: [UInt8]) -> Int? {
        guard segment.count >= 14, segment.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = Array(segment[6...])
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true   // "II", Intel
        case (0x4D, 0x4D): little = false  // "MM", Motorola
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? littleEndian16(tiff, at) : bigEndian16(tiff, at)
        }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= tiff.count else { return nil }
            return little ? littleEndian32(tiff, at) : bigEndian32(tiff, at)
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return nil }
        for entry in 0..<min(count, maximumEXIFEntries) {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at) else { return nil }
            // Type 3 is SHORT: the value stands in the first two bytes of the value field.
            if tag == 0x0112 {
                guard u16(at + 2) == 3, let value = u16(at + 8), (1...8).contains(value) else { return nil }
                return value
            }
        }
        return nil
    }

    // MARK: - Reading numbers (callers check the bounds)

    private static func bigEndian16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) << 8 | Int(b[at + 1]) }
    private static func bigEndian32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }
    private static func littleEndian16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    private static func littleEndian24(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 }
    private static func littleEndian32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24
    }

    // MARK: - Sources of bytes

    private struct MemoryBytes: Bytes {
        let bytes: [UInt8]
        var count: Int { bytes.count }

        func read(_ offset: Int, _ length: Int) -> [UInt8]? {
            guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else { return nil }
            return Array(bytes[offset..<offset + length])
        }
    }

    /// Reads pieces of an open file with `pread`, so a 10 MB photo is never read whole for its size.
    private struct FileBytes: Bytes {
        let descriptor: Int32
        let count: Int

        func read(_ offset: Int, _ length: Int) -> [UInt8]? {
            guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
            var buffer = [UInt8](repeating: 0, count: length)
            var done = 0
            while done < length {
                let got = buffer.withUnsafeMutableBytes { raw in
                    pread(descriptor, raw.baseAddress! + done, length - done, off_t(offset + done))
                }
                // An error or a file that shrank since `fstat`: no size rather than a guess.
                guard got > 0 else { return nil }
                done += got
            }
            return buffer
        }
    }
}
