import Foundation

/// Reading without a connection: the service worker `sw.js` at the root of the base path (its scope is the whole
/// site, in every language), and per place the list of pages it keeps when someone opens one of that place's pages.
///
/// The worker is generated rather than a theme file because it has to know the base path, the languages and a
/// version: the version is a fingerprint of what it keeps ahead of time (the offline page in every language) and of
/// the theme's static files (kept cache-first), so a deploy that changes any of them installs a new worker, which
/// drops the old caches. A deploy that changes only content keeps the same worker byte for byte: pages are fetched
/// from the network first anyway, so visitors see current facts whenever they are online.
public enum OfflineSite {
    /// At most this many pages are kept, the oldest dropped first, so that a cheap phone is not filled.
    public static let maximumPages = 200

    /// Caches belong to the origin, not to the worker's scope: the base path in the names keeps two sites on one host
    /// (and their deletion on the offline page) apart.
    public static func cachePrefix(basePath: String) -> String { "vorort \(basePath) " }

    /// Visited pages are kept across deploys (each is replaced whenever it is opened online; a page that is gone is
    /// removed), so its name carries no version.
    public static func pagesCache(basePath: String) -> String { cachePrefix(basePath: basePath) + "pages" }

    static func staticCache(basePath: String, version: String) -> String { cachePrefix(basePath: basePath) + "static " + version }

    /// The worker and the lists of pages per place, for the site in all its languages (the site language first).
    static func files(_ renderers: [SiteRenderer]) throws -> [OutputFile] {
        guard let main = renderers.first else { return [] }
        let config = main.config
        var fingerprinted = Data(config.basePath.utf8)
        var offlinePages: [(code: String, url: String)] = []
        for renderer in renderers {
            let page = try renderer.render(.offline).file
            if case .data(let data) = page.contents { fingerprinted.append(data) }
            offlinePages.append((renderer.models.isSiteLanguage ? "" : renderer.models.language.code, renderer.models.url(Routes.offline)))
        }
        var precache = offlinePages.map(\.url)
        for file in main.theme.staticFiles {
            fingerprinted.append(Data(file.path.utf8))
            fingerprinted.append((try? Data(contentsOf: file.url)) ?? Data())
            // Style sheets and scripts are small and every page needs them; pictures of the theme are kept when used.
            if ["css", "js"].contains(file.url.pathExtension.lowercased()) { precache.append(config.basePath + Routes.assets + file.path) }
        }
        let version = String(fingerprinted.withUnsafeBytes { FNV1a.hash($0) }, radix: 16)
        let worker = serviceWorker(basePath: config.basePath, version: version,
                                   languages: renderers.filter { !$0.models.isSiteLanguage }.map(\.models.language.code),
                                   offlinePages: offlinePages, precache: precache, siteTitle: config.title)
        return [OutputFile(path: Routes.serviceWorker, text: worker)] + main.owners.map { owner in
            OutputFile(path: Routes.offlineList(owner), data: pageList(main.offlineRoutes(of: owner)))
        }
    }

    /// `{"pages": [...]}`: routes without language folder; the worker puts the folder of the visited page in front.
    static func pageList(_ routes: [String]) -> Data {
        struct List: Encodable { var pages: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(List(pages: routes))) ?? Data("{\"pages\":[]}".utf8)
    }

    /// A JavaScript literal of a string or of strings, written as JSON (which escapes quotes, backslashes and line ends).
    private static func literal(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func serviceWorker(basePath: String, version: String, languages: [String], offlinePages: [(code: String, url: String)],
                              precache: [String], siteTitle: String) -> String {
        let offline = "{" + offlinePages.map { "\(literal($0.code)): \(literal($0.url))" }.joined(separator: ", ") + "}"
        return """
        // The service worker of \(siteTitle.replacingOccurrences(of: "\n", with: " ")), written by `vorort build` (do not edit: the
        // next build writes it again). It keeps the pages of this site that a visitor opened, and the contact points
        // of the place whose page they opened, on the visitor's device for reading without a connection: pages from
        // the network first (current facts whenever online), the theme's files from the cache first (this version's).
        // Nothing from other sites is kept, nothing is sent anywhere, and the search index is never kept.
        "use strict";
        const BASE = \(literal(basePath));
        const VERSION = \(literal(version));
        const LANGUAGES = \(literal(languages));
        const OFFLINE_PAGES = \(offline);
        const PRECACHE = \(literal(precache));
        const MAXIMUM_PAGES = \(maximumPages);
        const PREFIX = \(literal(cachePrefix(basePath: basePath)));
        const PAGES = \(literal(pagesCache(basePath: basePath)));
        const STATIC = \(literal(staticCache(basePath: basePath, version: version)));
        // The places whose contact points were fetched since the worker started (a restart only checks them again).
        const listed = new Set();

        self.addEventListener("install", (event) => {
          // "reload": the files of this version, not what the browser's own cache still holds from the last one.
          event.waitUntil(caches.open(STATIC)
            .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
            .then(() => self.skipWaiting()));
        });

        self.addEventListener("activate", (event) => {
          event.waitUntil(caches.keys()
            .then((names) => Promise.all(names
              .filter((name) => name.startsWith(PREFIX) && name !== STATIC && name !== PAGES)
              .map((name) => caches.delete(name))))
            .then(() => self.clients.claim()));
        });

        // The page that registered the worker loaded before it: it asks to be kept.
        self.addEventListener("message", (event) => {
          const href = event.data && event.data.keep;
          if (typeof href !== "string" || !ownPage(new URL(href))) { return; }
          event.waitUntil(keepOnce(key(href)).then(() => keepContactPoints(new URL(key(href)))).catch(() => {}));
        });

        self.addEventListener("fetch", (event) => {
          const request = event.request;
          if (request.method !== "GET") { return; }
          const url = new URL(request.url);
          if (!ownPage(url)) { return; }
          if (request.mode === "navigate") {
            event.respondWith(page(event, url));
          } else if (url.pathname.startsWith(BASE + "assets/")) {
            event.respondWith(asset(request));
          }
          // Everything else (pictures, downloads, the search index) goes to the network as it would without the worker.
        });

        function ownPage(url) {
          return url.origin === self.location.origin && url.pathname.startsWith(BASE);
        }

        // One address per page: without query, fragment or "index.html".
        function key(href) {
          const url = new URL(href);
          url.search = "";
          url.hash = "";
          if (url.pathname.endsWith("/index.html")) { url.pathname = url.pathname.slice(0, -"index.html".length); }
          return url.href;
        }

        // "" for the site language, "en" for a page below BASE + "en/".
        function languageOf(url) {
          const first = url.pathname.slice(BASE.length).split("/")[0];
          return LANGUAGES.includes(first) ? first : "";
        }

        function isPage(response) {
          return response.ok && response.type === "basic" && (response.headers.get("Content-Type") || "").startsWith("text/html");
        }

        async function page(event, url) {
          const href = key(url.href);
          let response;
          try {
            response = await fetch(event.request);
          } catch (offline) {
            const pages = await caches.open(PAGES);
            const kept = await pages.match(href);
            if (kept) { return kept; }
            const precached = await caches.open(STATIC);
            return (await precached.match(href)) || (await precached.match(OFFLINE_PAGES[languageOf(url)])) || Response.error();
          }
          if (isPage(response)) {
            event.waitUntil(store(href, response.clone()).then(() => keepContactPoints(url)).catch(() => {}));
          } else if (response.status === 404 || response.status === 410) {
            // A page that is gone is not shown from the device either.
            event.waitUntil(caches.open(PAGES).then((pages) => pages.delete(href)));
          }
          return response;
        }

        async function asset(request) {
          const cache = await caches.open(STATIC);
          const kept = await cache.match(request, { ignoreSearch: true });
          if (kept) { return kept; }
          const response = await fetch(request);
          if (response.ok && response.type === "basic") { await cache.put(request, response.clone()); }
          return response;
        }

        // Keeps a page; beyond MAXIMUM_PAGES the pages kept longest ago go (a page opened again counts as new).
        async function store(href, response) {
          const pages = await caches.open(PAGES);
          await pages.delete(href);
          await pages.put(href, response);
          const keys = await pages.keys();
          for (const old of keys.slice(0, Math.max(0, keys.length - MAXIMUM_PAGES))) { await pages.delete(old); }
        }

        async function keepOnce(href) {
          const pages = await caches.open(PAGES);
          if (await pages.match(href)) { return; }
          const response = await fetch(href);
          if (isPage(response)) { await store(href, response); }
        }

        // Opening a page of a municipality (or of the district) keeps its page and its contact points, in the language
        // of the page opened: the build lists them in offline/gemeinden/<slug>.json and offline/kreis.json.
        async function keepContactPoints(url) {
          const language = languageOf(url);
          const route = url.pathname.slice(BASE.length + (language ? language.length + 1 : 0));
          const place = /^gemeinden\\/([^/]+)\\//.exec(route);
          const list = place ? "offline/gemeinden/" + place[1] + ".json" : route.startsWith("kreis/") ? "offline/kreis.json" : null;
          if (!list || listed.has(language + " " + list)) { return; }
          listed.add(language + " " + list);
          try {
            const response = await fetch(BASE + list);
            if (!response.ok) { return; }
            for (const pageRoute of (await response.json()).pages) {
              await keepOnce(new URL(BASE + (language ? language + "/" : "") + pageRoute, self.location.origin).href);
            }
          } catch (offline) {
            listed.delete(language + " " + list);
          }
        }

        """
    }
}

extension SiteRenderer {
    /// What the worker keeps when someone opens a page of `owner`: the owner's page and the contact points its page
    /// shows (a municipality's own and the district's that serve it).
    func offlineRoutes(of owner: Owner) -> [String] {
        var points = Array(contactPoints(of: owner))
        if let slug = owner.municipalitySlug {
            points += contactPoints(of: .district).filter { SiteIndex.serves($0.areas, municipality: slug) }
        }
        return [Routes.owner(owner)] + points.map(Routes.contactPoint)
    }
}
