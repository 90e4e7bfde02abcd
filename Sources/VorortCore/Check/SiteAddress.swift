import Foundation

/// Addresses into the site itself, written as editors copy them from the browser: the full address
/// (`https://www.landkreis-lindenbrueck.de/integration/angebote/`) and the path with the base path in front
/// (`/integration/angebote/`) both mean the site path `/angebote/`, and are checked like every internal link.
enum SiteAddress {
    /// The site path (`/angebote/`) and fragment of a web address on this site below its base path; nil for
    /// addresses of other sites, and of other parts of the same host (`https://www.landkreis-…de/kvhs/`).
    static func sitePath(ofURL url: String, baseURL: String) -> (path: String, fragment: String?)? {
        sitePath(ofURL: url, base: URLComponents(string: baseURL))
    }

    /// The same with the base address already parsed (`URLComponents(string: baseURL)`), for a check of many links.
    static func sitePath(ofURL url: String, base: URLComponents?) -> (path: String, fragment: String?)? {
        // The host of an ASCII address without `%` stands in it as written: when the site's host does not, the
        // address leads elsewhere, and it need not be parsed.
        if let host = base?.host?.lowercased(), !host.isEmpty, host.isASCIIText,
           url.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "%") }),
           ByteSearch.firstIndex(of: Array(host.utf8), in: url.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }) == nil {
            return nil
        }
        guard let target = URLComponents(string: url), let base,
              let scheme = target.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = target.host?.lowercased(), host == base.host?.lowercased(), target.port == base.port
        else { return nil }
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        let path = target.path.isEmpty ? "/" : target.path
        guard path.hasPrefix(basePath) || path + "/" == basePath else { return nil }
        return ("/" + path.dropFirst(min(basePath.count, path.count)), target.fragment)
    }

    /// The route a site path leads to (`/angebote` → `angebote/`, `/integration/seiten/impressum/index.html` →
    /// `seiten/impressum/`), or nil when the site has no such page.
    static func route(forSitePath path: String, basePath: String, knownRoutes: Set<String>) -> String? {
        if let route = knownRoute(path, knownRoutes) { return route }
        // A path copied from the browser carries the base path in front.
        if basePath != "/", path.hasPrefix(basePath) || path + "/" == basePath {
            return knownRoute("/" + path.dropFirst(min(basePath.count, path.count)), knownRoutes)
        }
        return nil
    }

    private static func knownRoute(_ path: String, _ knownRoutes: Set<String>) -> String? {
        var route = String(path.dropFirst())
        if route.hasSuffix("index.html") { route = String(route.dropLast("index.html".count)) }
        if !route.isEmpty, !route.hasSuffix("/"), knownRoutes.contains(route + "/") { route += "/" }
        return knownRoutes.contains(route) ? route : nil
    }

    /// A page whose address ends like the missing one (`/integration/migrationsberatung/` →
    /// `kreis/anlaufstellen/migrationsberatung/`), for the hint.
    static func suggestion(for path: String, knownRoutes: Set<String>) -> String? {
        guard let last = path.split(separator: "/").last.map(String.init), !last.isEmpty else { return nil }
        return knownRoutes.filter { $0.hasSuffix("/" + last + "/") || $0 == last + "/" }.min { $0.count < $1.count }
    }

    /// The routes `check` compares `websites` with: every route of the site when one of them leads into the site,
    /// none otherwise. Almost no website does, and the set of 100,000 routes was built for each type that has them.
    static func knownRoutes(for websites: some Sequence<Located<String>?>, in index: SiteIndex) -> Set<String> {
        guard let config = index.config else { return [] }
        let base = URLComponents(string: config.baseURL)
        return websites.contains { $0.map { sitePath(ofURL: $0.value, base: base) != nil } ?? false } ? BodyChecker.siteRoutes(index) : []
    }

    /// A `website:` value that leads into this site to a page that does not exist; nil when it leads elsewhere or
    /// to a page there is.
    static func check(website: Located<String>?, file: String, in index: SiteIndex, knownRoutes: Set<String>) -> Diagnostic? {
        guard let website, let config = index.config,
              let (path, _) = sitePath(ofURL: website.value, baseURL: config.baseURL),
              route(forSitePath: path, basePath: "/", knownRoutes: knownRoutes) == nil
        else { return nil }
        var hint = "Nennen Sie die Adresse einer Seite, die es gibt, oder löschen Sie `website:`; die Seite dieser Stelle auf dieser Website verlinkt vorort selbst."
        if let suggestion = suggestion(for: path, knownRoutes: knownRoutes) {
            hint = "Meinen Sie `\(config.baseURL)\(suggestion)`? " + hint
        }
        return Diagnostic(file: file, location: website.location, severity: .error, rule: "broken-link",
            message: "`\(website.value)` führt auf diese Website, aber die Seite `\(config.basePath)\(path.dropFirst())` gibt es dort nicht.",
            hint: hint)
    }
}
