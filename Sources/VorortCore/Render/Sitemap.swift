/// `sitemap.xml` for search engines: every page with its absolute address and, where known, its review date.
enum Sitemap {
    static func xml(_ pages: [SiteRenderer.PageRecord], baseURL: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted(by: { $0.route < $1.route }) {
            out += "  <url><loc>\(XML.escape(baseURL + page.route))</loc>"
            if let date = page.lastModified { out += "<lastmod>\(date.iso)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }
}
