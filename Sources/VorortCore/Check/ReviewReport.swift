import Foundation

/// `vorort report`: per municipality (and the district) and its editorial contact, what is overdue for review,
/// what falls due within 30 days, and which translations were compared with an older state of their original.
/// Made from the checked content; nothing is written.
public struct ReviewReport: Sendable, Encodable {
    public struct Entry: Sendable, Encodable {
        /// „Angebot“, „Anlaufstelle“ …
        public var type: String
        public var title: String
        public var file: String
        public var reviewed: CalendarDate
        public var due: CalendarDate
    }

    public struct OutdatedTranslation: Sendable, Encodable {
        public var file: String
        public var language: String
        public var original: String
        /// When the translation was last compared with the original (nil: never said).
        public var compared: CalendarDate?
        public var originalReviewed: CalendarDate
    }

    /// One municipality or the district, with whom to ask.
    public struct Place: Sendable, Encodable {
        public var place: String
        public var editor: EditorialContact?
        public var overdue: [Entry]
        public var dueSoon: [Entry]
        public var outdatedTranslations: [OutdatedTranslation]

        var isEmpty: Bool { overdue.isEmpty && dueSoon.isEmpty && outdatedTranslations.isEmpty }
    }

    public var today: CalendarDate
    public var reviewIntervalMonths: Int
    public var places: [Place]

    public init(site: CheckedSite, today: CalendarDate) {
        let schedule = ReviewSchedule(today: today, months: site.config.reviewIntervalMonths)
        let content = site.content
        let index = site.index
        var overdue: [Owner: [Entry]] = [:]
        var dueSoon: [Owner: [Entry]] = [:]
        var translations: [Owner: [OutdatedTranslation]] = [:]
        for item in content.allItems {
            let owner = item.responsibleOwner
            if let reviewed = item.lastReviewed {
                let entry = Entry(type: type(of: item).displayName, title: item.heading, file: item.origin.file,
                                  reviewed: reviewed, due: schedule.due(reviewed))
                switch schedule.status(reviewed) {
                case .overdue: overdue[owner, default: []].append(entry)
                case .dueSoon: dueSoon[owner, default: []].append(entry)
                case .current: break
                }
            }
            guard let baseline = item.translationBaseline else { continue }
            for (language, translation) in (content.translations[item.origin.file] ?? [:]).sorted(by: { $0.key < $1.key })
            where (translation.reviewed?.value).map({ $0 < baseline }) ?? true {
                translations[owner, default: []].append(OutdatedTranslation(
                    file: translation.origin.file, language: language, original: item.origin.file,
                    compared: translation.reviewed?.value, originalReviewed: baseline))
            }
        }
        let owners: [Owner] = [.district] + content.municipalities.map { .municipality($0.slug) }
        self.today = today
        reviewIntervalMonths = schedule.months
        places = owners.map { owner in
            let editor = owner.municipalitySlug.flatMap { index.municipality($0)?.editor } ?? (owner == .district ? content.district?.editor : nil)
            // Longest overdue first: what was checked least recently is most likely wrong.
            func sorted(_ entries: [Entry]) -> [Entry] { entries.sorted { ($0.due, $0.file) < ($1.due, $1.file) } }
            return Place(place: index.ownerName(owner), editor: editor, overdue: sorted(overdue[owner] ?? []),
                         dueSoon: sorted(dueSoon[owner] ?? []), outdatedTranslations: translations[owner] ?? [])
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case text, csv, json
    }

    public func formatted(_ format: Format) -> String {
        switch format {
        case .text: text
        case .csv: csv
        case .json: json
        }
    }

    /// For people: a section per place that has something to do, then who has how much.
    var text: String {
        var out = "Prüfbericht vom \(today.german) – Angaben gelten \(reviewIntervalMonths) Monate nach `reviewed` als zu prüfen.\n"
        let open = places.filter { !$0.isEmpty }
        if open.isEmpty { return out + "\nAlles ist aktuell: nichts ist überfällig, nichts wird in den nächsten \(ReviewSchedule.dueSoonDays) Tagen fällig, keine Übersetzung ist veraltet.\n" }
        for place in open {
            out += "\n\(place.place) – Redaktion: \(place.editor.map(Self.describe) ?? "nicht angegeben (`editor:` in index.md)")\n"
            if !place.overdue.isEmpty {
                out += "  Überfällig (\(place.overdue.count)):\n"
                for e in place.overdue { out += "    \(Self.name(e)) – geprüft \(e.reviewed.german), fällig seit \(e.due.german) – \(e.file)\n" }
            }
            if !place.dueSoon.isEmpty {
                out += "  In den nächsten \(ReviewSchedule.dueSoonDays) Tagen fällig (\(place.dueSoon.count)):\n"
                for e in place.dueSoon { out += "    \(Self.name(e)) – fällig am \(e.due.german) – \(e.file)\n" }
            }
            if !place.outdatedTranslations.isEmpty {
                out += "  Übersetzungen älter als ihr Original (\(place.outdatedTranslations.count)):\n"
                for t in place.outdatedTranslations {
                    let compared = t.compared.map { "verglichen \($0.german)" } ?? "ohne `reviewed`"
                    out += "    \(t.file) (\(t.language)) – \(compared), Original geprüft \(t.originalReviewed.german)\n"
                }
            }
        }
        // Per editor: one team may look after several places.
        var byEditor: [String: (places: [String], count: Int)] = [:]
        for place in open {
            let key = place.editor.map(Self.describe) ?? "ohne Redaktion"
            byEditor[key, default: ([], 0)].places.append(place.place)
            byEditor[key, default: ([], 0)].count += place.overdue.count + place.dueSoon.count + place.outdatedTranslations.count
        }
        out += "\nJe Redaktion:\n"
        for (editor, value) in byEditor.sorted(by: { $0.key < $1.key }) {
            out += "  \(editor): \(value.count) zu prüfen (\(value.places.joined(separator: ", ")))\n"
        }
        return out
    }

    /// One row per thing to do, for a spreadsheet (comma-separated, every field quoted).
    var csv: String {
        var rows = [["ort", "redaktion", "redaktion_email", "status", "art", "titel", "datei", "geprueft", "faellig", "sprache"]
            .map { CSV.field($0) }.joined(separator: ",")]
        for place in places {
            let lead = [place.place, place.editor?.name ?? "", place.editor?.email ?? ""]
            for e in place.overdue { rows.append(Self.row(lead + ["ueberfaellig", e.type, e.title, e.file, e.reviewed.iso, e.due.iso, ""])) }
            for e in place.dueSoon { rows.append(Self.row(lead + ["bald-faellig", e.type, e.title, e.file, e.reviewed.iso, e.due.iso, ""])) }
            for t in place.outdatedTranslations {
                rows.append(Self.row(lead + ["uebersetzung-veraltet", "Übersetzung", t.original, t.file, t.compared?.iso ?? "", t.originalReviewed.iso, t.language]))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    var json: String { DiagnosticFormatter.encode(self) }

    /// „Angebot „Sprachcafé““; a type whose items have no title of their own only by its name („Zahlen und Fakten“).
    private static func name(_ e: Entry) -> String { e.title == e.type ? e.type : "\(e.type) „\(e.title)“" }
    private static func row(_ fields: [String]) -> String { fields.map { CSV.field($0) }.joined(separator: ",") }
    private static func describe(_ editor: EditorialContact) -> String { editor.name + (editor.email.map { " <\($0)>" } ?? "") }
}
