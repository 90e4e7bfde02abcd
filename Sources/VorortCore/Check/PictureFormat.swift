/// Picture formats that phones and cameras write but browsers do not show (the iPhone's HEIC, TIFF from scanners,
/// camera raw files): such a picture is not "missing", it needs exporting as JPEG.
enum PictureFormat {
    static let unshowable: Set<String> = ["heic", "heif", "tif", "tiff", "bmp", "psd", "dng", "cr2", "cr3", "nef", "arw", "raw"]

    /// The finding for a picture named `name` in a format browsers cannot show; nil for other names.
    static func unshowableFinding(_ name: String) -> (message: String, hint: String)? {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), unshowable.contains(file[file.index(after: dot)...].lowercased()) else { return nil }
        let format = file[file.index(after: dot)...].uppercased()
        return ("Das Bild `\(name)` ist im Format \(format), das Browser nicht anzeigen; es wird nicht veröffentlicht.",
                "Exportieren Sie das Bild als JPEG (in der Fotos-App „Exportieren“, Format JPEG), legen Sie `\(file[..<dot]).jpg` in denselben Ordner und nennen Sie diesen Namen.")
    }
}
