import Foundation

/// A picture beside a text: its size on disk and, when the header could be read, in pixels.
public struct PictureFile: Sendable, Hashable {
    public var bytes: Int
    public var pixels: PixelSize?

    /// Above this many bytes a picture is worth a warning: residents open the site on cheap phones over slow mobile
    /// connections, where 1 MB takes seconds. A phone photo exported at 1600 px width and JPEG quality 80 is
    /// typically 200–500 KB. (Above `SiteLoader.maximumPictureSize` it is refused.)
    public static let largeBytes = 1_000_000

    /// Worth the warning: above `largeBytes`, but not so large that it is refused (`file-too-large` says it all then).
    var isLarge: Bool { bytes > Self.largeBytes && bytes <= SiteLoader.maximumPictureSize }

    /// The width to export photos at: sharp on every phone and on most laptops.
    static let suggestedWidth = 1600

    /// `3,5 MB`, as German file managers write sizes (decimal megabytes, one decimal place, comma).
    static func germanMegabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }

    /// The warning for this picture, `path` relative to the site root, at the place that uses it (or the file).
    func largeImageFinding(path: String, file: String, at location: SourceLocation) -> Diagnostic {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let pixelText = pixels.map { " (\($0.width) × \($0.height) Pixel)" } ?? ""
        let resize = pixels.map { $0.width > Self.suggestedWidth && $0.width >= $0.height } == true
            ? "Verkleinern Sie `\(name)` auf \(Self.suggestedWidth) Pixel Breite"
            : pixels.map { $0.height > Self.suggestedWidth } == true
                ? "Verkleinern Sie `\(name)` auf \(Self.suggestedWidth) Pixel Höhe"
                : "Speichern Sie `\(name)` neu"
        return Diagnostic(
            file: file, location: location, severity: .warning, rule: "large-image",
            message: "Das Bild `\(name)` ist \(Self.germanMegabytes(bytes)) groß\(pixelText); auf dem Handy lädt es über eine langsame Verbindung lange.",
            hint: "\(resize) und exportieren Sie es als JPEG mit Qualität 80 (z. B. in der Fotos-App oder mit „Bildgröße ändern“); so ist es meist unter 500 KB.")
    }
}
