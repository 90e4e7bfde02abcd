import Foundation
import Testing
@testable import VorortCore

/// Small picture files built byte by byte: just the headers `ImageSize` reads, plus a little of what follows.
enum PictureBytes {
    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v) }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le24(_ v: Int) -> [UInt8] { le16(v) + [UInt8(v >> 16 & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v) + le16(v >> 16) }

    static func png(_ width: Int, _ height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 2, 0, 0, 0] + [0, 0, 0, 0] + be32(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    static func gif(_ width: Int, _ height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0] + Array(";".utf8)
    }

    static func webP(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
        let body = Array("WEBP".utf8) + Array(chunk.utf8) + le32(payload.count) + payload
        return Array("RIFF".utf8) + le32(body.count) + body
    }

    static func webPLossy(_ width: Int, _ height: Int) -> [UInt8] {
        webP("VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A] + le16(width) + le16(height) + [UInt8](repeating: 0, count: 8))
    }

    static func webPLossless(_ width: Int, _ height: Int) -> [UInt8] {
        webP("VP8L", [0x2F] + le32((width - 1) | (height - 1) << 14) + [0, 0, 0, 0])
    }

    static func webPExtended(_ width: Int, _ height: Int) -> [UInt8] {
        webP("VP8X", [0x10, 0, 0, 0] + le24(width - 1) + le24(height - 1))
    }

    /// An APP1 segment with an EXIF block whose IFD0 holds an orientation (and, first, an unrelated tag).
    static func exif(orientation: Int, bigEndian: Bool) -> [UInt8] {
        let u16 = bigEndian ? be16 : le16, u32 = bigEndian ? be32 : le32
        let entries = u16(0x010F) + u16(2) + u32(4) + Array("Cam\0".utf8)   // Make
            + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]     // Orientation
        let tiff = (bigEndian ? Array("MM".utf8) : Array("II".utf8)) + u16(42) + u32(8) + u16(2) + entries + u32(0)
        return segment(0xE1, Array("Exif".utf8) + [0, 0] + tiff)
    }

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be16(payload.count + 2) + payload
    }

    /// A baseline JPEG's headers: JFIF, optional segments, a Huffman table, the frame, and the start of the scan.
    static func jpeg(_ width: Int, _ height: Int, before: [UInt8] = []) -> [UInt8] {
        [0xFF, 0xD8] + segment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]) + before
            + segment(0xC4, [0x00] + [UInt8](repeating: 0, count: 16))
            + segment(0xC0, [8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
            + segment(0xDA, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3F, 0]) + [0x12, 0x34, 0xFF, 0xD9]
    }
}

struct ImageSizeTests {
    typealias B = PictureBytes

    @Test func readsTheSizeOfEveryFormatBrowsersShow() {
        #expect(ImageSize.read(B.png(1600, 1200)) == PixelSize(width: 1600, height: 1200))
        #expect(ImageSize.read(B.gif(320, 200)) == PixelSize(width: 320, height: 200))
        #expect(ImageSize.read(B.webPLossy(1024, 768)) == PixelSize(width: 1024, height: 768))
        #expect(ImageSize.read(B.webPLossless(16383, 1)) == PixelSize(width: 16383, height: 1))
        #expect(ImageSize.read(B.webPExtended(5000, 3000)) == PixelSize(width: 5000, height: 3000))
        #expect(ImageSize.read(B.jpeg(4032, 3024)) == PixelSize(width: 4032, height: 3024))
    }

    @Test func jpegOrientationFiveToEightSwapsWidthAndHeight() {
        for bigEndian in [true, false] {
            for orientation in 1...8 {
                let size = ImageSize.read(B.jpeg(4032, 3024, before: B.exif(orientation: orientation, bigEndian: bigEndian)))
                let expected = orientation >= 5 ? PixelSize(width: 3024, height: 4032) : PixelSize(width: 4032, height: 3024)
                #expect(size == expected, "orientation \(orientation), big-endian \(bigEndian)")
            }
        }
    }

    @Test func jpegSegmentsBeforeTheFrameAreSkipped() {
        // Fill bytes before a marker, an XMP block in APP1 (no EXIF), a comment, a restart marker without length.
        let before = [0xFF, 0xFF] + B.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x/>".utf8))
            + B.segment(0xFE, Array("Kommentar".utf8)) + [0xFF, 0xD0]
            + B.segment(0xE2, [UInt8](repeating: 0xC0, count: 60_000))
        #expect(ImageSize.read(B.jpeg(800, 600, before: before)) == PixelSize(width: 800, height: 600))
        // Progressive (SOF2) is a frame header too.
        var progressive = B.jpeg(640, 480)
        let frame = progressive.indices.first { progressive[$0] == 0xFF && progressive[$0 + 1] == 0xC0 }!
        progressive[frame + 1] = 0xC2
        #expect(ImageSize.read(progressive) == PixelSize(width: 640, height: 480))
    }

    @Test func everyTruncationGivesNoSizeOrTheRightOne() {
        let samples: [([UInt8], PixelSize)] = [
            (B.png(10, 20), PixelSize(width: 10, height: 20)), (B.gif(10, 20), PixelSize(width: 10, height: 20)),
            (B.webPLossy(10, 20), PixelSize(width: 10, height: 20)), (B.webPLossless(10, 20), PixelSize(width: 10, height: 20)),
            (B.webPExtended(10, 20), PixelSize(width: 10, height: 20)),
            (B.jpeg(10, 20, before: B.exif(orientation: 6, bigEndian: true)), PixelSize(width: 20, height: 10)),
        ]
        for (bytes, expected) in samples {
            var sized = 0
            for length in 0..<bytes.count {
                let size = ImageSize.read(Array(bytes.prefix(length)))
                #expect(size == nil || size == expected, "\(length) of \(bytes.count) bytes")
                if size != nil { sized += 1 }
            }
            // The size stands in the header: a file cut off before it has none.
            #expect(ImageSize.read(Array(bytes.prefix(8))) == nil)
            #expect(sized < bytes.count)
        }
    }

    @Test func hostileHeadersGiveNoSize() {
        #expect(ImageSize.read([]) == nil)
        #expect(ImageSize.read(Array("not really a picture".utf8)) == nil)
        #expect(ImageSize.read(B.png(0, 100)) == nil, "zero pixels")
        #expect(ImageSize.read(B.png(0x8000_0000, 1)) == nil, "beyond what PNG allows")
        #expect(ImageSize.read(B.jpeg(0, 100)) == nil, "height from a later DNL segment: unknown")
        // A segment length below 2 would never move on.
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xC0]) == nil)
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01]) == nil)
        // A length pointing far past the end.
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0, 0]) == nil)
        // Endless segments or fill bytes: the walk gives up after a fixed number of steps.
        let endless = [0xFF, 0xD8] + Array([[UInt8]](repeating: B.segment(0xFE, []), count: 5_000).joined()) + B.jpeg(1, 1).dropFirst(2)
        #expect(ImageSize.read(endless) == nil)
        #expect(ImageSize.read([0xFF, 0xD8] + [UInt8](repeating: 0xFF, count: 100_000)) == nil)
        // Scan data before any frame header.
        #expect(ImageSize.read([0xFF, 0xD8] + B.segment(0xDA, [0, 0, 0]) + B.segment(0xC0, [8, 0, 1, 0, 1, 1])) == nil)
        // A WebP chunk of an unknown kind, and a lossy one without its start code.
        #expect(ImageSize.read(B.webP("ALPH", [UInt8](repeating: 1, count: 20))) == nil)
        #expect(ImageSize.read(B.webP("VP8 ", [UInt8](repeating: 0, count: 20))) == nil)
    }

    @Test func hostileEXIFIsIgnoredButTheSizeStays() {
        func withEXIF(_ tiff: [UInt8]) -> PixelSize? {
            ImageSize.read(B.jpeg(40, 30, before: B.segment(0xE1, Array("Exif".utf8) + [0, 0] + tiff)))
        }
        let expected = PixelSize(width: 40, height: 30)
        #expect(withEXIF(Array("MM".utf8) + B.be16(42) + B.be32(0xFFFF_FFF0)) == expected, "IFD beyond the segment")
        #expect(withEXIF(Array("II".utf8) + B.le16(42) + B.le32(8) + B.le16(0xFFFF)) == expected, "65535 entries, none there")
        #expect(withEXIF(Array("XX".utf8) + B.le16(42) + B.le32(8)) == expected, "unknown byte order")
        #expect(withEXIF(Array("II".utf8) + B.le16(42) + B.le32(8) + B.le16(1) + B.le16(0x0112) + B.le16(3) + B.le32(1) + B.le16(99) + [0, 0])
            == expected, "orientation out of range")
        #expect(withEXIF([]) == expected)
    }

    /// Random changes to valid headers: whatever comes out, the reader returns (no trap, no endless loop).
    @Test func randomlyDamagedHeadersNeverCrash() {
        var generator = FuzzTests.Generator(state: 0x5EED_1234)
        let samples = [B.png(7, 9), B.gif(7, 9), B.webPLossy(7, 9), B.webPLossless(7, 9), B.webPExtended(7, 9),
                       B.jpeg(7, 9, before: B.exif(orientation: 6, bigEndian: false))]
        var sized = 0
        for round in 0..<20_000 {
            var bytes = samples[round % samples.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(at...)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: at)
                }
                if bytes.isEmpty { break }
            }
            if let size = ImageSize.read(bytes) {
                #expect(size.width > 0 && size.height > 0)
                sized += 1
            }
        }
        #expect(sized > 0, "some damaged files keep a readable header")
    }

    @Test func readsFilesWithoutBlockingOnPipesOrFollowingLinks() throws {
        let folder = TestSupport.temporaryFolder("vorort-imagesize")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { TestSupport.cleanUp(folder) }
        let photo = folder.appendingPathComponent("foto.jpg")
        try Data(B.jpeg(1600, 1200, before: B.exif(orientation: 8, bigEndian: true))).write(to: photo)
        #expect(ImageSize.read(fileAt: photo) == PixelSize(width: 1200, height: 1600))
        let pipe = folder.appendingPathComponent("pipe.png")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        #expect(ImageSize.read(fileAt: pipe) == nil)
        let link = folder.appendingPathComponent("link.jpg")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: photo)
        #expect(ImageSize.read(fileAt: link) == nil)
        #expect(ImageSize.read(fileAt: folder) == nil)
        #expect(ImageSize.read(fileAt: folder.appendingPathComponent("fehlt.png")) == nil)
    }

    @Test func sizesAreWrittenTheGermanWay() {
        #expect(PictureFile.germanMegabytes(3_500_000) == "3,5 MB")
        #expect(PictureFile.germanMegabytes(1_000_001) == "1,0 MB")
        #expect(PictureFile.germanMegabytes(10_480_000) == "10,5 MB")
        #expect(PictureFile(bytes: 1_000_000, pixels: nil).isLarge == false)
        #expect(PictureFile(bytes: 1_000_001, pixels: nil).isLarge)
        #expect(!PictureFile(bytes: SiteLoader.maximumPictureSize + 1, pixels: nil).isLarge, "refused instead: file-too-large")
    }
}
