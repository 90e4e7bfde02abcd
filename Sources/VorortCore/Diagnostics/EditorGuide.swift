/// The generated parts of `docs/redaktion.md`, the German guide for editors: the fields of every content type
/// (from the declarations in `ContentTypes/`) and every message with what to do about it (from `RuleCatalogue`).
/// `EditorGuideTests` fails while the guide differs; `VORORT_UPDATE_DOCS=1 swift test --filter EditorGuide`
/// writes it.
public enum EditorGuide {
    public static let fieldsStartMarker = "<!-- felder:start -->"
    public static let fieldsEndMarker = "<!-- felder:end -->"
    public static let rulesStartMarker = "<!-- meldungen:start -->"
    public static let rulesEndMarker = "<!-- meldungen:end -->"

    /// Where files of a type live, in the words of the guide.
    static func whereFilesLive(_ placement: ContentPlacement) -> String {
        switch placement {
        case .districtIndex: "`content/kreis/index.md` (genau eine Datei)"
        case .municipalityIndex: "`content/gemeinden/<gemeinde>/index.md` (eine je Gemeinde)"
        case .ownedItems(let folder): "`content/kreis/\(folder)/<name>.md` oder `content/gemeinden/<gemeinde>/\(folder)/<name>.md`"
        case .sitePages(let folder): "`content/\(folder)/<name>.md`"
        case .ownerData(let file): "`content/kreis/\(file)` oder `content/gemeinden/<gemeinde>/\(file)`"
        }
    }

    static func kindName(_ kind: FieldSpec.Kind) -> String {
        switch kind {
        case .text: "Text"
        case .textList: "Liste von Texten"
        case .date: "Datum (JJJJ-MM-TT)"
        case .integer: "ganze Zahl"
        case .number: "Zahl"
        case .url: "Webadresse"
        case .email: "E-Mail-Adresse"
        case .reference: "Verweis"
        case .referenceList: "Liste von Verweisen"
        case .choice: "Auswahl"
        case .map: "Angaben in `{…}`"
        case .mapList: "Liste von Angaben"
        case .dateTime: "Datum, auch mit Uhrzeit (JJJJ-MM-TT SS:MM)"
        case .flag: "`true` oder `false`"
        }
    }

    static func translationNote(_ translation: FieldSpec.Translation) -> String {
        switch translation {
        case .none: "nein"
        case .text(let required): required ? "ja (Pflicht)" : "ja"
        case .list: "ja"
        case .translationOnly: "nur in Übersetzungen"
        }
    }

    /// A section per content type: where its files live and a table of its fields.
    public static func fieldsSection() -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var out: [String] = []
        for type in ContentTypes.all {
            out.append("### \(type.displayName)")
            out.append("")
            out.append("Wo: \(whereFilesLive(type.placement)).")
            out.append("")
            out.append("| Angabe | Pflicht | Art | Übersetzen | Bedeutung | Beispiel |")
            out.append("|---|---|---|---|---|---|")
            for field in type.schema {
                out.append("| `\(field.key)` | \(field.required ? "ja" : field.recommended ? "empfohlen" : "nein") | \(kindName(field.kind)) | "
                    + "\(translationNote(field.translation)) | \(cell(field.help)) | `\(cell(field.example))` |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Every message vorort gives, with its German title, severity and what to do; anchored by its id.
    public static func rulesSection() -> String {
        var out: [String] = []
        for entry in RuleCatalogue.entries + [RuleCatalogue.wordingRules] {
            let severities = entry.severities.map(\.germanName).joined(separator: " oder ")
            let name = entry.id == RuleCatalogue.wordingRules.id ? "Sprachhinweise (`asylant`, `fluechtlingswelle` …)" : "`\(entry.id)`"
            out.append("<a id=\"\(entry.helpAnchor)\"></a>**\(entry.title)** – \(name), \(severities)  ")
            out.append(entry.explanation)
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
