/// Files that were clearly meant as content but that vorort would silently leave out: `sprachcafe.markdown`,
/// `sprachcafe.md.txt` (a hidden `.txt` from Windows), `sprachcafe.MD`, a Word document, `sprachcafe.EN.md` for a
/// translation. Each is an error with the name it should have, since the build would pass without the page.
enum MisnamedContentFile {
    struct Finding: Equatable {
        var suggestedName: String
        var message: String
        var hint: String
    }

    private static let textExtensions = ["md.txt", "markdown", "mdown", "mkd", "txt", "text", "md"]
    private static let documentExtensions = ["docx", "doc", "odt", "rtf"]

    /// The name the file should have, when that name would be content at this place (`wouldBeContent`).
    static func check(_ fileName: String, wouldBeContent: (String) -> Bool) -> Finding? {
        let lower = fileName.lowercased()
        // `sprachcafe.EN.md`: a translation with its language code in capitals.
        if fileName.hasSuffix(".md") {
            let parts = fileName.dropLast(3).split(ascii: ".", omittingEmptySubsequences: false)
            if parts.count == 2, !ContentPath.isLanguageCode(String(parts[1])), ContentPath.isLanguageCode(parts[1].lowercased()) {
                let suggested = "\(parts[0]).\(parts[1].lowercased()).md"
                guard wouldBeContent(suggested) else { return nil }
                return Finding(suggestedName: suggested,
                    message: "`\(fileName)` ist kein gültiger Name für eine Übersetzung: Das Sprachkürzel wird kleingeschrieben.",
                    hint: "Benennen Sie die Datei in `\(suggested)` um. Nicht in `\(parts[0])-\(parts[1].lowercased()).md`: Das wäre eine eigene deutsche Seite mit dem Text der Übersetzung.")
            }
            return nil
        }
        if fileName.hasSuffix(".yml") { return nil }
        for ext in textExtensions where lower.hasSuffix("." + ext) {
            let stem = fileName.dropLast(ext.count + 1)
            guard !stem.isEmpty else { return nil }
            let suggested = "\(stem).md"
            guard wouldBeContent(suggested) else { return nil }
            return Finding(suggestedName: suggested,
                message: "Die Datei endet auf `.\(fileName.suffix(ext.count))`; vorort veröffentlicht nur Texte mit der Endung `.md` (klein geschrieben), diesen also nicht.",
                hint: "Benennen Sie die Datei in `\(suggested)` um. Zeigt Ihr Dateimanager keine Endungen an, schalten Sie sie ein: Oft steht dort unsichtbar noch `.txt`.")
        }
        for ext in documentExtensions where lower.hasSuffix("." + ext) {
            let stem = fileName.dropLast(ext.count + 1)
            let suggested = "\(stem).md"
            guard !stem.isEmpty, wouldBeContent(suggested) else { return nil }
            return Finding(suggestedName: suggested,
                message: "Das ist ein Textdokument (`.\(ext)`), etwa aus Word; vorort veröffentlicht nur Markdown-Dateien, dieser Text fehlte also auf der Website.",
                hint: "Legen Sie `\(suggested)` mit einem Vorspann zwischen zwei Zeilen `---` an, kopieren Sie den Text hinein und löschen Sie das Dokument.")
        }
        if lower == "zahlen.yaml" || (lower == "zahlen.yml" && fileName != "zahlen.yml") {
            guard wouldBeContent("zahlen.yml") else { return nil }
            return Finding(suggestedName: "zahlen.yml", message: "Zahlen und Fakten liest vorort nur aus einer Datei namens `zahlen.yml`.",
                           hint: "Benennen Sie die Datei in `zahlen.yml` um.")
        }
        return nil
    }
}
