/// Every rule id vorort reports, with its severity and the German words editors read about it. The README's rule
/// table and SARIF's `tool.driver.rules` are made from it, and `RuleCatalogueTests` fails on an id that a source file
/// emits without an entry here (or on an entry nothing emits): add the entry together with the new finding.
///
/// The wording lint's own rules (`asylant`, …) are data in `Lint/Rules/*.yml` and a site's `lint/*.yml`; they share
/// the single entry `wordingRules`, and their words come from the active rule set.
public enum RuleCatalogue {
    /// One rule: what it is called and what editors should do about its findings.
    public struct Entry: Sendable, Hashable {
        /// The stable id printed in brackets after each finding, e.g. `unknown-key`.
        public let id: String
        /// The severities the rule is reported with; the first is the usual one and SARIF's default level.
        public let severities: [Severity]
        /// A short German name, e.g. „Unbekannte Angabe“.
        public let title: String
        /// What is wrong and how to fix it, in German for editors (Sie), one to three sentences.
        public let explanation: String
        /// The anchor of the rule's row in the README's rule table.
        public let helpAnchor: String

        public var severity: Severity { severities[0] }

        init(_ id: String, _ severities: [Severity], _ title: String, _ explanation: String) {
            self.id = id
            self.severities = severities
            self.title = title
            self.explanation = explanation
            helpAnchor = id
        }
    }

    /// Stands for every rule of the wording lint; its `id` is only the anchor of its README row, never a finding's id.
    public static let wordingRules = Entry("wording-rules", [.warning, .error, .info], "Sprachhinweis",
        "Eine Formulierung, die Menschen abwertet, ausgrenzt oder als Bedrohung darstellt; die Meldung erklärt, warum. "
            + "Ersetzen Sie sie durch eine der Alternativen aus der Meldung. Ein Zitat, das Sie bewusst stehen lassen, "
            + "kennzeichnen Sie mit einer begründeten Ausnahme.")

    /// Built-in wording rules named in the README as examples of wording rule ids.
    static let wordingRuleExamples = ["asylant", "fluechtlingswelle"]

    /// Every rule id vorort reports itself, in the order of the README's table.
    public static let entries: [Entry] = [
        // Files and folders
        Entry("missing-file", [.error], "Datei oder Ordner fehlt",
              "Im Ordner der Website fehlt die Datei `site.yml` oder der Ordner `content/`. Legen Sie beide an; ohne sie kann vorort nichts prüfen und nichts veröffentlichen."),
        Entry("missing-index", [.error], "Startseite fehlt",
              "Dem Landkreis (`content/kreis/index.md`) oder einer Gemeinde (`content/gemeinden/<name>/index.md`) fehlt die Datei `index.md`. Legen Sie sie mit Namen und Kurzbeschreibung im Vorspann an."),
        Entry("unexpected-file", [.warning], "Datei wird nicht veröffentlicht",
              "Die Datei liegt an einer Stelle, die vorort nicht kennt, oder ist keine gewöhnliche Datei; sie wird übergangen. Verschieben Sie sie an die richtige Stelle oder löschen Sie sie."),
        Entry("misnamed-file", [.error], "Falsche Dateiendung",
              "Die Datei war als Text gemeint, hat aber eine Endung, die vorort nicht veröffentlicht (`.markdown`, `.md.txt`, `.MD`, `.txt`, ein Word-Dokument) oder ein großgeschriebenes Sprachkürzel (`sprachcafe.EN.md`). Benennen Sie sie um, wie die Meldung sagt: Texte enden auf `.md`, Übersetzungen auf `.<sprache>.md` mit kleinem Sprachkürzel."),
        Entry("wrong-folder", [.error], "Datei im falschen Ordner",
              "Die Angaben der Datei passen zu einer anderen Art von Inhalt als ihr Ordner, etwa ein Angebot in `anlaufstellen/`. Verschieben Sie die Datei in den Ordner, den die Meldung nennt (`angebote/`, `anlaufstellen/`, `geschichten/` oder `veranstaltungen/`)."),
        Entry("unused-file", [.warning], "Bild wird nicht verwendet",
              "Kein Text verwendet dieses Bild, deshalb wird es nicht veröffentlicht. Binden Sie es in einen Text oder eine Geschichte ein oder löschen Sie es."),
        Entry("symlink", [.error], "Verknüpfung statt Datei",
              "Hier liegt ein symbolischer Link (eine Verknüpfung) statt einer Datei oder eines Ordners; vorort folgt solchen Links nicht. Legen Sie die Datei oder den Ordner selbst an diese Stelle."),
        Entry("name-collision", [.error], "Namen zu ähnlich",
              "Zwei Dateien oder Ordner unterscheiden sich nur in Groß- und Kleinschreibung, Umlautschreibung oder unsichtbarer Unicode-Form und ergäben dieselbe Adresse. Benennen Sie eine davon um oder löschen Sie die doppelte."),
        Entry("file-too-large", [.error], "Datei zu groß",
              "Die Datei ist größer als erlaubt (Texte 2 MiB, Bilder 10 MiB) und wird nicht gelesen. Teilen Sie den Text auf mehrere Dateien auf oder verkleinern Sie das Bild."),
        Entry("file-unreadable", [.error], "Datei nicht lesbar",
              "Eine Datei oder ein Ordner kann nicht gelesen werden, meist wegen fehlender Zugriffsrechte; ihr Inhalt fehlte sonst auf der Website. Lassen Sie die Zugriffsrechte prüfen."),
        Entry("encoding", [.error], "Falsche Zeichenkodierung",
              "Die Datei ist nicht als UTF-8 gespeichert; Umlaute und andere Zeichen erschienen sonst falsch. Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."),
        Entry("control-character", [.error], "Unsichtbares Steuerzeichen",
              "An dieser Stelle steht ein unsichtbares Steuerzeichen, meist beim Kopieren aus Word oder PDF mitgekommen (zum Beispiel der manuelle Zeilenumbruch). Löschen Sie es an der genannten Stelle."),
        // Front matter and YAML
        Entry("empty-file", [.error], "Leere Datei",
              "Die Datei ist leer. Schreiben Sie einen Vorspann zwischen zwei Zeilen `---` und den Text, oder löschen Sie die Datei."),
        Entry("front-matter-missing", [.error], "Vorspann fehlt",
              "Die Datei beginnt nicht mit einem Vorspann. Schreiben Sie in die erste Zeile `---`, darunter die Angaben wie `title: …` und danach wieder eine Zeile `---`."),
        Entry("front-matter-unclosed", [.error], "Vorspann nicht geschlossen",
              "Der Vorspann beginnt mit `---`, wird aber nicht mit einer zweiten Zeile `---` geschlossen. Fügen Sie nach der letzten Angabe eine Zeile mit genau `---` ein."),
        Entry("yaml-syntax", [.error], "Schreibfehler in den Angaben",
              "Die Angaben können nicht gelesen werden, etwa wegen einer nicht geschlossenen Klammer oder Anführung, eines fehlenden Doppelpunkts, falscher Einrückung oder Tabulatoren zum Einrücken. Prüfen Sie die Zeile, die die Meldung nennt; die englischen Worte des YAML-Lesers stehen in Klammern dahinter. Verweise anderer Dateien auf diese Datei werden so lange nicht gemeldet."),
        Entry("duplicate-key", [.error], "Angabe doppelt",
              "Dieselbe Angabe steht zweimal an einer Stelle; die Meldung zeigt auf die zweite. Löschen Sie eine der beiden Zeilen oder führen Sie die Werte zusammen."),
        Entry("invisible-character", [.error], "Unsichtbares Zeichen in den Angaben",
              "In der Einrückung, im Namen einer Angabe, direkt nach ihrem Doppelpunkt oder nach dem `-` eines Listeneintrags steht ein unsichtbares Zeichen wie das geschützte Leerzeichen (U+00A0) oder das breitenlose Leerzeichen (U+200B), meist aus Word oder PDF kopiert. YAML liest es nicht als Leerzeichen, die Zeile bedeutet dann etwas anderes. Ersetzen Sie es an der genannten Stelle durch ein normales Leerzeichen oder löschen Sie es."),
        Entry("comment-in-value", [.error], "Text nach # ginge verloren",
              "Nach einem Wert ohne Anführungszeichen beginnt mit ` #` ein Kommentar; der Rest der Zeile würde nicht veröffentlicht (`title: Deutschtreff #1` ergäbe nur „Deutschtreff“). Setzen Sie den ganzen Wert in Anführungszeichen oder schreiben Sie einen Kommentar in eine eigene Zeile."),
        Entry("typographic-quotes", [.warning], "Typografische Anführungszeichen um einen Wert",
              "Der Wert steht in Anführungszeichen wie „…“ oder “…”; YAML liest sie als Text, die Seite zeigt sie also mit an. Schreiben Sie gerade Anführungszeichen `\"…\"` oder gar keine."),
        Entry("yaml-alias", [.error], "Anker oder Verweis",
              "Anker und Verweise (`&name`, `*name`) sind in vorort-Dateien nicht erlaubt. Schreiben Sie den Wert an jeder Stelle aus; beginnt ein Text mit `*` oder `&`, setzen Sie ihn in Anführungszeichen."),
        // Values
        Entry("unknown-key", [.error, .warning], "Unbekannte Angabe",
              "Diese Angabe kennt vorort an dieser Stelle nicht; oft ist sie nur falsch geschrieben, und Übersetzungen enthalten nur übersetzte Texte (ein unbekanntes Wort in der Übersetzung eines Themes ist nur eine Warnung). Korrigieren Sie die Schreibweise nach dem Vorschlag der Meldung oder löschen Sie die Zeile."),
        Entry("missing-field", [.error], "Pflichtangabe fehlt",
              "Eine Angabe, die hier nötig ist, fehlt oder ist leer. Ergänzen Sie sie; die Meldung zeigt ein Beispiel."),
        Entry("wrong-type", [.error], "Falsche Form des Werts",
              "Der Wert hat die falsche Form, zum Beispiel eine Liste, wo ein Text stehen soll, oder ein Wort, wo eine Zahl stehen soll. Schreiben Sie den Wert wie im Beispiel der Meldung."),
        Entry("invalid-value", [.error], "Ungültiger Wert",
              "Der Wert ist hier nicht erlaubt, zum Beispiel eine Postleitzahl ohne fünf Ziffern, ein unbekannter Wochentag, eine Uhrzeit wie 25:00, ein Ende vor dem Beginn oder eine Anmeldefrist nach dem Beginn einer Veranstaltung. Korrigieren Sie ihn nach dem Hinweis der Meldung."),
        Entry("invalid-date", [.error], "Ungültiges Datum",
              "Das Datum gibt es nicht (etwa den 30. Februar) oder es ist nicht im Format JJJJ-MM-TT geschrieben. Schreiben Sie es zum Beispiel als `2026-03-15`."),
        Entry("invalid-url", [.error], "Ungültige Webadresse",
              "Die Webadresse beginnt nicht mit `https://` oder `http://`, oder sie enthält unsichtbare Zeichen, die sie anders aussehen lassen, als sie ist. Schreiben Sie die vollständige Adresse neu, statt sie zu kopieren."),
        Entry("invalid-email", [.error], "Ungültige E-Mail-Adresse",
              "Die E-Mail-Adresse ist ungültig, oder ein E-Mail-Link fügt unbemerkt weitere Empfänger hinzu (`?cc=`, `?bcc=`). Schreiben Sie nur die Adresse, zum Beispiel `integration@example.de`."),
        Entry("invalid-phone", [.error], "Ungültige Telefonnummer",
              "Der Text unter `phone:` ist nicht genau eine Telefonnummer: Er enthält Buchstaben, mehrere Nummern, keine Vorwahl oder zu wenige oder zu viele Ziffern; der Link wählte sonst eine falsche Nummer. Schreiben Sie die Nummer mit Vorwahl, wie Sie sie gewohnt sind (`05321 76-230`), mehrere Nummern als Liste: `phone: [05321 76-230, 0151 2345678]`."),
        Entry("thousands-separator", [.error], "Tausenderpunkt in einer Zahl",
              "Eine Kennzahl ist mit Tausenderpunkt geschrieben (`3.480`); vorort liest den Punkt wie die Schreibweise in Tabellenprogrammen als Komma und veröffentlichte 3,48. Schreiben Sie die Zahl ohne Punkt (`3480`), Nachkommastellen mit Punkt (`3.5`)."),
        Entry("future-date", [.error], "Datum in der Zukunft",
              "Ein Datum (`date:`, `reviewed:`) liegt mehr als drei Tage nach dem Tag der Prüfung; eine Geschichte stünde sonst jahrelang als neueste oben, und „Stand:“ nennte einen Tag, der noch nicht war. Schreiben Sie das Datum, an dem die Geschichte erschien oder Sie die Angaben geprüft haben; meist ist nur die Jahreszahl vertippt."),
        Entry("invalid-slug", [.error], "Ungültiger Kurzname",
              "Ein Datei- oder Ordnername oder ein Kurzname (`slug`, `id`) kann nicht Teil einer Webadresse sein. Verwenden Sie nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, also `ae` statt `ä`."),
        Entry("duplicate-slug", [.error], "Name schon vergeben",
              "Eine Kategorie, Sprache, Kennzahl oder Seitenadresse gibt es unter diesem Namen schon. Geben Sie jeder einen eigenen Namen."),
        // References between files
        Entry("duplicate-name", [.error, .warning], "Name doppelt",
              "Zwei Gemeinden haben denselben Namen, etwa weil ein Ordner kopiert wurde (Fehler), oder zwei Angebote, Anlaufstellen oder Geschichten derselben Gemeinde oder zwei Seiten denselben Titel (Warnung); Leserinnen und Leser können sie nicht unterscheiden. Löschen Sie die Kopie oder geben Sie jedem einen eigenen Namen."),
        Entry("review-overdue", [.info], "Prüfung fällig",
              "Die Angaben wurden länger nicht geprüft, als `reviewInterval` in `site.yml` vorsieht (12 Monate, wenn nichts angegeben ist). Prüfen Sie Zeiten, Orte, Telefonnummern und Ansprechpersonen und setzen Sie danach `reviewed` auf das heutige Datum. `vorort report` listet alles Fällige je Gemeinde."),
        Entry("missing-editor", [.warning], "Redaktion fehlt",
              "Die `index.md` einer Gemeinde oder des Landkreises nennt unter `editor:` keine Redaktion. Tragen Sie die Stelle ein, die die Inhalte pflegt, z. B. `editor: {name: Bürgerbüro, email: buergerbuero@example.de}`; die Angabe erscheint in `vorort report`, nicht auf der Website."),
        Entry("unknown-category", [.error], "Unbekannte Kategorie",
              "Ein Angebot oder eine Veranstaltung (`category`) oder eine Anlaufstelle (`topics`) nennt eine Kategorie, die es in `site.yml` nicht gibt. Schreiben Sie die Bezeichnung oder den Kurznamen einer Kategorie aus `site.yml`; die Meldung schlägt die ähnlichste vor."),
        Entry("dangling-contact", [.error], "Anlaufstelle nicht gefunden",
              "Das Angebot oder die Veranstaltung verweist unter `contact:` auf eine Anlaufstelle, die es weder bei der Gemeinde noch beim Landkreis gibt, oder auf die Anlaufstelle einer anderen Gemeinde (die Meldung sagt, wo sie liegt). Schreiben Sie den Dateinamen einer Anlaufstelle der eigenen Gemeinde oder des Landkreises ohne `.md`; auf andere Anlaufstellen verlinken Sie im Text."),
        Entry("missing-contact", [.warning], "Keine Anlaufstelle",
              "Das Angebot oder die Veranstaltung nennt keine Anlaufstelle, Interessierte wissen also nicht, an wen sie sich wenden können. Ergänzen Sie `contact:` mit dem Dateinamen einer Anlaufstelle."),
        Entry("unreachable-contact-point", [.warning], "Anlaufstelle nicht erreichbar",
              "Die Anlaufstelle hat weder Telefonnummer noch E-Mail-Adresse. Ergänzen Sie `phone:` oder `email:`, damit Menschen sie erreichen können."),
        Entry("unknown-area", [.error], "Unbekannte Gemeinde",
              "Unter `areas:` steht eine Gemeinde, die es nicht gibt. Nennen Sie die Ordnernamen der Gemeinden aus `content/gemeinden/`."),
        Entry("areas-not-allowed", [.error], "Gebiete nur beim Landkreis",
              "Nur Angebote, Anlaufstellen und Veranstaltungen des Landkreises nennen unter `areas:` die Gemeinden, für die sie gelten. Löschen Sie die Angabe; das Angebot einer Gemeinde gehört schon zu ihr."),
        Entry("unknown-reference", [.error], "Unbekannte Kategorie oder Gruppe",
              "Die Übersetzung der Website (`site.<Sprache>.yml`) übersetzt eine Kategorie oder Gruppe, die es in `site.yml` nicht gibt. Schreiben Sie Kategorien unter ihrem Kurznamen und Gruppen unter ihrem deutschen Namen aus `site.yml`."),
        // Links and pictures in texts
        Entry("broken-link", [.error], "Link ins Leere",
              "Der Link zeigt auf eine Datei oder Seite, die es auf dieser Website nicht gibt. Prüfen Sie den Pfad: Er beginnt beim Ordner dieser Datei (`../` für eine Ebene höher) oder mit `/` beim Ordner `content/`."),
        Entry("unsafe-link", [.error], "Unsicherer Link",
              "Links wie `javascript:` oder `data:` werden aus Sicherheitsgründen nicht veröffentlicht. Verlinken Sie nur Webadressen (`https://…`), E-Mail (`mailto:…`), Telefon (`tel:…`) oder Seiten dieser Website."),
        Entry("missing-image", [.error], "Bild fehlt",
              "Das Bild, das der Text oder die Geschichte nennt, liegt nicht neben der Datei. Legen Sie die Bilddatei in denselben Ordner und prüfen Sie die Schreibweise ihres Namens."),
        Entry("unshowable-image", [.error], "Bildformat, das Browser nicht zeigen",
              "Das Bild ist in einem Format gespeichert, das Browser nicht anzeigen, etwa HEIC vom iPhone, TIFF vom Scanner oder das Rohformat einer Kamera; es wird nicht veröffentlicht. Exportieren Sie es als JPEG, legen Sie die JPEG-Datei in denselben Ordner und nennen Sie ihren Namen."),
        Entry("large-image", [.warning], "Bild sehr groß",
              "Das Bild ist größer als 1 MB und lädt auf dem Handy über eine langsame Verbindung lange; die Meldung nennt seine Größe in MB und Pixeln und steht dort, wo es zuerst verwendet wird. Exportieren Sie es etwa 1600 Pixel breit als JPEG mit Qualität 80; so ist es meist unter 500 KB."),
        Entry("missing-alt", [.error], "Bildbeschreibung fehlt",
              "Das Bild hat keinen Alternativtext, blinde Menschen erfahren also nicht, was es zeigt. Beschreiben Sie das Bild in den eckigen Klammern: `![Kinder beim Sommerfest](fest.jpg)`."),
        Entry("heading-level", [.warning], "Überschrift auf falscher Ebene",
              "Eine Überschrift im Text ist eine zweite Hauptüberschrift (`#`, die Hauptüberschrift ist der Titel der Seite) oder überspringt eine Ebene (`####` nach `##`); wer sich die Seite vorlesen lässt und nach Überschriften springt, vermisst dann einen Teil. Beginnen Sie Abschnitte mit `##` und gehen Sie je Unterabschnitt eine Raute weiter."),
        Entry("external-resource", [.error], "Inhalt von fremdem Server",
              "Ein Bild, eine Schrift, ein Skript oder ein Formular würde von einem fremden Server geladen oder dorthin gesendet; der Server erführe dabei die Adresse der Besucherinnen und Besucher. Legen Sie Bilder neben den Text und Dateien des Themes in dessen Ordner `static/`."),
        Entry("raw-html", [.warning], "HTML im Text",
              "Der Text enthält HTML; es wird aus Sicherheitsgründen nicht veröffentlicht. Schreiben Sie den Inhalt mit Markdown, zum Beispiel `**fett**` oder `[Link](https://…)`."),
        Entry("markdown-too-complex", [.error], "Text zu verschachtelt",
              "Der Text ist zu tief verschachtelt oder enthält so viele Tabellenspalten, Bilder oder Adressen, dass seine Verarbeitung Minuten dauern würde. Teilen Sie Tabelle oder Text auf oder entfernen Sie eingefügte Inhalte."),
        // Pages every public website needs
        Entry("legal-page-missing", [.error], "Pflichtseite fehlt",
              "In `content/seiten/` fehlt eine Seite, die eine öffentliche Website haben muss: Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit, Leichte Sprache oder Gebärdensprache. Legen Sie die Seite unter dem Namen aus der Meldung an; Leichte Sprache und Gebärdensprache lassen sich in `site.yml` abschalten."),
        Entry("accessibility-statement", [.error], "Erklärung zur Barrierefreiheit unvollständig",
              "Der Erklärung zur Barrierefreiheit fehlt ihr Datum (`reviewed:`), eine E-Mail-Adresse oder Telefonnummer für Rückmeldungen oder der Hinweis auf die Schlichtungsstelle. Ergänzen Sie, was die Meldung nennt."),
        // Translations
        Entry("translation-without-original", [.error], "Übersetzung ohne Original",
              "Zu dieser Übersetzung gibt es keinen deutschen Text mit demselben Namen. Benennen Sie die Übersetzung wie das Original mit dem Sprachkürzel vor `.md` (`sprachcafe.en.md` zu `sprachcafe.md`) oder löschen Sie sie."),
        Entry("translation-language-unknown", [.warning], "Sprache nicht eingetragen",
              "Die Datei ist in einer Sprache, die in `site.yml` nicht unter `languages:` steht, oder in der Sprache der Website selbst; sie wird nicht veröffentlicht. Tragen Sie die Sprache in `site.yml` ein oder prüfen Sie das Sprachkürzel im Dateinamen."),
        Entry("translation-outdated", [.warning], "Übersetzung vielleicht veraltet",
              "Das deutsche Original wurde nach dem Datum `reviewed` der Übersetzung überarbeitet. Gleichen Sie die Übersetzung mit dem Original ab und setzen Sie danach `reviewed:` auf das Datum des Abgleichs."),
        Entry("translation-incomplete", [.warning], "Übersetzung unvollständig",
              "Der Übersetzung der Website (`site.<Sprache>.yml`) fehlen Kategorien oder Gruppen; dort erscheint der deutsche Text. Ergänzen Sie sie unter `categories:` und `groups:`."),
        // Theme
        Entry("theme-missing", [.error], "Theme fehlt",
              "Das Theme, das `site.yml` unter `theme:` nennt, gibt es im Ordner `themes/` nicht. Nennen Sie einen vorhandenen Ordner, zum Beispiel `standard`."),
        Entry("template-missing", [.error], "Vorlage fehlt",
              "Dem Theme fehlt eine Vorlage (`templates/*.mustache`), die vorort für eine Art von Seite braucht. Ergänzen Sie sie; das Theme `standard` enthält alle nötigen Vorlagen."),
        Entry("template-syntax", [.error], "Fehler in einer Vorlage",
              "Eine Vorlage oder ein Wort des Themes ist fehlerhaft, etwa ein nicht geschlossener Abschnitt `{{#…}}`, Vorlagen, die sich im Kreis einbinden, oder ein Wort `{{t.…}}`, das es nicht gibt. Korrigieren Sie die Stelle, die die Meldung nennt."),
        Entry("template-key", [.error], "Unbekannter Wert in einer Vorlage",
              "Eine Vorlage verwendet `{{…}}` mit einem Namen, den die Seite, für die sie gerendert wird, an dieser Stelle nicht kennt, oder ein Wort des Themes mit einem Platzhalter, den es dort nicht gibt; an der Stelle stünde nichts. Korrigieren Sie die Schreibweise; die Meldung nennt die Namen, die es an dieser Stelle gibt."),
        Entry("theme-strings-missing", [.warning, .error], "Wörter des Themes fehlen",
              "Dem Theme fehlen Wörter wie Navigation und Überschriften für eine Sprache; dort erscheinen die deutschen Wörter. Fehlen sie für die Sprache der Website selbst, ist das ein Fehler. Ergänzen Sie die Wörter in `themes/<Theme>/strings/<Sprache>.yml`."),
        Entry("browser-storage", [.error], "Speichern im Browser",
              "Das Theme setzt Cookies oder speichert Daten im Browser der Besucherinnen und Besucher; dafür bräuchte die Website deren Einwilligung. Entfernen Sie diesen Code aus dem Theme."),
        // The wording lint's own findings (its rules share the entry `wordingRules`)
        Entry("disguised-word", [.warning, .error], "Verstecktes Wort",
              "In einem Wort stehen unsichtbare Zeichen, Buchstaben einer anderen Schrift, die wie lateinische aussehen, oder Sonderformen wie Vollbreiten- und mathematische Buchstaben; sie stören Suche und Screenreader. Verbergen sie ein Wort, das die Sprachprüfung als Warnung oder Fehler meldet, ist das ein Fehler. Löschen Sie das Wort und schreiben Sie es neu."),
        Entry("lint-suppression-reason", [.warning], "Ausnahme ohne Begründung",
              "Eine Ausnahme von der Sprachprüfung hat keine Begründung und gilt deshalb nicht. Schreiben Sie nach `--` dazu, warum die Formulierung hier richtig ist, zum Beispiel weil sie ein Zitat ist."),
        Entry("lint-suppression-unused", [.warning], "Ausnahme ohne Wirkung",
              "Eine Ausnahme von der Sprachprüfung unterdrückt nichts, weil die Formulierung nicht (mehr) im Text steht. Löschen Sie die Ausnahme."),
        Entry("lint-suppression-invalid", [.error, .warning], "Ausnahme mit falscher Regel",
              "Eine Ausnahme von der Sprachprüfung nennt eine Regel, die es nicht gibt (Fehler), oder gar keine (Warnung). Schreiben Sie die Regel-ID, die in der Meldung in eckigen Klammern am Ende steht."),
        Entry("lint-rule-invalid", [.error], "Ungültige Sprachregel",
              "Eine Regel der Sprachprüfung in `lint/*.yml` hat ein ungültiges Muster, eine ungültige Regel-ID oder eine unbekannte Kategorie. Korrigieren Sie die Regel nach der Anleitung in `docs/lint.md`."),
        Entry("lint-rule-example", [.error], "Sprachregel passt nicht zu ihren Beispielen",
              "Eine Regel in `lint/*.yml` erkennt ein eigenes Beispiel unter `flag:` nicht oder meldet ein Gegenbeispiel unter `pass:`. Passen Sie `terms` oder `exceptions` an oder korrigieren Sie das Beispiel."),
    ]

    private static let byID: [String: Entry] = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry of a rule vorort reports itself; nil for wording rules and unknown ids.
    public static func entry(_ id: String) -> Entry? { byID[id] }

    /// `unknown-key` → `UnknownKey`: SARIF's `name` of a rule.
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    // MARK: - README

    static let readmeStartMarker = "<!-- rule-table:start -->"
    static let readmeEndMarker = "<!-- rule-table:end -->"

    /// The rule table of the README (between its markers), one row per id with an anchor for SARIF's `helpUri`.
    static func readmeTable() -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        func severities(_ entry: Entry) -> String { entry.severities.map(\.rawValue).joined(separator: " / ") }
        var lines = [
            "| rule | severity | title | explanation (as editors read it) |",
            "|---|---|---|---|",
        ]
        for entry in entries {
            lines.append("| <a id=\"\(entry.helpAnchor)\"></a>`\(entry.id)` | \(severities(entry)) | \(cell(entry.title)) | \(cell(entry.explanation)) |")
        }
        let examples = wordingRuleExamples.map { "`\($0)`" }.joined(separator: ", ")
        lines.append("| <a id=\"\(wordingRules.helpAnchor)\"></a>wording rule ids (\(examples), …; see "
            + "[the wording lint](#culture-sensitive-wording-lint)) | \(severities(wordingRules)) | \(cell(wordingRules.title)) | "
            + "\(cell(wordingRules.explanation)) |")
        return lines.joined(separator: "\n")
    }
}
