/// An offer category from `site.yml`, e.g. `sprache` / `Sprache` in the group `Sprache und Bildung`.
public struct Category: Sendable, Hashable {
    public var slug: String
    public let label: String
    public var group: String
    public var description: String?
    /// Who the category's offers are for: staff categories (trainings for the administration) are published on a
    /// page for staff and kept out of residents' navigation, tiles, filters and search.
    public var audience: Audience = .residents
    /// Words residents search for that the category's offers should be found by (`Deutschkurs` for `Sprache`),
    /// because German compounds do not match their parts.
    public var searchWords: [String] = []
    /// `label` lower-cased, made once: every offer's category is looked up by the label its editor wrote, on its
    /// page, its cards, its structured data and its check (`SiteConfig.category(matching:)`).
    public let lowercasedLabel: String

    public init(slug: String, label: String, group: String, description: String? = nil, audience: Audience = .residents,
                searchWords: [String] = []) {
        self.slug = slug
        self.label = label
        self.group = group
        self.description = description
        self.audience = audience
        self.searchWords = searchWords
        lowercasedLabel = label.lowercased()
    }

    public enum Audience: String, Sendable, Hashable, CaseIterable {
        case residents
        case staff
    }

    public var isForStaff: Bool { audience == .staff }
}

/// The typed `site.yml`.
public struct SiteConfig: Sendable {
    public var district: String
    public var title: String
    public var description: String?
    /// The absolute address of the published site, always ending in `/`.
    public var baseURL: String
    /// The path part of `baseURL` (`/integration/`), prefixed to every internal link so the site works under a sub-path.
    public var basePath: String
    /// The code of the site language, in which every content file is written (`de`).
    public var language: String
    /// The site language with its name, for the language switcher.
    public var siteLanguage: Language
    /// The languages translations are published in, each under `/<code>/`, in the order of `site.yml`.
    public var translationLanguages: [Language] = []
    public var theme: String
    public var categories: [Category]
    /// Counts of people below this are published as "< N", so no one can be identified (default 3).
    public var minimumCount: Int = 3
    /// After how many months a `reviewed` date is due again (`reviewInterval`, default 12): older ones are a
    /// Hinweis on the item and listed by `vorort report`.
    public var reviewIntervalMonths: Int = 12
    /// Whether the home page must explain the site in Leichte Sprache and in Gebärdensprache (BITV 2.0 § 4).
    public var leichteSprache = true
    public var gebaerdensprache = true
    /// The licence of the published figures, named in every CSV download.
    public var dataLicence: String = "Datenlizenz Deutschland – Namensnennung – Version 2.0"

    /// The site language first, then the translation languages.
    public var languages: [Language] { [siteLanguage] + translationLanguages }

    public func translationLanguage(_ code: String) -> Language? { translationLanguages.first { $0.code == code } }

    /// Finds a category by slug or by its label as editors write it (case and surrounding spaces ignored).
    public func category(matching reference: String) -> Category? {
        // Nearly every reference is a slug as written, lower-case ASCII without spaces: then it is its own trimmed,
        // lowered form, and no copy is made.
        let asWritten = reference.utf8.allSatisfy { $0 > 0x20 && $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }
        let wanted = asWritten ? reference : reference.trimmed.lowercased()
        return categories.first { $0.slug == wanted || $0.lowercasedLabel == wanted }
    }

    /// Category groups in the order of their first appearance in `site.yml`.
    public var groups: [String] {
        var seen = Set<String>()
        return categories.map(\.group).filter { seen.insert($0).inserted }
    }

    /// The categories residents see — home tiles, topic lists, category pages, „Wer ist zuständig?“, the offer
    /// directory and its filters: every category but those for staff. The one list every residents' page reads, so
    /// that a staff category cannot appear on one page and not on another.
    public var residentCategories: [Category] { categories.filter { !$0.isForStaff } }

    /// The categories whose offers are published only on the page for staff (`audience: staff`).
    public var staffCategories: [Category] { categories.filter(\.isForStaff) }

    /// The groups of `residentCategories`, in the order of `site.yml`: a group that holds only staff categories is
    /// no topic for residents.
    public var residentGroups: [String] {
        var seen = Set<String>()
        return residentCategories.map(\.group).filter { seen.insert($0).inserted }
    }
}

import Foundation
