import Foundation

/// The languages editors name under `languages:` of offers and contact points — in German, as they write them
/// („Arabisch“, „Kurdisch (Kurmandschi)“, „DGS“) — and their BCP 47 codes, for machines (JSON-LD). One table for
/// every use. A name that is not in it is left out where a code is needed, never guessed: a wrong code would tell
/// a search engine that somebody speaks a language nobody there speaks.
public enum LanguageNames {
    /// Code, then the names that mean it; the first name is how the site writes the language in German.
    /// Codes are ISO 639-1 where there is one, else ISO 639-3 (BCP 47 takes the shortest).
    static let table: [(code: String, names: [String])] = [
        ("de", ["Deutsch"]),
        ("en", ["Englisch"]),
        ("ar", ["Arabisch"]),
        ("uk", ["Ukrainisch"]),
        ("tr", ["Türkisch"]),
        ("ru", ["Russisch"]),
        ("fa", ["Persisch", "Farsi", "Iranisch"]),
        ("prs", ["Dari"]),
        ("ps", ["Paschtu", "Paschto", "Paschtunisch", "Pashto"]),
        ("ku", ["Kurdisch"]),
        ("kmr", ["Kurmandschi", "Kurmanci", "Kurmanji", "Nordkurdisch"]),
        ("ckb", ["Sorani", "Zentralkurdisch"]),
        ("fr", ["Französisch"]),
        ("pl", ["Polnisch"]),
        ("ro", ["Rumänisch"]),
        ("bg", ["Bulgarisch"]),
        ("ti", ["Tigrinya", "Tigrinisch", "Tigrinja"]),
        ("so", ["Somali", "Somalisch"]),
        ("am", ["Amharisch"]),
        ("om", ["Oromo", "Oromisch"]),
        ("es", ["Spanisch"]),
        ("it", ["Italienisch"]),
        ("pt", ["Portugiesisch"]),
        ("el", ["Griechisch"]),
        ("sq", ["Albanisch"]),
        ("sr", ["Serbisch"]),
        ("hr", ["Kroatisch"]),
        ("bs", ["Bosnisch"]),
        ("mk", ["Mazedonisch"]),
        ("sl", ["Slowenisch"]),
        ("cs", ["Tschechisch"]),
        ("sk", ["Slowakisch"]),
        ("hu", ["Ungarisch"]),
        ("lt", ["Litauisch"]),
        ("lv", ["Lettisch"]),
        ("et", ["Estnisch"]),
        ("be", ["Belarussisch", "Weißrussisch"]),
        ("ka", ["Georgisch"]),
        ("hy", ["Armenisch"]),
        ("az", ["Aserbaidschanisch"]),
        ("nl", ["Niederländisch"]),
        ("vi", ["Vietnamesisch"]),
        ("zh", ["Chinesisch"]),
        ("hi", ["Hindi"]),
        ("ur", ["Urdu"]),
        ("bn", ["Bengalisch", "Bengali"]),
        ("ta", ["Tamil", "Tamilisch"]),
        ("pa", ["Panjabi", "Punjabi"]),
        ("sw", ["Swahili", "Suaheli", "Kiswahili"]),
        ("ha", ["Hausa"]),
        ("yo", ["Yoruba"]),
        ("ig", ["Igbo"]),
        ("he", ["Hebräisch"]),
        ("rom", ["Romanes", "Romani"]),
        ("gsg", ["Deutsche Gebärdensprache", "Gebärdensprache", "DGS"]),
    ]

    /// Folded name → code, built once.
    private static let codes: [String: String] = {
        var codes: [String: String] = [:]
        for (code, names) in table { for name in names { codes[fold(name)] = code } }
        return codes
    }()

    /// The BCP 47 code of a language as an editor names it, nil for a name the table does not know.
    /// „Kurdisch (Kurmandschi)“: the qualifier in brackets is the more exact name, so it is tried first.
    /// Leichte Sprache and Einfache Sprache are German.
    public static func code(for name: String) -> String? {
        let folded = fold(name)
        if folded == "leichte sprache" || folded == "einfache sprache" { return "de" }
        if let open = folded.firstIndex(of: "("), let close = folded.lastIndex(of: ")"), open < close {
            let qualifier = folded[folded.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if let code = codes[qualifier] { return code }
            return codes[folded[..<open].trimmingCharacters(in: .whitespaces)]
        }
        return codes[folded]
    }

    /// The codes of the named languages in their order, each once; unknown names are left out.
    public static func codes(for names: [String]) -> [String] {
        var seen = Set<String>()
        return names.compactMap(code(for:)).filter { seen.insert($0).inserted }
    }

    /// The German name of a language by the primary subtag of its tag (`en`, `ar-SY` → „Englisch“, „Arabisch“).
    public static func germanName(forTag tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return table.first { $0.code == primary }?.names.first
    }

    /// Lower case, single spaces, composed umlauts: „  ARABISCH“ and an NFD „Türkisch“ are found.
    static func fold(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
